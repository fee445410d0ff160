#pragma once
// The partnership directory: partnerships, agencies, people. Values and their rules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

struct Partnership {
    PartnershipId id;
    std::string slug;  // "knowsley"
    std::string name;  // "Knowsley Safeguarding Children Partnership"
    std::string area = {};       // the local authority area it covers: "Knowsley"
    std::string logo_text = {};  // what its pages carry beside the logo; "" shows the name
    int version = 1;

    // The name the partnership's pages carry in their header.
    [[nodiscard]] const std::string& service_name() const { return logo_text.empty() ? name : logo_text; }
};

enum class AgencyKind { statutory_partner, relevant_agency };
enum class StatutoryRole { none, local_authority, police, health };

struct Sector {
    std::string_view key;
    std::string_view label;
};
const std::vector<Sector>& sectors();
bool is_sector(std::string_view key);
std::string_view sector_label(std::string_view key);

std::string_view agency_kind_key(AgencyKind kind);
std::string_view agency_kind_label(AgencyKind kind);
std::optional<AgencyKind> parse_agency_kind(std::string_view key);
std::string_view statutory_role_key(StatutoryRole role);
std::string_view statutory_role_label(StatutoryRole role);
std::optional<StatutoryRole> parse_statutory_role(std::string_view key);

struct Agency {
    AgencyId id;
    PartnershipId partnership;
    std::string name;
    AgencyKind kind = AgencyKind::relevant_agency;
    StatutoryRole statutory_role = StatutoryRole::none;
    std::string sector;
    std::string chief_officer = {};  // name and title; persistent non-attendance is reported to them
    // The same code in every partnership the organisation works with (an NHS ODS code, a police
    // force's code); "" when none. Lets one organisation share its Section 11 return.
    std::string organisation_code = {};
    bool active = true;
    int version = 1;
};

struct Person {
    PersonId id;
    PartnershipId partnership;
    std::string name;
    std::string job_title;
    AgencyId agency;  // not valid() for an independent person (e.g. the independent scrutineer)
    std::string email;
    bool active = true;
    int version = 1;
};

// What a person typed into an agency form, before it is trusted.
struct AgencyInput {
    std::string name;
    std::string kind;            // "statutory_partner" | "relevant_agency"
    std::string statutory_role;  // "local_authority" | "police" | "health" | "" / "none"
    std::string sector;
    std::string chief_officer = {};
    std::string organisation_code = {};
};

struct PersonInput {
    std::string name;
    std::string job_title;
    std::string agency_id;  // an agency id of the partnership, or "none" for an independent person
    std::string email;
};

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxOrganisationCodeLength = 32;

// Validates and normalises; on success fills `out` (id, partnership and version untouched).
FieldErrors validate_agency(const AgencyInput& input, Agency& out);
// One agency per organisation in a partnership: a code already carried by another agency
// (active or not) of the same partnership is refused.
FieldErrors check_organisation_unique(const Agency& agency, const std::vector<Agency>& partnership_agencies);
FieldErrors validate_person(const PersonInput& input, const std::vector<Agency>& agencies, Person& out);

}  // namespace assure
