#pragma once
// Use cases of the partnership directory: agencies and people.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "core/partnership.hpp"
#include "core/settings.hpp"

namespace assure {

// Reads. The lists people read are paged queries, in the actor's partnership whatever the
// query says.
Page<Agency> find_agencies(Services& s, const Actor& actor, AgencyQuery query);
Page<Person> find_people(Services& s, const Actor& actor, PersonQuery query);
// Names for the ids a page shows (labels), without loading the directory.
std::map<AgencyId, std::string> agency_names(Services& s, const Actor& actor, const std::vector<AgencyId>& ids);
std::map<PersonId, std::string> person_names(Services& s, const Actor& actor, const std::vector<PersonId>& ids);
// Every agency / person of the partnership, for a form's select box (bounded: one partnership's
// directory, and for agencies only tens of organisations).
std::vector<Agency> list_agencies(Services& s, const Actor& actor, bool include_inactive);
std::vector<Person> list_people(Services& s, const Actor& actor, const PersonFilter& filter);
Agency get_agency(Services& s, const Actor& actor, AgencyId id);
Person get_person(Services& s, const Actor& actor, PersonId id);

// Changes: each validates, checks the version, writes and audits in one transaction.
Agency create_agency(Services& s, const Actor& actor, const AgencyInput& input);
Agency update_agency(Services& s, const Actor& actor, AgencyId id, int expected_version, const AgencyInput& input);
Agency set_agency_active(Services& s, const Actor& actor, AgencyId id, int expected_version, bool active);
Person create_person(Services& s, const Actor& actor, const PersonInput& input);
Person update_person(Services& s, const Actor& actor, PersonId id, int expected_version, const PersonInput& input);
Person set_person_active(Services& s, const Actor& actor, PersonId id, int expected_version, bool active);

// The partnership's own settings. Everyone in the partnership may read them (its priorities and
// rules govern their work); changing them needs edit_partnership. A change is all or nothing,
// checked against the version read, and audited with the settings before and after.
PartnershipSettings read_settings(Services& s, const Actor& actor);
PartnershipSettings change_settings(Services& s, const Actor& actor, int expected_version, const SettingsChange& change);

// A new partnership on this server: its profile, the server's default rules, and its first
// administrator (a person in its directory with a user account), all in one transaction.
struct NewPartnershipInput {
    Partnership partnership;  // slug, name, area, logo_text
    std::string admin_name;
    std::string admin_job_title;
    std::string admin_email;
    std::string admin_password;
};
PartnershipSettings create_partnership(Services& s, const Actor& actor, const NewPartnershipInput& input);
std::vector<Partnership> list_partnerships(Services& s, const Actor& actor);

// Start-up: each partnership made before settings existed takes the server's defaults as its
// own, audited in its trail. Returns how many did.
int adopt_default_rules(Services& s);

// The audit trail's record of a partnership's settings (its own shape, not the API's).
nlohmann::json settings_audit_record(const PartnershipSettings& settings);

// The shapes written to the audit trail and returned by the API.
nlohmann::json to_json(const Agency& agency);
nlohmann::json to_json(const Person& person);

}  // namespace assure
