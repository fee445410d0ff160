#pragma once
// Use cases of the partnership directory: agencies and people.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "core/partnership.hpp"

namespace assure {

// Reads
std::vector<Agency> list_agencies(Services& s, const Actor& actor, bool include_inactive);
Agency get_agency(Services& s, const Actor& actor, AgencyId id);
std::vector<Person> list_people(Services& s, const Actor& actor, const PersonFilter& filter);
Person get_person(Services& s, const Actor& actor, PersonId id);

// Changes: each validates, checks the version, writes and audits in one transaction.
Agency create_agency(Services& s, const Actor& actor, const AgencyInput& input);
Agency update_agency(Services& s, const Actor& actor, AgencyId id, int expected_version, const AgencyInput& input);
Agency set_agency_active(Services& s, const Actor& actor, AgencyId id, int expected_version, bool active);
Person create_person(Services& s, const Actor& actor, const PersonInput& input);
Person update_person(Services& s, const Actor& actor, PersonId id, int expected_version, const PersonInput& input);
Person set_person_active(Services& s, const Actor& actor, PersonId id, int expected_version, bool active);

// The shapes written to the audit trail and returned by the API.
nlohmann::json to_json(const Agency& agency);
nlohmann::json to_json(const Person& person);

}  // namespace assure
