#pragma once
// Overdue meeting actions escalated, over sql::Connection (app/ports/action_escalations.hpp).
#include "app/ports/action_escalations.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlActionEscalations final : public ActionEscalationRepo {
public:
    explicit SqlActionEscalations(Connection& db) : db_(db) {}
    bool record(PartnershipId partnership, const ActionEscalation& e) override;
    std::vector<ActionEscalation> of_action(PartnershipId partnership, ActionId action) override;
    std::vector<ActionEscalation> open_escalated_to(PartnershipId partnership, PersonId person) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
