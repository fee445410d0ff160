#include "core/partners.hpp"

#include <algorithm>

#include "core/date_words.hpp"
#include "core/fields.hpp"

namespace assure {

std::string_view partner_role_key(PartnerRole r) { return r == PartnerRole::lead ? "lead" : "delegate"; }
std::string_view partner_role_label(PartnerRole r) {
    return r == PartnerRole::lead ? "Lead safeguarding partner" : "Delegated safeguarding partner";
}
std::optional<PartnerRole> parse_partner_role(std::string_view key) {
    if (key == "lead") return PartnerRole::lead;
    if (key == "delegate") return PartnerRole::delegate;
    return std::nullopt;
}

bool holds_on(const PartnerAppointment& a, Date day) { return a.from <= day && (!a.to || day <= *a.to); }

namespace {

// Two spans of days share one: neither ends before the other starts.
bool overlap(const PartnerAppointment& a, const PartnerAppointment& b) {
    return (!a.to || b.from <= *a.to) && (!b.to || a.from <= *b.to);
}

}  // namespace

PartnerAppointment check_appointment(const PartnerInput& in, PartnershipId partnership, const std::vector<Agency>& agencies,
                                     const std::vector<Person>& people, const std::vector<PartnerAppointment>& existing) {
    FieldErrors errors;
    std::vector<Agency> partners;
    std::copy_if(agencies.begin(), agencies.end(), std::back_inserter(partners),
                 [](const Agency& a) { return a.kind == AgencyKind::statutory_partner && a.active; });
    // "" is "none" to the shared readers; here a choice is required.
    auto agency = agency_choice(errors, "agency_id", in.agency_id, partners, "Select one of the statutory partners");
    if (agency && !agency->valid()) {
        errors.push_back({"agency_id", "Select one of the statutory partners"});
        agency.reset();
    }
    std::vector<Person> active;
    std::copy_if(people.begin(), people.end(), std::back_inserter(active), [](const Person& p) { return p.active; });
    auto person = person_choice(errors, "person_id", in.person_id, active, "Select a person from the directory");
    if (person && !person->valid()) {
        errors.push_back({"person_id", "Select a person from the directory"});
        person.reset();
    }
    const auto role = parse_partner_role(in.role);
    if (!role) errors.push_back({"role", "Select whether they are the lead safeguarding partner or a delegate"});
    const auto from = date_field(errors, "from", in.from, "the first day in the role", true);
    if (!errors.empty()) throw Failure::invalid(std::move(errors));

    PartnerAppointment a;
    a.partnership = partnership;
    a.agency = *agency;
    a.person = *person;
    a.role = *role;
    a.from = *from;
    for (const auto& other : existing) {
        if (other.agency != a.agency || !overlap(a, other)) continue;
        if (other.person == a.person && other.role == a.role) {
            throw Failure::invalid({{"person_id", "They already hold this role for this partner from " + date_in_words(other.from)}});
        }
        if (a.role == PartnerRole::lead && other.role == PartnerRole::lead) {
            const auto who = std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.id == other.person; });
            throw Failure::invalid({{"from", (who == people.end() ? std::string("Another person") : who->name) +
                                                 " is this partner's lead safeguarding partner from " + date_in_words(other.from) +
                                                 ". Record the day their role ended first"}});
        }
    }
    return a;
}

Date check_end(const PartnerAppointment& a, const std::string& to) {
    if (a.to) throw Failure::invalid({{"to", "This role already ended on " + date_in_words(*a.to)}});
    FieldErrors errors;
    const auto day = date_field(errors, "to", to, "the last day in the role", true);
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    if (*day < a.from) throw Failure::invalid({{"to", "The last day must be on or after the first, " + date_in_words(a.from)}});
    return *day;
}

}  // namespace assure
