#include "core/partnership.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text.hpp"

namespace assure {

const std::vector<Sector>& sectors() {
    static const std::vector<Sector> list{
        {"local_authority", "Local authority"},
        {"police", "Police"},
        {"health", "Health"},
        {"education", "Schools and colleges"},
        {"early_years", "Early years"},
        {"justice", "Probation, youth justice and courts"},
        {"housing", "Housing"},
        {"voluntary_community", "Voluntary, community and faith sector"},
        {"faith", "Faith groups"},
        {"fire_rescue", "Fire and rescue"},
        {"other", "Other"},
    };
    return list;
}

bool is_sector(std::string_view key) {
    const auto& list = sectors();
    return std::any_of(list.begin(), list.end(), [&](const Sector& s) { return s.key == key; });
}

std::string_view sector_label(std::string_view key) {
    for (const auto& s : sectors()) {
        if (s.key == key) return s.label;
    }
    return key;
}

std::string_view agency_kind_key(AgencyKind kind) {
    return kind == AgencyKind::statutory_partner ? "statutory_partner" : "relevant_agency";
}
std::string_view agency_kind_label(AgencyKind kind) {
    return kind == AgencyKind::statutory_partner ? "Statutory partner" : "Relevant agency";
}
std::optional<AgencyKind> parse_agency_kind(std::string_view key) {
    if (key == "statutory_partner") return AgencyKind::statutory_partner;
    if (key == "relevant_agency") return AgencyKind::relevant_agency;
    return std::nullopt;
}

std::string_view statutory_role_key(StatutoryRole role) {
    switch (role) {
        case StatutoryRole::local_authority: return "local_authority";
        case StatutoryRole::police: return "police";
        case StatutoryRole::health: return "health";
        case StatutoryRole::none: break;
    }
    return "none";
}
std::string_view statutory_role_label(StatutoryRole role) {
    switch (role) {
        case StatutoryRole::local_authority: return "Local authority";
        case StatutoryRole::police: return "Police";
        case StatutoryRole::health: return "Health";
        case StatutoryRole::none: break;
    }
    return "";
}
std::optional<StatutoryRole> parse_statutory_role(std::string_view key) {
    if (key.empty() || key == "none") return StatutoryRole::none;
    if (key == "local_authority") return StatutoryRole::local_authority;
    if (key == "police") return StatutoryRole::police;
    if (key == "health") return StatutoryRole::health;
    return std::nullopt;
}

namespace {

void check_text(FieldErrors& errors, const std::string& field, const std::string& value, std::string_view empty_message,
                std::string_view too_long_message) {
    if (!is_valid_utf8(value)) {
        errors.push_back({field, "Enter text without unusual characters"});
    } else if (value.empty()) {
        errors.push_back({field, std::string(empty_message)});
    } else if (char_count(value) > kMaxNameLength) {
        errors.push_back({field, std::string(too_long_message)});
    }
}

}  // namespace

FieldErrors validate_agency(const AgencyInput& input, Agency& out) {
    FieldErrors errors;
    const std::string name = trim(input.name);
    check_text(errors, "name", name, "Enter the agency name", "Agency name must be 200 characters or fewer");

    const auto kind = parse_agency_kind(input.kind);
    if (!kind) errors.push_back({"kind", "Select whether the agency is a statutory partner or a relevant agency"});

    const auto role = parse_statutory_role(input.statutory_role);
    if (!role) {
        errors.push_back({"statutory_role", "Select local authority, police or health"});
    } else if (kind == AgencyKind::statutory_partner && *role == StatutoryRole::none) {
        errors.push_back({"statutory_role", "Select which statutory partner this is: local authority, police or health"});
    } else if (kind == AgencyKind::relevant_agency && *role != StatutoryRole::none) {
        errors.push_back({"statutory_role", "Only a statutory partner has a statutory role"});
    }

    if (input.sector.empty()) {
        errors.push_back({"sector", "Select the agency's sector"});
    } else if (!is_sector(input.sector)) {
        errors.push_back({"sector", "Select a sector from the list"});
    }

    const std::string chief = trim(input.chief_officer);
    if (char_count(chief) > kMaxNameLength) errors.push_back({"chief_officer", "Chief officer must be 200 characters or fewer"});

    std::string code = trim(input.organisation_code);
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const bool code_chars = std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '.'; });
    if (!code_chars) {
        errors.push_back({"organisation_code", "Organisation code must use only letters, numbers, hyphens and full stops"});
    } else if (code.size() > kMaxOrganisationCodeLength) {
        errors.push_back({"organisation_code", "Organisation code must be 32 characters or fewer"});
    }

    if (errors.empty()) {
        out.chief_officer = chief;
        out.organisation_code = code;
        out.name = name;
        out.kind = *kind;
        out.statutory_role = *role;
        out.sector = input.sector;
    }
    return errors;
}

FieldErrors check_organisation_unique(const Agency& agency, const std::vector<Agency>& partnership_agencies) {
    if (agency.organisation_code.empty()) return {};
    for (const auto& other : partnership_agencies) {
        if (other.id != agency.id && other.organisation_code == agency.organisation_code) {
            return {{"organisation_code", "Organisation code " + agency.organisation_code + " is already used by " + other.name}};
        }
    }
    return {};
}

FieldErrors validate_person(const PersonInput& input, const std::vector<Agency>& agencies, Person& out) {
    FieldErrors errors;
    const std::string name = trim(input.name);
    const std::string job_title = trim(input.job_title);
    const std::string email = lower(trim(input.email));
    check_text(errors, "name", name, "Enter the person's full name", "Full name must be 200 characters or fewer");
    check_text(errors, "job_title", job_title, "Enter the person's job title",
               "Job title must be 200 characters or fewer");

    std::int64_t agency_value = 0;
    const auto& raw = input.agency_id;
    const auto parsed = std::from_chars(raw.data(), raw.data() + raw.size(), agency_value);
    const bool numeric = !raw.empty() && parsed.ec == std::errc{} && parsed.ptr == raw.data() + raw.size();
    const auto agency = std::find_if(agencies.begin(), agencies.end(),
                                     [&](const Agency& a) { return numeric && a.id.value == agency_value; });
    const bool independent = raw == "none";  // e.g. an independent chair or scrutineer
    if (raw.empty()) {
        errors.push_back({"agency_id", "Select the person's agency, or Independent if they belong to none"});
    } else if (independent) {
        // no agency: nothing to check
    } else if (agency == agencies.end()) {
        errors.push_back({"agency_id", "Select an agency in this partnership"});
    } else if (!agency->active) {
        errors.push_back({"agency_id", "Select an active agency; this one has been deactivated"});
    }

    if (email.empty()) {
        errors.push_back({"email", "Enter the person's email address"});
    } else if (!looks_like_email(email) || email.size() > 254) {
        errors.push_back({"email", "Enter an email address in the correct format, like name@example.org"});
    }

    if (errors.empty()) {
        out.name = name;
        out.job_title = job_title;
        out.agency = independent ? AgencyId{} : agency->id;
        out.email = email;
    }
    return errors;
}

}  // namespace assure
