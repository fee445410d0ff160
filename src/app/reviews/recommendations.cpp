// A review's recommendations: numbered in order, naming the agencies they are for.
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "app/reviews/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace reviews_detail;

std::vector<Recommendation> list_recommendations(Services& s, const Actor& actor, CaseId id) {
    require(actor, Permission::view_reviews);
    std::vector<Recommendation> out;
    s.store.read([&](Transaction& tx) {
        load_visible(tx, actor, id);
        out = tx.cases().recommendations(actor.partnership, id);
    });
    log_access(s, actor, AccessKind::recommendations, "review_case", {id.str()});
    return out;
}

Recommendation add_recommendation(Services& s, const Actor& actor, CaseId id, const RecommendationInput& in) {
    require(actor, Permission::manage_reviews);
    Recommendation r;
    s.store.write([&](Transaction& tx) {
        load_visible(tx, actor, id);
        FieldErrors errors;
        r.text = trim(in.text);
        r.theme = trim(in.theme);
        if (r.text.empty()) errors.push_back({"text", "Enter the recommendation"});
        if (r.text.size() > 4000) errors.push_back({"text", "Recommendation must be 4000 characters or fewer"});
        if (r.theme.size() > 200) errors.push_back({"theme", "Theme must be 200 characters or fewer"});
        const auto agencies = tx.agencies().list(actor.partnership, true);
        for (const auto& raw : in.agency_ids) {
            std::int64_t v = 0;
            const auto res = std::from_chars(raw.data(), raw.data() + raw.size(), v);
            const AgencyId aid{v};
            if (res.ec != std::errc{} ||
                std::none_of(agencies.begin(), agencies.end(), [&](const Agency& a) { return a.id == aid; })) {
                errors.push_back({"agencies", "Select agencies of this partnership"});
                break;
            }
            if (std::find(r.agencies.begin(), r.agencies.end(), aid) == r.agencies.end()) r.agencies.push_back(aid);
        }
        if (r.agencies.empty() && errors.empty()) errors.push_back({"agencies", "Select the agencies the recommendation is for"});
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        r.case_id = id;
        r.partnership = actor.partnership;
        r.number = static_cast<int>(tx.cases().recommendations(actor.partnership, id).size()) + 1;
        r.id = tx.cases().add_recommendation(r);
        nlohmann::json after{{"case", id.value}, {"number", r.number}, {"text", r.text}, {"theme", r.theme}};
        record_audit(tx, actor, s.clock.now(), "recommendation.create", "recommendation", r.id.str(), "", after.dump());
    });
    return r;
}

}  // namespace assure
