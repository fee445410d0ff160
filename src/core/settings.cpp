#include "core/settings.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/fields.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

// A share stored as 0.75 is shown and typed as the whole percentage 75.
int percent(double share) { return static_cast<int>(std::lround(share * 100)); }

const std::vector<NumberSetting> kNumbers = {
    {"notify_panel_working_days", SettingsSection::reviews, "Working days to notify the Child Safeguarding Practice Review Panel",
     "From the day the local authority became aware. Working Together 2023: 5.", 1, 60,
     [](const PartnershipRules& r) { return r.reviews.notify_panel_working_days; },
     [](PartnershipRules& r, int v) { r.reviews.notify_panel_working_days = v; }},
    {"inform_partners_working_days", SettingsSection::reviews, "Working days to inform the safeguarding partners", "", 1, 60,
     [](const PartnershipRules& r) { return r.reviews.inform_partners_working_days; },
     [](PartnershipRules& r, int v) { r.reviews.inform_partners_working_days = v; }},
    {"rapid_review_working_days", SettingsSection::reviews, "Working days to finish a rapid review",
     "Working Together 2023: 15.", 1, 60, [](const PartnershipRules& r) { return r.reviews.rapid_review_working_days; },
     [](PartnershipRules& r, int v) { r.reviews.rapid_review_working_days = v; }},
    {"review_months", SettingsSection::reviews, "Months to complete a local child safeguarding practice review",
     "Working Together 2023: 6.", 1, 36, [](const PartnershipRules& r) { return r.reviews.review_months; },
     [](PartnershipRules& r, int v) { r.reviews.review_months = v; }},
    {"final_report_working_days_before_publication", SettingsSection::reviews,
     "Working days between sending the final report to the Panel and publishing it", "Working Together 2023: 7.", 0, 60,
     [](const PartnershipRules& r) { return r.reviews.final_report_working_days_before_publication; },
     [](PartnershipRules& r, int v) { r.reviews.final_report_working_days_before_publication = v; }},
    {"keep_published_months", SettingsSection::reviews, "Months a published report stays on the website", "", 1, 120,
     [](const PartnershipRules& r) { return r.reviews.keep_published_months; },
     [](PartnershipRules& r, int v) { r.reviews.keep_published_months = v; }},
    {"max_children", SettingsSection::reviews, "Most children in one notification", "", 1, 20,
     [](const PartnershipRules& r) { return r.reviews.max_children; },
     [](PartnershipRules& r, int v) { r.reviews.max_children = v; }},
    {"expected_attendance", SettingsSection::governance, "Attendance expected of each member, as a percentage",
     "Members below it are listed on the attendance report.", 1, 100,
     [](const PartnershipRules& r) { return percent(r.governance.expected_rate); },
     [](PartnershipRules& r, int v) { r.governance.expected_rate = v / 100.0; }},
    {"deputy_exceptional_share", SettingsSection::governance,
     "Share of meetings a deputy may attend before it is no longer exceptional, as a percentage", "", 0, 100,
     [](const PartnershipRules& r) { return percent(r.governance.deputy_exceptional_share); },
     [](PartnershipRules& r, int v) { r.governance.deputy_exceptional_share = v / 100.0; }},
    {"attendance_window_months", SettingsSection::governance, "Months of meetings attendance is counted over", "", 1, 60,
     [](const PartnershipRules& r) { return r.governance.window_months; },
     [](PartnershipRules& r, int v) { r.governance.window_months = v; }},
    {"stale_days", SettingsSection::learning, "Days without an update before an action under way (agreed or in progress) is flagged", "", 1, 730,
     [](const PartnershipRules& r) { return r.learning.stale_days; },
     [](PartnershipRules& r, int v) { r.learning.stale_days = v; }},
    {"max_thematic_audits_per_year", SettingsSection::learning, "Most multi-agency thematic audits planned in a year",
     "The audit calendar warns above it.", 1, 52, [](const PartnershipRules& r) { return r.learning.max_thematic_audits_per_year; },
     [](PartnershipRules& r, int v) { r.learning.max_thematic_audits_per_year = v; }},
    {"lado_within_one_month_percent", SettingsSection::registers, "LADO allegations resolved within one month: target percentage",
     "80 under the older Keeping Children Safe in Education.", 0, 100,
     [](const PartnershipRules& r) { return r.registers.lado_within_one_month_percent; },
     [](PartnershipRules& r, int v) { r.registers.lado_within_one_month_percent = v; }},
    {"lado_within_three_months_percent", SettingsSection::registers, "LADO allegations resolved within three months: target percentage",
     "", 0, 100, [](const PartnershipRules& r) { return r.registers.lado_within_three_months_percent; },
     [](PartnershipRules& r, int v) { r.registers.lado_within_three_months_percent = v; }},
    {"lado_within_twelve_months_percent", SettingsSection::registers, "LADO allegations resolved within twelve months: target percentage",
     "All but exceptional cases.", 0, 100, [](const PartnershipRules& r) { return r.registers.lado_within_twelve_months_percent; },
     [](PartnershipRules& r, int v) { r.registers.lado_within_twelve_months_percent = v; }},
    {"risk_medium_from", SettingsSection::registers, "Risks: the score (likelihood times impact) from which a risk is medium",
     "Below it a risk is low. Usually 5.", 2, 25, [](const PartnershipRules& r) { return r.registers.risk_medium_from; },
     [](PartnershipRules& r, int v) { r.registers.risk_medium_from = v; }},
    {"risk_high_from", SettingsSection::registers, "Risks: the score from which a risk is high", "Usually 10.", 2, 25,
     [](const PartnershipRules& r) { return r.registers.risk_high_from; }, [](PartnershipRules& r, int v) { r.registers.risk_high_from = v; }},
    {"risk_very_high_from", SettingsSection::registers, "Risks: the score from which a risk is very high", "Usually 16.", 2, 25,
     [](const PartnershipRules& r) { return r.registers.risk_very_high_from; },
     [](PartnershipRules& r, int v) { r.registers.risk_very_high_from = v; }},
    {"escalation_stage1_working_days", SettingsSection::registers, "Escalations: working days at stage 1 (practitioners)",
     "To resolve the disagreement before it goes to managers.", 1, 120,
     [](const PartnershipRules& r) { return r.registers.escalation_stage1_working_days; },
     [](PartnershipRules& r, int v) { r.registers.escalation_stage1_working_days = v; }},
    {"escalation_stage2_working_days", SettingsSection::registers, "Escalations: working days at stage 2 (managers)", "", 1, 120,
     [](const PartnershipRules& r) { return r.registers.escalation_stage2_working_days; },
     [](PartnershipRules& r, int v) { r.registers.escalation_stage2_working_days = v; }},
    {"escalation_stage3_working_days", SettingsSection::registers, "Escalations: working days at stage 3 (senior managers)", "", 1, 120,
     [](const PartnershipRules& r) { return r.registers.escalation_stage3_working_days; },
     [](PartnershipRules& r, int v) { r.registers.escalation_stage3_working_days = v; }},
    {"escalation_stage4_working_days", SettingsSection::registers, "Escalations: working days at stage 4 (the partnership)", "", 1, 120,
     [](const PartnershipRules& r) { return r.registers.escalation_stage4_working_days; },
     [](PartnershipRules& r, int v) { r.registers.escalation_stage4_working_days = v; }},
};

