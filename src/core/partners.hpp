#pragma once
// The safeguarding partners as Working Together 2023 names them (issue 20 item 2): for each of
// the three statutory partner agencies, its lead safeguarding partner (the council's chief
// executive, the chief constable, the integrated care board's chief executive) and the
// delegated safeguarding partners who act for them, each with the dates they hold the role.
// Pure rules: the roles' words, who holds one on a day, and what makes an appointment valid.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/partnership.hpp"

namespace assure {

enum class PartnerRole { lead, delegate };
std::string_view partner_role_key(PartnerRole r);    // "lead", "delegate"
std::string_view partner_role_label(PartnerRole r);  // "Lead safeguarding partner"
std::optional<PartnerRole> parse_partner_role(std::string_view key);

struct PartnerAppointment {
    std::int64_t id = 0;
    PartnershipId partnership;
    AgencyId agency;
    PersonId person;
    PartnerRole role = PartnerRole::lead;
    Date from;
    std::optional<Date> to;  // the last day; none while they hold it
};

// Holds the role on `day`: from its first day up to and including its last.
bool holds_on(const PartnerAppointment& a, Date day);

// What is typed into the form or sent to the API, before it is checked.
struct PartnerInput {
    std::string agency_id, person_id, role, from;
};

// Checks an appointment against the partnership's agencies and people and the agency's other
// appointments: the agency must be one of the statutory partners and active, the person in the
// directory and active, the role known, the first day a real date. One lead safeguarding partner
// per agency at a time: a lead whose dates overlap another lead's is refused, naming them.
// Answers the appointment, or throws Failure::invalid with every field's error.
PartnerAppointment check_appointment(const PartnerInput& in, PartnershipId partnership, const std::vector<Agency>& agencies,
                                     const std::vector<Person>& people, const std::vector<PartnerAppointment>& existing);

// Ending: the last day typed, on or after the first, and only once. Throws Failure::invalid.
Date check_end(const PartnerAppointment& a, const std::string& to);

}  // namespace assure
