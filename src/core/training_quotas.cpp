#include "core/training_quotas.hpp"

#include <algorithm>

#include "core/fields.hpp"
#include "core/text.hpp"

namespace assure {

std::optional<int> check_quota(const std::string& typed, int capacity, FieldErrors& errors) {
    const std::string t = trim(typed);
    if (t.empty()) return std::nullopt;
    const auto n = to_int(t);
    if (!n || *n < 1 || *n > capacity) {
        errors.push_back({"quota", "Enter the most places one agency may hold, from 1 to the session's " + std::to_string(capacity) +
                                       ", or leave it empty for no limit"});
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

std::string quota_refusal(std::optional<int> quota, int held, int adding, const std::string& agency_name) {
    if (!quota || held + adding <= *quota) return "";
    const int left = std::max(0, *quota - held);
    return agency_name + " may hold " + count_of(*quota, "place", "places") + " on this session and holds " + std::to_string(held) +
           (left == 0 ? ": book another session, or ask the training team" : ": " + count_of(left, "more place", "more places") + " at most");
}

}  // namespace assure