const std::vector<FlagSetting> kFlags = {
    {"deputy_counts_as_attended", SettingsSection::governance, "Does a deputy's attendance count for the member?",
     "The agency was represented.", [](const PartnershipRules& r) { return r.governance.deputy_counts_as_attended; },
     [](PartnershipRules& r, bool v) { r.governance.deputy_counts_as_attended = v; }},
    {"evidence_to_complete", SettingsSection::learning, "Does completing an action need evidence of what was done?",
     "Signing an action off always needs evidence of impact.",
     [](const PartnershipRules& r) { return r.learning.evidence_to_complete; },
     [](PartnershipRules& r, bool v) { r.learning.evidence_to_complete = v; }},
    {"two_factor_required", SettingsSection::sign_in,
     "Must everyone who can see case records sign in with a second factor?",
     "They set up an authenticator app at their next sign-in and cannot turn it off. The administrator, who sees no "
     "case records, is not asked.",
     [](const PartnershipRules& r) { return r.sign_in.two_factor_required; },
     [](PartnershipRules& r, bool v) { r.sign_in.two_factor_required = v; }},
};

std::string number_message(const NumberSetting& n) {
    return std::string(n.label) + " must be a whole number from " + std::to_string(n.min) + " to " + std::to_string(n.max);
}

void check_numbers(const PartnershipRules& rules, FieldErrors& errors) {
    for (const auto& n : kNumbers) {
        const int v = n.get(rules);
        if (v < n.min || v > n.max) errors.push_back({std::string(n.key), number_message(n)});
    }
}

