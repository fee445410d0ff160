#include "app/partnership.hpp"

namespace assure {

Person create_person(Services& s, const Actor& actor, const PersonInput& input) {
    require(actor, Permission::edit_directory);
    Person person;
    person.partnership = actor.partnership;
    s.store.write([&](Transaction& tx) {
        const auto agencies = tx.agencies().list(actor.partnership, true);
        auto errors = validate_person(input, agencies, person);
        if (errors.empty() && tx.people().find_by_email(actor.partnership, person.email)) {
            errors.push_back({"email", "Someone in the directory already has this email address"});
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        person.id = tx.people().insert(person);
        record_audit(tx, actor, s.clock.now(), "person.create", "person", person.id.str(), "", to_json(person).dump());
    });
    return person;
}

}  // namespace assure
