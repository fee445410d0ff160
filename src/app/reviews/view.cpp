// Reading cases: need-to-know, identities opened only for those allowed, every read logged.
// Reads run in read transactions and log through the access log, so they never take the write lock.
#include <nlohmann/json.hpp>

#include "app/ports/cases_due.hpp"
#include "app/reviews.hpp"
#include "app/reviews_due.hpp"
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

std::string seal_identities(const Services& s, Transaction& tx, const std::vector<Child>& children) {
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
    // Checked in the writing transaction, which a rotation's transaction cannot overlap: a server
    // still holding the old key after `assure key rotate` refuses instead of sealing under it.
    if (const auto check = tx.case_key().find(); check && !check->key_id.empty() && check->key_id != s.sealer->key_id()) {
        throw Failure(FailureCode::unavailable, "The case key has been changed",
                      {}, "This server was started with a case key the database no longer uses (key " + s.sealer->key_id() +
                              ", the database's is " + check->key_id + "). Restart it with the new key; nothing was saved.");
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

namespace {

CaseQuery query_for(const Actor& actor) {
    CaseQuery q;
    q.partnership = actor.partnership;
    q.visible_to = CaseReader{actor.user, case_reach(actor.role)};
    return q;
}

std::vector<std::string> ids_of(const std::vector<CaseView>& views) {
    std::vector<std::string> out;
    out.reserve(views.size());
    for (const auto& v : views) out.push_back(v.record.id.str());
    return out;
}

}  // namespace

Page<CaseView> list_cases(Services& s, const Actor& actor, const CaseFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_reviews);
    const Date today = london_today(s);
    CaseQuery q = query_for(actor);
    q.open_only = filter.open_only;
    q.stage = filter.stage;
    if (filter.overdue_only) q.overdue_on = today;
    q.reference_text = filter.reference_text;
    q.page = page;
    Page<CaseView> out;
    s.store.read([&](Transaction& tx) {
        Page<Case> cases = tx.cases().list(q);
        out.next = std::move(cases.next);
        for (auto& c : cases.items) out.items.push_back(view_of(s, std::move(c), today));
    });
    // A list shows case records too; an empty one shows none.
    if (!out.items.empty()) log_access(s, actor, AccessKind::list, "review_case", ids_of(out.items));
    return out;
}

std::vector<CaseView> cases_due_soonest(Services& s, const Actor& actor, int limit) {
    require(actor, Permission::view_reviews);
    const Date today = london_today(s);
    std::vector<CaseView> out;
    s.store.read([&](Transaction& tx) {
        auto* with = dynamic_cast<CasesDueTransaction*>(&tx);
        if (with == nullptr) throw Failure(FailureCode::unavailable, "Cases by due date are not kept by this store", {}, "no CasesDueTransaction");
        for (auto& c : with->cases_due().soonest_due(query_for(actor), limit)) out.push_back(view_of(s, std::move(c), today));
    });
    if (!out.empty()) log_access(s, actor, AccessKind::list, "review_case", ids_of(out));
    return out;
}

ReviewStats review_stats(Services& s, const Actor& actor) {
    require(actor, Permission::view_reviews);
    CaseCounts counts;
    std::vector<TimelinessYear> timeliness;
    const Date today = london_today(s);
    CaseQuery q = query_for(actor);
    if (figures_reach(actor.role) == CaseReach::every_case) q.visible_to.reset();  // no reader: every case
    s.store.read([&](Transaction& tx) {
        counts = tx.cases().counts(q, today);
        timeliness = tx.cases().timeliness(q, today);
    });
    return {counts.open, counts.overdue, counts.decided, counts.became_local_reviews, std::move(timeliness)};
}

CaseView read_case(Services& s, const Actor& actor, CaseId id) {
    require(actor, Permission::view_reviews);
    const Date today = london_today(s);
    CaseView v;
    bool identities = false;
    s.store.read([&](Transaction& tx) {
        Case c = load_visible(tx, actor, id);
        identities = may_see_identities(c, replay(c), actor.user, actor.role) && !c.sealed_identities.empty() &&
                     s.sealer != nullptr;
        bool unreadable = false;
        if (identities) {
            try {
                open_identities(s, c);
            } catch (const Failure&) {
                // Sealed with a key this server does not have: the rest of the case is still the
                // partnership's to work on, so it is shown, with a note where the names would be.
                identities = false;
                unreadable = true;
            }
        }
        v = view_of(s, std::move(c), today);
        v.identities_shown = identities;
        v.identities_unreadable = unreadable;
    });
    log_access(s, actor, identities ? AccessKind::identities : AccessKind::record, "review_case", {id.str()});
    return v;
}

int settle_case_standings(Services& s) {
    int settled = 0;
    for (bool more = true; more;) {
        s.store.write([&](Transaction& tx) {
            const auto cases = tx.cases().unsettled(100);
            for (const auto& c : cases) tx.cases().settle(c, standing_of(c, s.calendar));
            settled += static_cast<int>(cases.size());
            more = cases.size() == 100;
        });
    }
    return settled;
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
        nlohmann::json one{{"user", x.user.value}, {"panel", conflict_view_key(x.panel)}, {"appeal", appeal_key(x.appeal)}};
        if (x.override_by_lead) {
            one["override"] = {{"by", x.override_by_lead->by.value}, {"by_label", x.override_by_lead->by_label},
                               {"on", x.override_by_lead->on.iso()}, {"reason", x.override_by_lead->reason}};
        }
        conflicts.push_back(std::move(one));
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
