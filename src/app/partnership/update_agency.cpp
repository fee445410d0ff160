#include "app/partnership.hpp"

namespace assure {
namespace {

// Loads the agency for a change and refuses a stale version before anything is validated,
// so the person is told about the conflict rather than about a field.
Agency load_for_change(Transaction& tx, const Actor& actor, AgencyId id, int expected_version) {
    auto current = tx.agencies().find(actor.partnership, id);
    if (!current) throw Failure::not_found("agency " + id.str());
    if (current->version != expected_version) throw Failure::stale("agency");
    return *current;
}

Agency save(Services& s, Transaction& tx, const Actor& actor, const Agency& before, Agency after, const char* action) {
    if (!tx.agencies().update(after)) throw Failure::stale("agency");
    after.version = before.version + 1;
    record_audit(tx, actor, s.clock.now(), action, "agency", after.id.str(), to_json(before).dump(),
                 to_json(after).dump());
    return after;
}

}  // namespace

Agency update_agency(Services& s, const Actor& actor, AgencyId id, int expected_version, const AgencyInput& input) {
    require(actor, Permission::edit_directory);
    Agency result;
    s.store.write([&](Transaction& tx) {
        const Agency before = load_for_change(tx, actor, id, expected_version);
        Agency after = before;
        auto errors = validate_agency(input, after);
        if (errors.empty()) errors = check_organisation_unique(after, tx.agencies().list(actor.partnership, true));
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        result = save(s, tx, actor, before, after, "agency.update");
    });
    return result;
}

Agency set_agency_active(Services& s, const Actor& actor, AgencyId id, int expected_version, bool active) {
    require(actor, Permission::edit_directory);
    Agency result;
    s.store.write([&](Transaction& tx) {
        const Agency before = load_for_change(tx, actor, id, expected_version);
        Agency after = before;
        after.active = active;
        result = save(s, tx, actor, before, after, active ? "agency.reactivate" : "agency.deactivate");
    });
    return result;
}

}  // namespace assure
