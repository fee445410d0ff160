#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app/access.hpp"
#include "fakes/fakes.hpp"

namespace assure::testing {

TemporaryDatabase::TemporaryDatabase() {
    static int n = 0;
    path_ = (std::filesystem::temp_directory_path() /
             ("assure-unit-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
                .string();
}

TemporaryDatabase::~TemporaryDatabase() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
}

World::World() {
    partnership = add_partnership("test", "Test Partnership");
    // People outside any agency, so that a test's agencies hold only the people it adds.
    for (const auto role : all_roles()) {
        const std::string key(role_key(role));
        const PersonId person = add_person({PersonId{}, partnership, std::string(role_label(role)), "Officer", AgencyId{},
                                            key + "@example.org"});
        users_by_role_.emplace(role, add_user(person, role));
    }
    admin = as(Role::administrator);
}

PartnershipId World::add_partnership(const std::string& slug, const std::string& name) {
    PartnershipId id;
    store.write([&](Transaction& tx) { id = tx.partnerships().insert({PartnershipId{}, slug, name}); });
    return id;
}

AgencyId World::add_agency(Agency agency) {
    agency.partnership = or_ours(agency.partnership);
    AgencyId id;
    store.write([&](Transaction& tx) { id = tx.agencies().insert(agency); });
    return id;
}

PersonId World::add_person(Person person) {
    person.partnership = or_ours(person.partnership);
    PersonId id;
    store.write([&](Transaction& tx) { id = tx.people().insert(person); });
    return id;
}

Actor World::add_user(PersonId person, Role role, PartnershipId in) {
    std::optional<User> user;
    store.write([&](Transaction& tx) {
        const auto who = tx.people().find(or_ours(in), person);
        if (!who) throw std::logic_error("add_user: no person " + person.str() + " in that partnership");
        User u;
        u.partnership = or_ours(in);
        u.person = person;
        u.email = who->email;
        u.password_hash = hasher.hash("a long enough password");
        u.role = role;
        user = tx.users().find(tx.users().insert(u));
    });
    return actor_for(*user);
}

std::vector<AuditEntry> World::audit_trail(PartnershipId in) {
    AuditFilter filter;
    filter.partnership = or_ours(in);
    std::vector<AuditEntry> trail;
    store.read([&](Transaction& tx) {
        filter.limit = tx.audit().count(filter);
        trail = tx.audit().query(filter);
    });
    std::reverse(trail.begin(), trail.end());  // the trail reads newest first
    return trail;
}

std::vector<std::string> World::audit_actions(PartnershipId in) {
    std::vector<std::string> actions;
    for (const auto& row : audit_trail(in)) actions.push_back(row.action);
    return actions;
}

std::size_t World::audit_count(PartnershipId in) {
    AuditFilter filter;
    filter.partnership = or_ours(in);
    return static_cast<std::size_t>(read([&](Transaction& tx) { return tx.audit().count(filter); }));
}

AuditEntry World::last_audit(PartnershipId in) {
    const auto trail = audit_trail(in);
    if (trail.empty()) throw std::logic_error("last_audit: the trail is empty");
    return trail.back();
}

}  // namespace assure::testing