void check_priorities(const std::vector<std::string>& priorities, FieldErrors& errors) {
    if (priorities.empty()) {
        errors.push_back({"priorities", "Enter at least one priority"});
        return;
    }
    if (priorities.size() > kMaxPriorities) {
        errors.push_back({"priorities", "Enter " + std::to_string(kMaxPriorities) + " priorities or fewer"});
    }
    std::set<std::string> seen;
    for (const auto& p : priorities) {
        if (trim(p).empty() || p.size() > 100) {
            errors.push_back({"priorities", "Each priority must be between 1 and 100 characters"});
            return;
        }
        if (!seen.insert(lower(p)).second) {
            errors.push_back({"priorities", "The priority '" + p + "' is listed twice"});
            return;
        }
    }
}

void check_cycle(const std::vector<CycleMilestone>& cycle, FieldErrors& errors) {
    if (cycle.size() > kMaxMilestones) {
        errors.push_back({"annual_cycle", "Enter " + std::to_string(kMaxMilestones) + " milestones or fewer"});
    }
    for (const auto& m : cycle) {
        if (m.month < 1 || m.month > 12 || trim(m.label).empty() || m.label.size() > 200) {
            errors.push_back({"annual_cycle", "Each milestone needs a month and a description of up to 200 characters"});
            return;
        }
    }
}

void check_standards(const std::vector<AuditStandard>& standards, const std::string& field, const std::string& name,
                     FieldErrors& errors) {
    if (standards.empty() || standards.size() > kMaxStandards) {
        errors.push_back({field, "Enter between 1 and " + std::to_string(kMaxStandards) + " " + name + " standards"});
        return;
    }
    std::set<std::string> codes;
    for (const auto& s : standards) {
        if (s.code.empty() || s.code.size() > 12 ||
            s.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.") != std::string::npos) {
            errors.push_back({field, "Each " + name + " standard needs a code of up to 12 letters, digits and dots, not '" +
                                         s.code + "'"});
            return;
        }
        if (trim(s.title).empty() || s.title.size() > 200 || s.prompt.size() > 1000) {
            errors.push_back({field, name + " standard " + s.code + " needs a title of up to 200 characters and a prompt of up to 1,000"});
            return;
        }
        if (!codes.insert(s.code).second) {
            errors.push_back({field, "The " + name + " standard code '" + s.code + "' is used twice"});
            return;
        }
    }
}

// The profile and the keys that are neither numbers nor flags.
void apply_scalar(const std::string& key, const std::string& raw, PartnershipSettings& settings, FieldErrors& errors) {
    const std::string text = trim(raw);
    auto& p = settings.partnership;
    if (key == "name") {
        if (text.empty()) errors.push_back({key, "Enter the partnership's name"});
        check_length(errors, key, text, kMaxNameLength, "The partnership's name");
        p.name = text;
    } else if (key == "area") {
        if (text.empty()) errors.push_back({key, "Enter the area the partnership covers"});
        check_length(errors, key, text, 100, "The area");
        p.area = text;
    } else if (key == "logo_text") {
        check_length(errors, key, text, kMaxLogoText, "The text beside the logo");
        p.logo_text = text;
    } else if (key == "rules_name") {
        if (text.empty()) errors.push_back({key, "Enter a name for the review rules, for example 'wt2023-local'"});
        check_length(errors, key, text, 64, "The name of the review rules");
        settings.rules.reviews.name = text;
    } else if (key == "rapid_review_anchor") {
        if (const auto anchor = parse_anchor(text)) {
            settings.rules.reviews.rapid_review_anchor = *anchor;
        } else {
            errors.push_back({key, "Choose when the rapid review's 15 working days start"});
        }
    } else {
        errors.push_back({key, "'" + key + "' is not a setting"});
    }
}

}  // namespace

std::string_view section_key(SettingsSection s) {
    switch (s) {
        case SettingsSection::profile: return "profile";
        case SettingsSection::reviews: return "reviews";
        case SettingsSection::governance: return "governance";
        case SettingsSection::learning: return "learning";
        case SettingsSection::registers: return "registers";
        case SettingsSection::sign_in: return "sign-in";
    }
    return "profile";
}

