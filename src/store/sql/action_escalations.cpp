#include "store/sql/action_escalations.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kTable = "governance_action_escalations";

ActionEscalation read_row(const Statement& q) {
    ActionEscalation e;
    e.action = ActionId{q.int64(0)};
    e.step = strict_enum(kTable, "step", q.text(1), parse_escalation_step);
    e.due = strict_date(kTable, "due_on", q.text(2));
    e.escalated_on = strict_date(kTable, "escalated_on", q.text(3));
    e.person = PersonId{q.int64(4)};
    e.person_name = q.text(5);
    return e;
}

}  // namespace

bool SqlActionEscalations::record(PartnershipId partnership, const ActionEscalation& e) {
    auto& q = db_.cached(
        "INSERT INTO governance_action_escalations(partnership_id, action_id, step, due_on, escalated_on, person_id, person_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (action_id, step, due_on, person_id) DO NOTHING");
    q.bind(1, partnership.value)
        .bind(2, e.action.value)
        .bind(3, escalation_step_key(e.step))
        .bind(4, e.due.iso())
        .bind(5, e.escalated_on.iso())
        .bind(6, e.person.value)
        .bind(7, e.person_name)
        .run();
    return db_.changes() == 1;
}

std::vector<ActionEscalation> SqlActionEscalations::of_action(PartnershipId partnership, ActionId action) {
    auto& q = db_.cached(
        "SELECT action_id, step, due_on, escalated_on, person_id, person_name FROM governance_action_escalations "
        "WHERE partnership_id = ? AND action_id = ? ORDER BY id");
    q.bind(1, partnership.value).bind(2, action.value);
    std::vector<ActionEscalation> out;
    while (q.step()) out.push_back(read_row(q));
    return out;
}

// The latest escalation of each open action to the person: the row with the highest id.
std::vector<ActionEscalation> SqlActionEscalations::open_escalated_to(PartnershipId partnership, PersonId person) {
    auto& q = db_.cached(
        "SELECT e.action_id, e.step, e.due_on, e.escalated_on, e.person_id, e.person_name, a.text, a.owner_person_id "
        "FROM governance_action_escalations e JOIN governance_actions a ON a.id = e.action_id "
        "WHERE e.partnership_id = ? AND e.person_id = ? AND a.status = 'open' AND e.due_on = a.due_on "
        "AND e.id = (SELECT max(x.id) FROM governance_action_escalations x "
        "            WHERE x.action_id = e.action_id AND x.person_id = e.person_id AND x.due_on = a.due_on) "
        "ORDER BY e.due_on, e.action_id");
    q.bind(1, partnership.value).bind(2, person.value);
    std::vector<ActionEscalation> out;
    while (q.step()) {
        auto e = read_row(q);
        e.action_text = q.text(6);
        e.action_owner = PersonId{q.is_null(7) ? 0 : q.int64(7)};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace assure::sql
