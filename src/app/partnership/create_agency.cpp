#include "app/partnership.hpp"

namespace assure {

Agency create_agency(Services& s, const Actor& actor, const AgencyInput& input) {
    require(actor, Permission::edit_directory);
    Agency agency;
    agency.partnership = actor.partnership;
    if (auto errors = validate_agency(input, agency); !errors.empty()) throw Failure::invalid(std::move(errors));

    s.store.write([&](Transaction& tx) {
        if (auto errors = check_organisation_unique(agency, tx.agencies().list(actor.partnership, true)); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        agency.id = tx.agencies().insert(agency);
        record_audit(tx, actor, s.clock.now(), "agency.create", "agency", agency.id.str(), "", to_json(agency).dump());
    });
    return agency;
}

}  // namespace assure
