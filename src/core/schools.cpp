#include "core/schools.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/names.hpp"
#include "core/sheet_rows.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr Names<SchoolPhase, 8> kPhases{{{
    {SchoolPhase::early_years, {"early_years", "Early years setting"}},
    {SchoolPhase::nursery, {"nursery", "Nursery school"}},
    {SchoolPhase::primary, {"primary", "Primary"}},
    {SchoolPhase::secondary, {"secondary", "Secondary"}},
    {SchoolPhase::all_through, {"all_through", "All-through"}},
    {SchoolPhase::special, {"special", "Special school"}},
    {SchoolPhase::alternative_provision, {"alternative_provision", "Pupil referral unit or alternative provision"}},
    {SchoolPhase::college, {"college", "College"}},
}}};

constexpr Names<SchoolDuty, 3> kDuties{{{
    {SchoolDuty::section_175, {"section_175", "Section 175 (maintained schools and colleges)"}},
    {SchoolDuty::section_157, {"section_157", "Section 157 (independent schools and academies)"}},
    {SchoolDuty::early_years, {"early_years", "Early years (EYFS safeguarding requirements)"}},
}}};

bool has(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Which field each heading fills (read as core/sheet_rows.hpp's heading_columns says): Get Information about Schools' names and the template's.
const std::map<std::string, std::string>& heading_fields() {
    static const std::map<std::string, std::string> fields{
        {"urn", "urn"},
        {"name", "name"},
        {"establishmentname", "name"},
        {"schoolname", "name"},
        {"settingname", "name"},
        {"phase", "phase"},
        {"phaseofeducationname", "phase"},
        {"phaseofeducation", "phase"},
        {"type", "type"},
        {"typeofestablishmentname", "type"},
        {"typeofestablishment", "type"},
        {"establishmentstatusname", "status"},
        {"establishmentstatus", "status"},
        {"status", "status"},
        {"designatedsafeguardinglead", "lead_name"},
        {"dsl", "lead_name"},
        {"dslname", "lead_name"},
        {"leadsemail", "lead_email"},
        {"dslemail", "lead_email"},
        {"designatedsafeguardingleademail", "lead_email"},
    };
    return fields;
}

}  // namespace

std::string_view school_phase_key(SchoolPhase p) { return kPhases.key(p); }
std::string_view school_phase_label(SchoolPhase p) { return kPhases.label(p); }
std::optional<SchoolPhase> parse_school_phase_key(std::string_view key) { return kPhases.parse(key); }
const std::vector<SchoolPhase>& all_school_phases() {
    static const std::vector<SchoolPhase> all = kPhases.values();
    return all;
}
std::string_view school_duty_key(SchoolDuty d) { return kDuties.key(d); }
std::string_view school_duty_label(SchoolDuty d) { return kDuties.label(d); }
std::optional<SchoolDuty> parse_school_duty(std::string_view key) { return kDuties.parse(key); }

bool is_urn(std::string_view text) {
    if (text.size() == 8 && (text.substr(0, 2) == "EY" || text.substr(0, 2) == "ey")) text.remove_prefix(2);
    return text.size() == 6 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<SchoolPhase> phase_from(std::string_view phase_text, std::string_view type_text, std::string_view urn) {
    const std::string phase = lower(trim(phase_text)), type = lower(trim(type_text));
    if (const auto key = kPhases.parse(phase)) return key;
    // The type says more than the phase for settings whose phase is "Not applicable".
    if (has(type, "special")) return SchoolPhase::special;
    if (has(type, "pupil referral") || has(type, "alternative provision")) return SchoolPhase::alternative_provision;
    if (has(type, "further education") || has(type, "sixth form") || phase == "16 plus") return SchoolPhase::college;
    if (has(phase, "early years") || has(type, "early years") || has(type, "childminder") || (urn.size() == 8 && lower(urn.substr(0, 2)) == "ey")) {
        return SchoolPhase::early_years;
    }
    if (phase == "nursery" || has(type, "nursery")) return SchoolPhase::nursery;
    if (phase == "primary" || phase == "middle deemed primary" || phase == "infant" || phase == "junior") return SchoolPhase::primary;
    if (phase == "secondary" || phase == "middle deemed secondary") return SchoolPhase::secondary;
    if (phase == "all-through" || phase == "all through") return SchoolPhase::all_through;
    for (const auto p : kPhases.values()) if (lower(kPhases.label(p)) == phase) return p;
    return std::nullopt;
}

SchoolDuty duty_of(SchoolPhase phase, std::string_view type_text) {
    if (phase == SchoolPhase::early_years) return SchoolDuty::early_years;
    const std::string type = lower(type_text);
    // Academies and free schools (and so studio schools, university technical colleges and
    // city technology colleges) are independent schools in law; "non-maintained special"
    // schools are approved under their own regulations, which apply section 157's standard.
    for (const char* independent : {"academy", "free school", "independent", "studio school", "university technical", "city technology",
                                    "non-maintained"}) {
        if (has(type, independent)) return SchoolDuty::section_157;
    }
    return SchoolDuty::section_175;
}

std::optional<School> check_school(const SchoolInput& in, FieldErrors& errors, const std::string& prefix) {
    const std::size_t before = errors.size();
    School s;
    s.urn = trim(in.urn);
    if (s.urn.size() == 8 && lower(s.urn.substr(0, 2)) == "ey") s.urn.replace(0, 2, "EY");  // Ofsted writes it in capitals
    if (s.urn.empty()) errors.push_back({prefix + "urn", "Enter the setting's URN"});
    else if (!is_urn(s.urn)) errors.push_back({prefix + "urn", "Enter a URN of 6 digits, or EY and 6 digits for an early years setting (" + trim(in.urn) + " is not one)"});
    s.name = trim(in.name);
    if (s.name.empty()) errors.push_back({prefix + "name", "Enter the setting's name"});
    else if (char_count(s.name) > 200) errors.push_back({prefix + "name", "The name must be 200 characters or fewer"});
    s.establishment_type = trim(in.type);
    if (char_count(s.establishment_type) > 100) errors.push_back({prefix + "type", "The type must be 100 characters or fewer"});
    if (const auto phase = phase_from(in.phase, s.establishment_type, s.urn)) {
        s.phase = *phase;
    } else {
        errors.push_back({prefix + "phase", trim(in.phase).empty() ? "Enter the phase: early years, nursery, primary, secondary, all-through, special, "
                                                                     "pupil referral unit or college"
                                                                   : "The phase \"" + trim(in.phase) + "\" is not one Assure knows: enter primary, "
                                                                                                      "secondary, special or another phase"});
    }
    s.duty = duty_of(s.phase, s.establishment_type);
    s.active = lower(trim(in.status)).rfind("closed", 0) != 0;  // "Open, but proposed to close" is open
    s.lead_name = trim(in.lead_name);
    s.lead_email = lower(trim(in.lead_email));
    if (!s.lead_email.empty() && !looks_like_email(s.lead_email)) {
        errors.push_back({prefix + "lead_email", "Enter the lead's email address like name@school.sch.uk"});
    }
    if (s.lead_email.empty() != s.lead_name.empty()) {
        errors.push_back({prefix + (s.lead_name.empty() ? "lead_name" : "lead_email"),
                          s.lead_name.empty() ? "Enter the designated safeguarding lead's name with their email" : "Enter the designated safeguarding lead's email with their name"});
    }
    if (errors.size() != before) return std::nullopt;
    return s;
}

const std::vector<std::string>& school_sheet_headings() {
    static const std::vector<std::string> headings{"URN", "Name", "Phase", "Type", "Designated safeguarding lead", "Lead's email"};
    return headings;
}

std::vector<School> read_school_sheet(std::string_view csv, const std::string& field, FieldErrors& errors) {
    const SheetShape shape{heading_fields(),
                           {"urn", "name"},
                           "The first row must name the columns, with URN and Name at least: use the template, or a Get Information about Schools download",
                           kMaxSchoolRows,
                           "A register has at most " + std::to_string(kMaxSchoolRows) + " settings: split the file",
                           "The file has no settings: one school, college or early years setting on each row, under a row of headings"};
    std::vector<School> out;
    std::map<std::string, int> urn_rows;  // URN -> the row it was first on
    const bool read = read_sheet(csv, shape, field, errors, [&](const SheetRow& row) {
        const auto cell = [&](const char* name) { return row.cell(name); };
        FieldErrors row_errors;
        auto school = check_school({cell("urn"), cell("name"), cell("phase"), cell("type"), cell("lead_name"), cell("lead_email"), cell("status")}, row_errors);
        if (school) {
            const auto [first, fresh] = urn_rows.emplace(school->urn, row.line());
            if (!fresh) row_errors.push_back({"urn", "The URN " + school->urn + " is on row " + std::to_string(first->second) + " too: each setting once"});
        }
        if (row_errors.empty()) out.push_back(std::move(*school));
        return row_errors;
    });
    return read ? out : std::vector<School>{};
}

std::vector<AuditStandard> default_section_157() {
    return {{"1", "Proprietor's leadership", "The proprietor (the academy trust or owner) makes safeguarding a whole-school priority and checks it."},
            {"2", "Designated safeguarding lead", "A trained DSL and deputies with the time and authority to act."},
            {"3", "Policies published", "A child protection policy that follows KCSIE and local procedures, published on the website."},
            {"4", "Training and induction", "All staff trained at induction and updated at least yearly."},
            {"5", "Safer recruitment", "The single central record complete, the proprietor's own checks included."},
            {"6", "Allegations against staff", "Concerns about staff referred to the LADO; referrals made to the DBS and the TRA."},
            {"7", "Online safety", "Filtering, monitoring and teaching keep pupils safe online."},
            {"8", "Children potentially at greater risk", "Children with a social worker, SEND or missing education are known and supported."},
            {"9", "Records and information sharing", "Concerns recorded, records transferred and information shared."}};
}

std::vector<AuditStandard> default_early_years() {
    return {{"1", "Lead practitioner", "A trained lead practitioner for safeguarding in every setting, known to staff and parents."},
            {"2", "Policy and procedures", "A safeguarding policy that follows the partnership's procedures and covers mobile phones and cameras."},
            {"3", "Training", "Every practitioner trained to recognise and respond to concerns, refreshed regularly."},
            {"4", "Suitable people", "DBS checks, references and disqualification declarations for everyone who works with children."},
            {"5", "Allegations and notifications", "Allegations referred to the LADO and notified to Ofsted within 14 days."},
            {"6", "Key person and ratios", "Each child has a key person; staff-to-child ratios are kept."},
            {"7", "Attendance and absence", "Unexplained absence is followed up, and long absence is shared with the right agency."},
            {"8", "Records and information sharing", "Concerns recorded and shared promptly, records passed on when a child moves."}};
}

std::vector<AuditStandard> standards_for(SchoolDuty duty, const LearningRules& rules) {
    switch (duty) {
        case SchoolDuty::section_157: return default_section_157();
        case SchoolDuty::early_years: return default_early_years();
        case SchoolDuty::section_175: break;
    }
    return rules.section_175;
}

std::vector<AgencyId> schools_to_invite(SchoolDuty duty, const std::vector<SchoolPhase>& phases, const std::vector<School>& register_,
                                        const std::vector<AgencyId>& already_invited) {
    std::vector<AgencyId> out;
    for (const auto& s : register_) {
        if (!s.active || s.duty != duty) continue;
        if (!phases.empty() && std::find(phases.begin(), phases.end(), s.phase) == phases.end()) continue;
        if (std::find(already_invited.begin(), already_invited.end(), s.agency) != already_invited.end()) continue;
        out.push_back(s.agency);
    }
    return out;
}

std::vector<PhaseResult> results_by_phase(const AuditCycle& cycle, const std::vector<AuditReturn>& returns,
                                          const std::vector<School>& register_) {
    std::map<AgencyId, SchoolPhase> phase_of;
    for (const auto& s : register_) phase_of.emplace(s.agency, s.phase);
    std::vector<PhaseResult> out;
    for (const auto phase : kPhases.values()) {
        PhaseResult r;
        r.phase = phase;
        std::set<AgencyId> members;
        for (const auto& a : cycle.invited) {
            const auto p = phase_of.find(a);
            if (p != phase_of.end() && p->second == phase) members.insert(a);
        }
        if (members.empty()) continue;
        r.invited = static_cast<int>(members.size());
        std::vector<AuditReturn> theirs;
        for (const auto& ret : returns) {
            if (!members.count(ret.agency) || ret.status != ReturnStatus::submitted) continue;
            ++r.submitted;
            const bool gap = std::any_of(ret.answers.begin(), ret.answers.end(),
                                         [&](const StandardAnswer& a) { return is_gap(cycle.scale, effective_grade(a)); });
            r.with_gaps += gap ? 1 : 0;
            theirs.push_back(ret);
        }
        r.standards = results_by_standard(cycle, theirs);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace assure
