#include "web/settings_text.hpp"

#include <array>
#include <sstream>

#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure::web {
namespace {

std::vector<std::string> non_empty_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!trim(line).empty()) out.push_back(trim(line));
    }
    return out;
}

// "April", "apr" or "4" -> "4"; anything else is returned as typed, for the rule to refuse.
std::string month_number(const std::string& typed) {
    const std::string t = lower(trim(typed));
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
        const std::string name = lower(kMonthNames[i]);
        if (t == name || (t.size() >= 3 && name.rfind(t, 0) == 0)) return std::to_string(i + 1);
    }
    return t;
}

std::string line_error(std::size_t number, const std::string& what) { return "Line " + std::to_string(number) + ": " + what; }

std::vector<AuditStandard> standards_from(const std::string& field, const std::string& text, FieldErrors& errors) {
    std::vector<AuditStandard> out;
    std::size_t number = 0;
    for (const auto& line : non_empty_lines(text)) {
        ++number;
        const auto first = line.find('|');
        if (first == std::string::npos) {
            errors.push_back({field, line_error(number, "write the code, a |, then the title, for example \"1 | Senior management commitment\"")});
            return {};
        }
        const auto second = line.find('|', first + 1);
        AuditStandard s;
        s.code = trim(line.substr(0, first));
        s.title = trim(line.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1));
        if (second != std::string::npos) s.prompt = trim(line.substr(second + 1));
        out.push_back(s);
    }
    return out;
}

}  // namespace

std::vector<std::string> cycle_lines(const std::vector<CycleMilestone>& cycle) {
    std::vector<std::string> out;
    for (const auto& m : cycle) {
        const std::string month = m.month >= 1 && m.month <= 12 ? kMonthNames[static_cast<std::size_t>(m.month - 1)] : std::to_string(m.month);
        out.push_back(month + ": " + m.label);
    }
    return out;
}

std::string cycle_text(const std::vector<CycleMilestone>& cycle) { return lines_text(cycle_lines(cycle)); }

std::vector<std::string> standard_lines(const std::vector<AuditStandard>& standards) {
    std::vector<std::string> out;
    for (const auto& s : standards) out.push_back(s.code + " | " + s.title + (s.prompt.empty() ? "" : " | " + s.prompt));
    return out;
}

std::string standards_text(const std::vector<AuditStandard>& standards) { return lines_text(standard_lines(standards)); }

std::string lines_text(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

SettingsChange change_from_form(const Ctx& ctx, SettingsSection section) {
    SettingsChange change;
    FieldErrors errors;
    auto take = [&](std::string_view key) { change.values[std::string(key)] = ctx.form(std::string(key)); };
    switch (section) {
        case SettingsSection::profile:
            for (const char* key : {"name", "area", "logo_text"}) take(key);
            break;
        case SettingsSection::reviews:
            take("rules_name");
            take("rapid_review_anchor");
            break;
        case SettingsSection::governance: {
            change.annual_cycle.emplace();
            std::size_t number = 0;
            for (const auto& line : non_empty_lines(ctx.form("annual_cycle"))) {
                ++number;
                const auto colon = line.find(':');
                if (colon == std::string::npos) {
                    errors.push_back({"annual_cycle", line_error(number, "write the month, a colon, then what happens, for example "
                                                                         "\"September: Annual report published\"")});
                    break;
                }
                const std::string month = month_number(line.substr(0, colon));
                if (month.empty() || month.find_first_not_of("0123456789") != std::string::npos) {
                    errors.push_back({"annual_cycle", line_error(number, "start with a month, for example September")});
                    break;
                }
                change.annual_cycle->push_back({month, trim(line.substr(colon + 1))});
            }
            break;
        }
        case SettingsSection::learning:
            change.priorities = non_empty_lines(ctx.form("priorities"));
            change.section_11 = standards_from("section_11", ctx.form("section_11"), errors);
            change.section_175 = standards_from("section_175", ctx.form("section_175"), errors);
            break;
        case SettingsSection::registers:
        case SettingsSection::sign_in:
            break;  // numbers and yes-or-no questions only
    }
    for (const auto& n : number_settings()) {
        if (n.section == section) take(n.key);
    }
    for (const auto& f : flag_settings()) {
        if (f.section == section) take(f.key);
    }
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    return change;
}

}  // namespace assure::web
