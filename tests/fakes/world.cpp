#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app/access.hpp"
#include "app/role_grants.hpp"
#include "fakes/fakes.hpp"

namespace assure::testing {

TemporaryDatabase::TemporaryDatabase(const std::string& copy_of) {
    static int n = 0;
    path_ = (std::filesystem::temp_directory_path() /
             ("assure-unit-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
                .string();
    if (copy_of.empty()) return;
    std::filesystem::copy_file(copy_of, path_);
    // A closed SQLite database has folded its write-ahead log into the file; if one is left, it
    // belongs to the copy too.
    if (std::filesystem::exists(copy_of + "-wal")) std::filesystem::copy_file(copy_of + "-wal", path_ + "-wal");
}

namespace {

const std::string kWorldSlug = "test";

std::string world_email(Role role) { return std::string(role_key(role)) + "@example.org"; }

// What every World starts with: one partnership, and a user of every role whose person is
// outside any agency (so that a test's agencies hold only the people it adds).
void seed_world(Store& store, const PasswordHasher& hasher) {
    store.write([&](Transaction& tx) {
        const PartnershipId partnership = tx.partnerships().insert({PartnershipId{}, kWorldSlug, "Test Partnership"}, PartnershipRules{});
        for (const auto role : all_roles()) {
            const PersonId person = tx.people().insert(
                {PersonId{}, partnership, std::string(role_label(role)), "Officer", AgencyId{}, world_email(role)});
            User u;
            u.partnership = partnership;
            u.person = person;
            u.email = world_email(role);
            u.password_hash = hasher.hash("a long enough password");
            u.role = role;
            tx.users().insert(u);
        }
    });
}

}  // namespace

const std::string& World::template_path() {
    static const TemporaryDatabase made;
    static const bool seeded = [] {
        sqlite::SqliteStore store(made.path());  // migrates; closed (and checkpointed) when this returns
        seed_world(store, PlainHasher{});
        return true;
    }();
    (void)seeded;
    return made.path();
}

TemporaryDatabase::~TemporaryDatabase() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
}

World::World() {
    services.xml = &xml;
    // The copy of the template holds the seed; its ids are read back rather than assumed.
    store.read([&](Transaction& tx) {
        partnership = tx.partnerships().find_by_slug(kWorldSlug)->id;
        for (const auto role : all_roles()) users_by_role_.emplace(role, actor_for(*tx.users().find_by_email(world_email(role))));
    });
    admin = as(Role::administrator);
}

User World::approve_role(UserId account) {
    for (const auto& r : list_role_requests(services, as(Role::partner_lead)).waiting) {
        if (r.grant.user == account) decide_role_request(services, as(Role::partner_lead), r.grant.id, true, "");
    }
    return *read([&](Transaction& tx) { return tx.users().find(account); });
}

PartnershipId World::add_partnership(const std::string& slug, const std::string& name) {
    PartnershipId id;
    store.write([&](Transaction& tx) { id = tx.partnerships().insert({PartnershipId{}, slug, name}, PartnershipRules{}); });
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
        PageRequest page;
        page.limit = PageRequest::max_limit;
        for (;;) {
            auto found = tx.audit().query(filter, page);
            trail.insert(trail.end(), found.items.begin(), found.items.end());
            if (!found.next) break;
            page.after = *found.next;
        }
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
