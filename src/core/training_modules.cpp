#include "core/training_modules.hpp"

#include <algorithm>
#include <set>

#include "core/dataset_records.hpp"  // parse_uk_date
#include "core/sheet_rows.hpp"
#include "core/text.hpp"

namespace assure {

std::optional<OnlineModule> check_module(const ModuleInput& in, FieldErrors& errors) {
    const std::size_t before = errors.size();
    OnlineModule m;
    m.title = trim(in.title);
    m.provider = trim(in.provider);
    m.link = trim(in.link);
    m.active = in.active;
    if (m.title.empty()) errors.push_back({"title", "Enter the module's title, as the provider names it"});
    else if (char_count(m.title) > 200) errors.push_back({"title", "Keep the title to 200 characters or fewer"});
    if (char_count(m.provider) > 200) errors.push_back({"provider", "Keep the provider's name to 200 characters or fewer"});
    if (!m.link.empty() && (m.link.rfind("https://", 0) != 0 || m.link.size() <= 8 || m.link.find(' ') != std::string::npos || m.link.size() > 2000)) {
        errors.push_back({"link", "Enter the link where practitioners apply, starting https://"});
    }
    if (errors.size() != before) return std::nullopt;
    return m;
}

ModuleStage stage_of(const ModuleEnrolment& e) {
    if (e.completed_on) return ModuleStage::completed;
    if (e.started_on) return ModuleStage::started;
    return ModuleStage::applied;
}

std::string_view module_stage_label(ModuleStage s) {
    switch (s) {
        case ModuleStage::started: return "Started";
        case ModuleStage::completed: return "Completed";
        case ModuleStage::applied: break;
    }
    return "Applied";
}

namespace {

// Which field each heading fills: the template's words and those e-learning reports use.
const std::map<std::string, std::string>& heading_fields() {
    static const std::map<std::string, std::string> fields{
        {"module", "module"},         {"course", "module"},        {"coursename", "module"},       {"moduletitle", "module"},
        {"name", "name"},             {"learner", "name"},         {"learnername", "name"},        {"fullname", "name"},
        {"email", "email"},           {"emailaddress", "email"},   {"learneremail", "email"},      {"organisation", "organisation"},
        {"organization", "organisation"}, {"agency", "organisation"}, {"employer", "organisation"}, {"applied", "applied"},
        {"dateapplied", "applied"},   {"enrolled", "applied"},     {"enrolmentdate", "applied"},   {"registered", "applied"},
        {"started", "started"},       {"datestarted", "started"},  {"completed", "completed"},     {"datecompleted", "completed"},
        {"completiondate", "completed"},
    };
    return fields;
}

std::optional<Date> sheet_date(const std::string& text) {
    if (auto d = Date::parse(text)) return d;
    return parse_uk_date(text);
}

}  // namespace

const std::vector<std::string>& enrolment_sheet_headings() {
    static const std::vector<std::string> headings{"Module", "Name", "Email", "Organisation", "Applied", "Started", "Completed"};
    return headings;
}

std::vector<ModuleEnrolment> read_enrolment_sheet(std::string_view csv, const EnrolmentSheetContext& context, const std::string& field,
                                                  FieldErrors& errors) {
    const SheetShape shape{heading_fields(),
                           {"module", "name", "email", "applied"},
                           "The first row must name the columns, with Module, Name, Email and Applied at least: use the template's headings",
                           kMaxEnrolmentRows,
                           "A report has at most " + std::to_string(kMaxEnrolmentRows) + " rows: split the file",
                           "The file has no enrolments: one practitioner's module on each row, under a row of headings"};
    std::vector<ModuleEnrolment> out;
    std::map<std::pair<std::int64_t, std::string>, int> seen;  // module and email -> the row first on
    const bool read = read_sheet(csv, shape, field, errors, [&](const SheetRow& sheet_row) {
        const auto cell = [&](const char* name) { return trim(sheet_row.cell(name)); };
        FieldErrors row;
        ModuleEnrolment e;
        const std::string module = cell("module");
        if (module.empty()) row.push_back({"module", "name the module"});
        else if (const auto m = context.modules.find(lower(module)); m == context.modules.end()) {
            row.push_back({"module", "\"" + module + "\" is not one of the partnership's online modules: add it first, or correct its title"});
        } else {
            e.module = m->second;
            e.module_title = module;
        }
        e.name = cell("name");
        if (e.name.empty()) row.push_back({"name", "enter the practitioner's name"});
        else if (char_count(e.name) > 200) row.push_back({"name", "keep the name to 200 characters or fewer"});
        e.email = lower(cell("email"));
        if (e.email.empty()) row.push_back({"email", "enter the practitioner's email address"});
        else if (!looks_like_email(e.email) || e.email.size() > 254) row.push_back({"email", "\"" + e.email + "\" is not an email address"});
        e.organisation = cell("organisation");
        if (char_count(e.organisation) > 300) row.push_back({"organisation", "keep the organisation to 300 characters or fewer"});
        if (const auto a = context.agencies.find(lower(e.organisation)); !e.organisation.empty() && a != context.agencies.end()) {
            e.agency = a->second.first;
            e.agency_name = a->second.second;
        } else {
            e.agency_name = e.organisation;
        }
        auto date_of = [&](const char* name, const char* words) -> std::optional<Date> {
            const std::string text = cell(name);
            if (text.empty()) return std::nullopt;
            auto d = sheet_date(text);
            if (!d) row.push_back({name, std::string(words) + " \"" + text + "\" is not a real date like 2016-04-05 or 05/04/2016"});
            return d;
        };
        const auto applied = date_of("applied", "the date applied");
        if (!applied && cell("applied").empty()) row.push_back({"applied", "enter the date the practitioner applied"});
        e.started_on = date_of("started", "the date started");
        e.completed_on = date_of("completed", "the date completed");
        if (applied) {
            e.applied_on = *applied;
            if (e.started_on && *e.started_on < *applied) row.push_back({"started", "the date started is before the date applied"});
            if (e.completed_on && *e.completed_on < (e.started_on ? *e.started_on : *applied)) {
                row.push_back({"completed", "the date completed is before the date " + std::string(e.started_on ? "started" : "applied")});
            }
        }
        // A module completed was started, whether or not the report says when.
        if (e.completed_on && !e.started_on && row.empty()) e.started_on = e.applied_on;
        if (row.empty()) {
            const auto [first, fresh] = seen.emplace(std::make_pair(e.module.value, e.email), sheet_row.line());
            if (!fresh) row.push_back({"email", e.email + " is on row " + std::to_string(first->second) + " for the same module: each enrolment once"});
        }
        if (row.empty()) out.push_back(std::move(e));
        return row;
    });
    return read ? out : std::vector<ModuleEnrolment>{};
}

namespace {

struct Tally {
    int applied = 0, started = 0, completed = 0;
    void count(const ModuleEnrolment& e) {
        ++applied;
        if (e.started_on) ++started;
        if (e.completed_on) ++completed;
    }
};

ModuleFigureLine line_of(const std::string& name, const Tally& t, ModuleId module = {}) {
    return {name, module, t.applied, t.started, t.completed, percent(t.completed, t.applied)};
}

}  // namespace

ModuleFigures module_figures(FinancialYear year, const std::vector<OnlineModule>& modules, const std::vector<ModuleEnrolment>& enrolments) {
    ModuleFigures f;
    f.year = year;
    std::map<std::int64_t, Tally> by_module;
    std::map<std::string, Tally> by_agency;
    Tally total;
    std::set<std::string> applied, completed;
    for (const auto& e : enrolments) {
        if (!year.contains(e.applied_on)) continue;
        by_module[e.module.value].count(e);
        by_agency[e.agency_name.empty() ? kNoOrganisationGiven : e.agency_name].count(e);
        total.count(e);
        applied.insert(e.email);
        if (e.completed_on) completed.insert(e.email);
    }
    std::vector<const OnlineModule*> titled;
    for (const auto& m : modules) titled.push_back(&m);
    std::sort(titled.begin(), titled.end(), [](const auto* a, const auto* b) { return lower(a->title) < lower(b->title); });
    for (const auto* m : titled) {
        const auto t = by_module.find(m->id.value);
        if (!m->active && t == by_module.end()) continue;  // a module withdrawn before the year
        f.by_module.push_back(line_of(m->title, t == by_module.end() ? Tally{} : t->second, m->id));
    }
    for (const auto& [name, t] : by_agency) f.by_agency.push_back(line_of(name, t));
    std::stable_sort(f.by_agency.begin(), f.by_agency.end(), [](const auto& a, const auto& b) {
        if ((a.name == kNoOrganisationGiven) != (b.name == kNoOrganisationGiven)) return b.name == kNoOrganisationGiven;
        return a.applied > b.applied;
    });
    f.total = line_of("All modules", total);
    f.practitioners_applied = static_cast<int>(applied.size());
    f.practitioners_completed = static_cast<int>(completed.size());
    return f;
}

}  // namespace assure
