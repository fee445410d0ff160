// Reading the directory: every signed-in role may, within its own partnership.
#include "app/partnership.hpp"

namespace assure {

std::vector<Agency> list_agencies(Services& s, const Actor& actor, bool include_inactive) {
    require(actor, Permission::view_directory);
    std::vector<Agency> out;
    s.store.read([&](Transaction& tx) { out = tx.agencies().list(actor.partnership, include_inactive); });
    return out;
}

Page<Agency> find_agencies(Services& s, const Actor& actor, AgencyQuery query) {
    require(actor, Permission::view_directory);
    query.partnership = actor.partnership;  // never another partnership's directory
    Page<Agency> out;
    s.store.read([&](Transaction& tx) { out = tx.agencies().query(query); });
    return out;
}

Page<Person> find_people(Services& s, const Actor& actor, PersonQuery query) {
    require(actor, Permission::view_directory);
    query.partnership = actor.partnership;
    Page<Person> out;
    s.store.read([&](Transaction& tx) { out = tx.people().query(query); });
    return out;
}

std::map<AgencyId, std::string> agency_names(Services& s, const Actor& actor, const std::vector<AgencyId>& ids) {
    require(actor, Permission::view_directory);
    std::map<AgencyId, std::string> out;
    if (!ids.empty()) s.store.read([&](Transaction& tx) { out = tx.agencies().names(actor.partnership, ids); });
    return out;
}

std::map<PersonId, std::string> person_names(Services& s, const Actor& actor, const std::vector<PersonId>& ids) {
    require(actor, Permission::view_directory);
    std::map<PersonId, std::string> out;
    if (!ids.empty()) s.store.read([&](Transaction& tx) { out = tx.people().names(actor.partnership, ids); });
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