std::string_view section_label(SettingsSection s) {
    switch (s) {
        case SettingsSection::profile: return "The partnership";
        case SettingsSection::reviews: return "Serious incidents and reviews";
        case SettingsSection::governance: return "Governance";
        case SettingsSection::learning: return "Learning and improvement";
        case SettingsSection::registers: return "Registers";
        case SettingsSection::sign_in: return "Signing in";
    }
    return "The partnership";
}

std::optional<SettingsSection> parse_section(std::string_view key) {
    for (auto s : {SettingsSection::profile, SettingsSection::reviews, SettingsSection::governance, SettingsSection::learning,
                   SettingsSection::registers, SettingsSection::sign_in}) {
        if (section_key(s) == key) return s;
    }
    return std::nullopt;
}

const std::vector<NumberSetting>& number_settings() { return kNumbers; }
const std::vector<FlagSetting>& flag_settings() { return kFlags; }

FieldErrors apply_settings(const SettingsChange& change, PartnershipSettings& settings) {
    FieldErrors errors;
    for (const auto& [key, raw] : change.values) {
        const auto number = std::find_if(kNumbers.begin(), kNumbers.end(), [&](const auto& n) { return n.key == key; });
        const auto flag = std::find_if(kFlags.begin(), kFlags.end(), [&](const auto& f) { return f.key == key; });
        if (number != kNumbers.end()) {
            const auto v = to_int(trim(raw));
            if (!v || *v < number->min || *v > number->max) {
                errors.push_back({key, number_message(*number)});
            } else {
                number->set(settings.rules, static_cast<int>(*v));
            }
        } else if (flag != kFlags.end()) {
            const std::string answer = trim(raw);
            if (answer != "yes" && answer != "no") {
                errors.push_back({key, "Answer yes or no: " + std::string(flag->label)});
            } else {
                flag->set(settings.rules, answer == "yes");
            }
        } else {
            apply_scalar(key, raw, settings, errors);
        }
    }
    auto& learning = settings.rules.learning;
    if (change.priorities) {
        learning.priorities.clear();
        for (const auto& p : *change.priorities) learning.priorities.push_back(trim(p));
        check_priorities(learning.priorities, errors);
    }
    if (change.annual_cycle) {
        auto& cycle = settings.rules.governance.annual_cycle;
        cycle.clear();
        for (const auto& m : *change.annual_cycle) {
            const auto month = to_int(trim(m.month));
            cycle.push_back({month ? static_cast<int>(*month) : 0, trim(m.label)});
        }
        check_cycle(cycle, errors);
    }
    auto standards = [&](const std::optional<std::vector<AuditStandard>>& in, std::vector<AuditStandard>& out,
                         const char* field, const char* name) {
        if (!in) return;
        out.clear();
        for (const auto& s : *in) out.push_back({trim(s.code), trim(s.title), trim(s.prompt)});
        check_standards(out, field, name, errors);
    };
    standards(change.section_11, learning.section_11, "section_11", "Section 11");
    standards(change.section_175, learning.section_175, "section_175", "Section 175");
    // The risk bands' order is a rule across three numbers, checked once each is in range.
    if (errors.empty()) errors = validate_register_rules(settings.rules.registers);
    return errors;
}

FieldErrors validate_partnership_rules(const PartnershipRules& rules) {
    FieldErrors errors;
    check_numbers(rules, errors);
    if (rules.reviews.name.empty()) errors.push_back({"rules_name", "The review rules need a name"});
    check_priorities(rules.learning.priorities, errors);
    check_cycle(rules.governance.annual_cycle, errors);
    check_standards(rules.learning.section_11, "section_11", "Section 11", errors);
    check_standards(rules.learning.section_175, "section_175", "Section 175", errors);
    if (errors.empty()) errors = validate_register_rules(rules.registers);
    return errors;
}

FieldErrors validate_new_partnership(const Partnership& p) {
    FieldErrors errors;
    if (p.slug.empty() || p.slug.size() > 64 || p.slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        errors.push_back({"slug", "Enter a short name of up to 64 lower-case letters, digits and hyphens, for example 'knowsley'"});
    }
    if (trim(p.name).empty()) errors.push_back({"name", "Enter the partnership's name"});
    check_length(errors, "name", p.name, kMaxNameLength, "The partnership's name");
    if (trim(p.area).empty()) errors.push_back({"area", "Enter the area the partnership covers"});
    check_length(errors, "area", p.area, 100, "The area");
    check_length(errors, "logo_text", p.logo_text, kMaxLogoText, "The text beside the logo");
    return errors;
}

}  // namespace assure
