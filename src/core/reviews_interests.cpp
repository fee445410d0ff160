// The partner lead's override of a business-unit member's declared interest (issue 14, item 13).
#include <algorithm>

#include "core/reviews.hpp"
#include "core/text.hpp"

namespace assure {

FieldErrors check_interest_override(const Case& c, UserId declarer, bool declarer_in_business_unit,
                                    const std::vector<std::string>& free_in_unit, const std::string& reason) {
    FieldErrors errors;
    const auto it = std::find_if(c.conflicts.begin(), c.conflicts.end(), [&](const Conflict& x) { return x.user == declarer; });
    if (it == c.conflicts.end()) {
        errors.push_back({"user_id_override", "Select the member of the business unit who declared the interest"});
    } else if (!declarer_in_business_unit) {
        // Everyone else's interest is for the panel to weigh, with an appeal to the chair.
        errors.push_back({"user_id_override",
                          it->user_label + " is not in the business unit: the panel recommends whether they take part"});
    } else if (it->override_by_lead) {
        errors.push_back({"user_id_override", it->user_label + "'s interest was already overridden by " + it->override_by_lead->by_label});
    } else if (!it->excludes()) {
        errors.push_back({"user_id_override", it->user_label + " may already take part, as the panel recommended"});
    } else if (!free_in_unit.empty()) {
        errors.push_back({"user_id_override", free_in_unit.front() +
                                                  " of the business unit has no interest in this case and can run it: an "
                                                  "override is only for a unit with no one else"});
    }
    const std::string why = trim(reason);
    if (why.empty()) {
        errors.push_back({"reason", "Say why the business unit has no one else to run this case"});
    } else if (why.size() > 2000) {
        errors.push_back({"reason", "Reason must be 2000 characters or fewer"});
    }
    return errors;
}

}  // namespace assure
