#include "app/partnership.hpp"

namespace assure {
namespace {

Person load_for_change(Transaction& tx, const Actor& actor, PersonId id, int expected_version) {
    auto current = tx.people().find(actor.partnership, id);
    if (!current) throw Failure::not_found("person " + id.str());
    if (current->version != expected_version) throw Failure::stale("person");
    return *current;
}

Person save(Services& s, Transaction& tx, const Actor& actor, const Person& before, Person after, const char* action) {
    if (!tx.people().update(after)) throw Failure::stale("person");
    after.version = before.version + 1;
    record_audit(tx, actor, s.clock.now(), action, "person", after.id.str(), to_json(before).dump(),
                 to_json(after).dump());
    return after;
}

}  // namespace

Person update_person(Services& s, const Actor& actor, PersonId id, int expected_version, const PersonInput& input) {
    require(actor, Permission::edit_directory);
    Person result;
    s.store.write([&](Transaction& tx) {
        const Person before = load_for_change(tx, actor, id, expected_version);
        Person after = before;
        const auto agencies = tx.agencies().list(actor.partnership, true);
        auto errors = validate_person(input, agencies, after);
        if (errors.empty() && after.email != before.email) {
            if (tx.people().find_by_email(actor.partnership, after.email)) {
                errors.push_back({"email", "Someone in the directory already has this email address"});
            }
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        result = save(s, tx, actor, before, after, "person.update");
    });
    return result;
}

Person set_person_active(Services& s, const Actor& actor, PersonId id, int expected_version, bool active) {
    require(actor, Permission::edit_directory);
    Person result;
    s.store.write([&](Transaction& tx) {
        const Person before = load_for_change(tx, actor, id, expected_version);
        Person after = before;
        after.active = active;
        result = save(s, tx, actor, before, after, active ? "person.reactivate" : "person.deactivate");
    });
    return result;
}

}  // namespace assure
