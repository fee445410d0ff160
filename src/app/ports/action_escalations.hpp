#pragma once
// Port: overdue meeting actions escalated (issue 20 item 7; docs/decisions/0036). A side interface
// of the SQL store's transaction, as documents and search are, so that the widely included
// Transaction is unchanged.
#include <string>
#include <vector>

#include "core/action_escalation.hpp"
#include "core/ids.hpp"

namespace assure {

struct ActionEscalation {
    ActionId action;
    EscalationStep step = EscalationStep::chair;
    Date due;           // the due date it was overdue against
    Date escalated_on;
    PersonId person;    // who it went to
    std::string person_name;
    // Read by open_escalated_to only, in the same statement: the action's words and owner.
    std::string action_text = {};
    PersonId action_owner = {};
};

struct ActionEscalationRepo {
    virtual ~ActionEscalationRepo() = default;
    // Records one; false (and nothing written) when that action, step, due date and person are
    // already recorded: the rule that each is escalated once, whoever runs the round.
    virtual bool record(PartnershipId partnership, const ActionEscalation& e) = 0;
    // An action's escalations, in the order they were made.
    virtual std::vector<ActionEscalation> of_action(PartnershipId partnership, ActionId action) = 0;
    // The open actions escalated to a person, their latest escalation each, oldest due first,
    // with each action's words and owner.
    virtual std::vector<ActionEscalation> open_escalated_to(PartnershipId partnership, PersonId person) = 0;
};

struct ActionEscalationTransaction {
    virtual ~ActionEscalationTransaction() = default;
    virtual ActionEscalationRepo& action_escalations() = 0;
};

}  // namespace assure
