#include "app/action_escalations.hpp"

namespace assure {

std::vector<ActionEscalation> escalations_of_action(Services& s, const Actor& actor, ActionId action) {
    require(actor, Permission::view_governance);
    std::vector<ActionEscalation> out;
    s.store.read([&](Transaction& tx) {
        if (auto* with = dynamic_cast<ActionEscalationTransaction*>(&tx)) out = with->action_escalations().of_action(actor.partnership, action);
    });
    return out;
}

}  // namespace assure
