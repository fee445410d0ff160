#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "app/audit.hpp"

namespace assure {
namespace {

// The review case an audit row's content belongs to, for the rows whose content is a case's
// (reasons for decisions, kinds of harm, pseudonyms, recommendations). A row of such a record
// whose case cannot be told is treated as belonging to a case no one but the business unit
// may see.
struct Restricted {
    bool restricted = false;
    CaseId case_id;
};

Restricted restricted_record(const AuditEntry& e) {
    if (e.entity_type == "review_case") {
        try {
            return {true, CaseId{std::stoll(e.entity_id)}};
        } catch (const std::exception&) {
            return {true, CaseId{}};
        }
    }
    if (e.entity_type == "recommendation") {
        for (const auto* text : {&e.after_json, &e.before_json}) {
            const auto j = nlohmann::json::parse(*text, nullptr, false);
            if (j.is_object() && j.contains("case") && j["case"].is_number_integer()) return {true, CaseId{j["case"].get<std::int64_t>()}};
        }
        return {true, CaseId{}};
    }
    return {};
}

// Whether the actor may see the case, asked once per case on the page (at most a page's rows).
class CaseSight {
public:
    CaseSight(Transaction& tx, const Actor& actor, Date today) : tx_(tx), actor_(actor), today_(today) {}
    bool may_see(CaseId id) {
        if (!actor_.can(Permission::view_reviews)) return false;
        if (case_reach(actor_.role) == CaseReach::every_case) return true;
        if (sees_every_case()) return true;
        if (!id.valid()) return false;
        if (const auto known = seen_.find(id.value); known != seen_.end()) return known->second;
        const auto c = tx_.cases().find(actor_.partnership, id);
        const bool may = c && may_see_case(*c, replay(*c), actor_.user, actor_.role);
        seen_.emplace(id.value, may);
        return may;
    }

private:
    // Whether the actor sees each of the partnership's cases (the business unit, unless one of
    // its people has declared an interest): two counts, however many rows the page shows, so
    // the usual page asks nothing per case.
    bool sees_every_case() {
        if (!every_case_) {
            CaseQuery all;
            all.partnership = actor_.partnership;
            CaseQuery theirs = all;
            theirs.visible_to = CaseReader{actor_.user, case_reach(actor_.role)};
            every_case_ = tx_.cases().counts(theirs, today_).total == tx_.cases().counts(all, today_).total;
        }
        return *every_case_;
    }

    Transaction& tx_;
    const Actor& actor_;
    Date today_;
    std::optional<bool> every_case_;
    std::map<std::int64_t, bool> seen_;
};

}  // namespace

AuditPage browse_audit(Services& s, const Actor& actor, AuditFilter filter, const PageRequest& page) {
    require(actor, Permission::view_audit);
    filter.partnership = actor.partnership;  // never another partnership's trail
    AuditPage out;
    s.store.read([&](Transaction& tx) {
        out.entries = tx.audit().query(filter, page);
        const int counted = tx.audit().count_up_to(filter, kAuditCountLimit + 1);
        out.more_than_total = counted > kAuditCountLimit;
        out.total = out.more_than_total ? kAuditCountLimit : counted;
        // Who, when, what kind of change and which record stay; the content goes unless the
        // actor may see the record itself.
        CaseSight sight(tx, actor, london_today(s));
        for (auto& e : out.entries.items) {
            if (const auto r = restricted_record(e); r.restricted && !sight.may_see(r.case_id)) {
                e.before_json.clear();
                e.after_json.clear();
                e.content_withheld = true;
            }
        }
    });
    return out;
}

}  // namespace assure
