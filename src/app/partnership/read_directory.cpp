// Reading the directory: every signed-in role may, within its own partnership.
#include "app/partnership.hpp"

namespace assure {

std::vector<Agency> list_agencies(Services& s, const Actor& actor, bool include_inactive) {
    require(actor, Permission::view_directory);
    std::vector<Agency> out;
    s.store.read([&](Transaction& tx) { out = tx.agencies().list(actor.partnership, include_inactive); });
    return out;
}

Agency get_agency(Services& s, const Actor& actor, AgencyId id) {
    require(actor, Permission::view_directory);
    std::optional<Agency> found;
    s.store.read([&](Transaction& tx) { found = tx.agencies().find(actor.partnership, id); });
    if (!found) throw Failure::not_found("agency " + id.str());
    return *found;
}

std::vector<Person> list_people(Services& s, const Actor& actor, const PersonFilter& filter) {
    require(actor, Permission::view_directory);
    std::vector<Person> out;
    s.store.read([&](Transaction& tx) { out = tx.people().list(actor.partnership, filter); });
    return out;
}

Person get_person(Services& s, const Actor& actor, PersonId id) {
    require(actor, Permission::view_directory);
    std::optional<Person> found;
    s.store.read([&](Transaction& tx) { found = tx.people().find(actor.partnership, id); });
    if (!found) throw Failure::not_found("person " + id.str());
    return *found;
}

}  // namespace assure
