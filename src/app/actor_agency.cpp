#include "app/actor_agency.hpp"

namespace assure {

std::optional<AgencyId> agency_spoken_for(Transaction& tx, const Actor& actor) {
    if (actor.role != Role::agency_lead && actor.role != Role::partner_lead) return std::nullopt;
    const auto user = tx.users().find(actor.user);
    if (!user) return std::nullopt;
    const auto person = tx.people().find(actor.partnership, user->person);
    if (!person || !person->agency.valid()) return std::nullopt;
    return person->agency;
}

}  // namespace assure
