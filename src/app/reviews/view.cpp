// Reading cases: need-to-know, identities opened only for those allowed, every read audited.
#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "app/reviews/internal.hpp"

namespace assure {
namespace reviews_detail {

Case load_visible(Transaction& tx, const Actor& actor, CaseId id) {
    auto c = tx.cases().find(actor.partnership, id);
    // Not there and not yours look the same from outside.
    if (!c || !may_see_case(*c, replay(*c), actor.user, actor.role)) throw Failure::not_found("case " + id.str());
    return *c;
}

CaseView view_of(const Services& s, Case c, Date today) {
    CaseView v;
    v.state = replay(c);
    v.deadlines = deadlines(c, v.state, s.calendar);
    v.milestones = milestones(c, v.state, v.deadlines);
    if (v.state.stage != Stage::closed) v.next = next_milestone(v.milestones);
    if (v.next) {
        v.next_countdown = countdown(today, *v.next->due, s.calendar);
        v.overdue = v.next_countdown->overdue;
    }
    v.record = std::move(c);
    return v;
}

std::string seal_identities(const Services& s, const std::vector<Child>& children) {
    nlohmann::json list = nlohmann::json::array();
    bool any = false;
    for (const auto& c : children) {
        any = any || c.has_identity();
        list.push_back({{"pseudonym", c.pseudonym}, {"name", c.name}, {"date_of_birth", c.date_of_birth}, {"notes", c.notes}});
    }
    if (!any) return "";
    if (s.sealer == nullptr) {
        throw Failure::invalid({{"children", "Identifiable details cannot be stored: no case key is configured. "
                                             "Enter pseudonyms only, or ask the administrator to set the case key."}});
    }
    return s.sealer->seal(list.dump());
}

void open_identities(const Services& s, Case& c) {
    if (c.sealed_identities.empty() || s.sealer == nullptr) return;
    const auto list = nlohmann::json::parse(s.sealer->open(c.sealed_identities));
    for (auto& child : c.children) {
        for (const auto& item : list) {
            if (item.value("pseudonym", "") != child.pseudonym) continue;
            child.name = item.value("name", "");
            child.date_of_birth = item.value("date_of_birth", "");
            child.notes = item.value("notes", "");
        }
    }
}

}  // namespace reviews_detail

using namespace reviews_detail;

bool matches(const CaseView& v, const CaseFilter& filter) {
    if (filter.open_only && v.state.stage == Stage::closed) return false;
    if (filter.overdue_only && !v.overdue) return false;
    return !filter.stage || v.state.stage == *filter.stage;
}

std::vector<CaseView> list_cases(Services& s, const Actor& actor, const CaseFilter& filter) {
    require(actor, Permission::view_reviews);
    const Date today = london_today(s);
    std::vector<CaseView> out;
    // A list shows case records too, so each case listed is audited like a read.
    s.store.write([&](Transaction& tx) {
        for (auto& c : tx.cases().list(actor.partnership)) {
            if (!may_see_case(c, replay(c), actor.user, actor.role)) continue;
            CaseView v = view_of(s, std::move(c), today);
            if (!matches(v, filter)) continue;
            record_audit(tx, actor, s.clock.now(), "case.list", "review_case", v.record.id.str(), "", "");
            out.push_back(std::move(v));
        }
    });
    return out;
}

ReviewStats review_stats(const std::vector<CaseView>& visible) {
    ReviewStats st;
    for (const auto& v : visible) {
        if (v.state.stage != Stage::closed) ++st.open;
        if (v.overdue) ++st.overdue;
        if (v.state.decision) ++st.rapid_reviews_decided;
        if (v.state.decision == Decision::local_review) ++st.became_local_reviews;
    }
    return st;
}

CaseView read_case(Services& s, const Actor& actor, CaseId id) {
    const Date today = london_today(s);
    CaseView v;
    s.store.write([&](Transaction& tx) {
        Case c = load_visible(tx, actor, id);
        const bool identities = may_see_identities(c, replay(c), actor.user, actor.role) && !c.sealed_identities.empty();
        record_audit(tx, actor, s.clock.now(), "case.read", "review_case", id.str(), "", "");
        if (identities) {
            open_identities(s, c);
            record_audit(tx, actor, s.clock.now(), "case.read_identities", "review_case", id.str(), "", "");
        }
        v = view_of(s, std::move(c), today);
        v.identities_shown = identities && s.sealer != nullptr;
    });
    return v;
}

std::string case_audit_json(const Case& c) {
    nlohmann::json children = nlohmann::json::array();
    for (const auto& child : c.children) children.push_back(child.pseudonym);
    nlohmann::json agencies = nlohmann::json::array();
    for (const auto& a : c.agencies) agencies.push_back(a.value);
    nlohmann::json panel = nlohmann::json::array();
    for (const auto& m : c.panel) panel.push_back(m.user.value);
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& x : c.conflicts) {
        conflicts.push_back({{"user", x.user.value}, {"panel", conflict_view_key(x.panel)}, {"appeal", appeal_key(x.appeal)}});
    }
    return nlohmann::json{{"reference", c.reference},
                          {"became_aware_on", c.became_aware_on.iso()},
                          {"incident_on", c.incident_on.iso()},
                          {"kind", harm_key(c.kind)},
                          {"looked_after", c.looked_after},
                          {"children", children},
                          {"agencies", agencies},
                          {"panel", panel},
                          {"conflicts", conflicts},
                          {"rules", c.rules.name},
                          {"version", c.version}}
        .dump();
}

std::string event_json(const CaseEvent& e) {
    nlohmann::json j{{"event", event_key(e.kind)}, {"on", e.on.iso()}};
    if (!e.agencies.empty()) {
        j["agencies"] = nlohmann::json::array();
        for (const auto& a : e.agencies) j["agencies"].push_back(a.value);
    }
    if (e.decision) j["decision"] = decision_key(*e.decision);
    if (e.planned_on) j["planned_on"] = e.planned_on->iso();
    if (!e.reviewer_name.empty()) j["reviewer_name"] = e.reviewer_name;
    if (e.reviewer_user.valid()) j["reviewer_user_id"] = e.reviewer_user.value;
    if (!e.note.empty()) j["note"] = e.note;
    return j.dump();
}

}  // namespace assure
