// The agencies' quarterly returns: asking for them, following them up, and taking their
// figures by form or file. Every check runs before anything is written; the figures, the
// corrections with their reasons, the return's submission and the audit row commit together.
#include <algorithm>
#include <charconv>
#include <set>

#include <nlohmann/json.hpp>

#include "app/dataset/internal.hpp"
#include "app/dataset_returns.hpp"
#include "app/learning/internal.hpp"
#include "core/date_words.hpp"
#include "core/failure.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr std::string_view kReturnKind = "agency-return";

// Whose returns the actor may see: every agency's (the business unit), or one agency's (its lead).
std::optional<AgencyId> return_scope(Transaction& tx, const Actor& actor) {
    require(actor, Permission::view_dataset);
    if (actor.can(Permission::manage_dataset)) return std::nullopt;
    if (actor.role == Role::agency_lead) {
        const auto agency = learning_detail::agency_scope(tx, actor);
        if (agency && agency->valid()) return agency;
        throw Failure::forbidden("An agency's lead fills in its returns once the directory names their agency");
    }
    throw Failure::forbidden("The agencies' returns are for the business unit and each agency's lead");
}

DatasetReturn load_return(Transaction& tx, const Actor& actor, DatasetReturnId id) {
    const auto scope = return_scope(tx, actor);
    auto found = tx.dataset().find_return(actor.partnership, id);
    // An agency lead does not learn that another agency's return exists.
    if (!found || (scope && found->agency != *scope)) throw Failure::not_found("dataset return " + id.str());
    return *found;
}

std::vector<IndicatorDefinition> catalogue_in(Transaction& tx, PartnershipId p) {
    auto c = tx.dataset().catalogue(p);
    return c.empty() ? default_indicator_catalogue() : c;
}

std::vector<IndicatorDefinition> asked_of(Transaction& tx, const DatasetReturn& r) {
    const auto agency = tx.agencies().find(r.partnership, r.agency);
    if (!agency) throw Failure::not_found("agency " + r.agency.str());
    return return_indicators(catalogue_in(tx, r.partnership), *agency);
}

// The figures stored for the return's quarter, one per indicator asked (empty where none).
std::vector<IndicatorValue> current_figures(Transaction& tx, const DatasetReturn& r, const std::vector<IndicatorDefinition>& asked) {
    const auto stored = tx.dataset().returned_values(r.partnership, r.period.year, r.period.year);
    std::vector<IndicatorValue> out;
    for (const auto& d : asked) {
        const auto it = std::find_if(stored.begin(), stored.end(), [&](const IndicatorValue& v) { return v.code == d.code && v.period == r.period; });
        out.push_back(it == stored.end() ? IndicatorValue{d.code, r.period, std::nullopt, std::nullopt, std::nullopt} : *it);
    }
    return out;
}

bool has_figure(const IndicatorValue& v) { return v.value || v.numerator; }

nlohmann::json figure_json(const std::optional<double>& value, const std::optional<std::int64_t>& num, const std::optional<std::int64_t>& den) {
    nlohmann::json j;
    j["value"] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    j["numerator"] = num ? nlohmann::json(*num) : nlohmann::json(nullptr);
    j["denominator"] = den ? nlohmann::json(*den) : nlohmann::json(nullptr);
    return j;
}

// The audit trail's own shape of a return: not the table's, not the API's.
std::string return_audit(const DatasetReturn& r, const nlohmann::json& figures) {
    nlohmann::json j{{"agency_id", r.agency.value},
                     {"period", r.period.key()},
                     {"due_on", r.due_on.iso()},
                     {"submitted_on", r.submitted_on ? r.submitted_on->iso() : ""},
                     {"corrections", r.corrections}};
    if (!figures.is_null()) j["figures"] = figures;
    return j.dump();
}

// Saves checked figures for the return: the new and the changed (each change with the figure
// before and the reason), as one import of kind agency-return, and marks the return returned.
DatasetReturn save_figures(Services& s, Transaction& tx, const Actor& actor, DatasetReturn r, int expected_version,
                           const std::vector<IndicatorDefinition>& asked, const std::vector<ReturnedValue>& figures,
                           const std::string& reason, const std::string& file_name, int rows_read) {
    if (r.version != expected_version) throw Failure::stale("return");
    const bool first = !r.submitted_on.has_value();
    const auto current = current_figures(tx, r, asked);
    std::vector<ReturnedValue> to_write;
    std::vector<std::pair<IndicatorValue, ReturnedValue>> corrected;
    for (const auto& f : figures) {
        const auto before = std::find_if(current.begin(), current.end(), [&](const IndicatorValue& v) { return v.code == f.code; });
        if (before == current.end()) continue;  // not asked: refused by the checks before this
        if (!has_figure(*before)) {
            to_write.push_back(f);
        } else if (figure_changed(*before, f)) {
            to_write.push_back(f);
            corrected.emplace_back(*before, f);
        }
    }
    const std::string why = trim(reason);
    if (auto errors = check_correction_reason(!first && !corrected.empty(), why); !errors.empty()) throw Failure::invalid(errors);
    if (!first && to_write.empty()) return r;  // the figures already returned: nothing to save

    const Instant now = s.clock.now();
    const DatasetReturn before_return = r;
    DatasetImport import;
    import.partnership = r.partnership;
    import.kind = std::string(kReturnKind);
    import.period = r.period.key();
    import.file_name = file_name.substr(0, 200);
    import.rows_read = rows_read;
    import.rows_saved = static_cast<int>(to_write.size());
    import.changes = {static_cast<int>(to_write.size() - corrected.size()), 0, static_cast<int>(figures.size() - to_write.size()), first};
    import.by = actor.user;
    import.by_label = actor.label;
    import.at = now;
    const auto import_id = tx.dataset().insert_import(import);
    nlohmann::json changed = nlohmann::json::array();
    for (const auto& f : to_write) tx.dataset().put_value(r.partnership, f, import_id);
    for (const auto& [b, a] : corrected) {
        FigureCorrection c;
        c.ret = r.id;
        c.code = a.code;
        c.period = r.period;
        c.before = b;
        c.after = IndicatorValue{a.code, a.period, a.value, a.numerator, a.denominator};
        c.reason = why.empty() ? "Replaced by the agency's first return" : why;
        c.by = actor.user;
        c.by_label = actor.label;
        c.at = now;
        tx.dataset().add_correction(r.partnership, c);
        changed.push_back({{"code", a.code},
                           {"before", figure_json(b.value, b.numerator, b.denominator)},
                           {"after", figure_json(a.value, a.numerator, a.denominator)},
                           {"reason", c.reason}});
    }
    if (first) {
        r.submitted_on = london_today(s);
        r.submitted_at = now;
        r.submitted_by_label = actor.label;
    }
    r.corrections += first ? 0 : static_cast<int>(corrected.size());
    if (!tx.dataset().update_return(r)) throw Failure::stale("return");
    ++r.version;
    nlohmann::json saved = nlohmann::json::array();
    for (const auto& f : to_write) saved.push_back({{"code", f.code}, {"figure", figure_json(f.value, f.numerator, f.denominator)}});
    nlohmann::json after_figures{{"saved", saved}, {"corrected", changed}, {"import_id", import_id.value}};
    record_audit(tx, actor, now, first ? "dataset.return.submit" : "dataset.return.correct", "dataset_return", r.id.str(),
                 return_audit(before_return, nullptr), return_audit(r, after_figures));
    return r;
}

// The ended quarters, newest first, back to the first year the dataset has figures for (or
// two years back), at most 15 years of them.
std::vector<DatasetPeriod> ended_quarters(Date today, const std::vector<int>& years) {
    const DatasetPeriod latest = DatasetPeriod::quarter_of(today).previous();
    const int first = std::max(latest.year - 15, years.empty() ? latest.year - 2 : std::min(years.front(), latest.year - 2));
    std::vector<DatasetPeriod> out;
    for (DatasetPeriod q = latest; q.year >= first; q = q.previous()) out.push_back(q);
    return out;
}

}  // namespace

std::optional<DatasetReturnListState> parse_dataset_return_list_state(std::string_view key) {
    for (auto s : {DatasetReturnListState::all, DatasetReturnListState::outstanding, DatasetReturnListState::late, DatasetReturnListState::returned}) {
        if (dataset_return_list_state_key(s) == key) return s;
    }
    return std::nullopt;
}

std::string_view dataset_return_list_state_key(DatasetReturnListState s) {
    switch (s) {
        case DatasetReturnListState::all: return "all";
        case DatasetReturnListState::outstanding: return "outstanding";
        case DatasetReturnListState::late: return "late";
        case DatasetReturnListState::returned: return "returned";
    }
    return "";
}

DatasetReturnsOverview list_dataset_returns(Services& s, const Actor& actor, DatasetReturnListState state, const std::string& period,
                                     const PageRequest& page) {
    std::string key;
    if (!period.empty()) {
        const auto p = DatasetPeriod::parse(period);
        if (!p || p->is_year()) throw Failure::invalid({{"period", "period must be a quarter such as 2016-17-Q1"}});
        key = p->key();
    }
    DatasetReturnsOverview out;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        DatasetReturnQuery q;
        q.partnership = actor.partnership;
        q.agency = return_scope(tx, actor);
        q.state = state;
        q.period = key;
        q.today = today;
        q.page = page;
        auto found = tx.dataset().returns(q);
        for (auto& r : found.items) out.lines.items.push_back({r, dataset_return_status(r.period, r.due_on, r.submitted_on, today)});
        out.lines.next = std::move(found.next);
        out.counts = tx.dataset().count_returns(q);
        out.due_working_days = tx.dataset().return_due_working_days(actor.partnership);
        out.quarters = ended_quarters(today, tx.dataset().years(actor.partnership));
    });
    out.may_manage = actor.can(Permission::manage_dataset);
    return out;
}

int ask_for_returns(Services& s, const Actor& actor, const std::string& period) {
    require(actor, Permission::manage_dataset);
    const auto quarter = DatasetPeriod::parse(period);
    if (!quarter || quarter->is_year()) throw Failure::invalid({{"period", "Choose the quarter to ask for returns for, such as 2016-17-Q1"}});
    const Date today = london_today(s);
    if (quarter->end() >= today) {
        throw Failure::invalid({{"period", "Ask for " + quarter->label() + "'s returns once it has ended, after " + date_in_words(quarter->end())}});
    }
    int asked = 0;
    s.store.write([&](Transaction& tx) {
        auto& repo = tx.dataset();
        const int days = repo.return_due_working_days(actor.partnership);
        const auto already = repo.agencies_asked(actor.partnership, *quarter);
        const auto catalogue = catalogue_in(tx, actor.partnership);
        nlohmann::json agencies = nlohmann::json::array();
        for (const auto& a : tx.agencies().list(actor.partnership, false)) {
            const auto indicators = return_indicators(catalogue, a);
            if (indicators.empty() || std::find(already.begin(), already.end(), a.id) != already.end()) continue;
            DatasetReturn r;
            r.partnership = actor.partnership;
            r.agency = a.id;
            r.period = *quarter;
            r.due_on = return_due_on(*quarter, days, s.calendar);
            r.figures = static_cast<int>(indicators.size());
            r.id = repo.insert_return(r);
            agencies.push_back({{"return_id", r.id.value}, {"agency_id", a.id.value}, {"figures", r.figures}});
            ++asked;
        }
        if (asked == 0) return;
        record_audit(tx, actor, s.clock.now(), "dataset.returns.ask", "dataset_returns", quarter->key(), "",
                     nlohmann::json{{"period", quarter->key()},
                                    {"due_on", return_due_on(*quarter, days, s.calendar).iso()},
                                    {"returns", agencies}}
                         .dump());
    });
    return asked;
}

void set_return_due_working_days(Services& s, const Actor& actor, const std::string& days) {
    require(actor, Permission::manage_dataset);
    const std::string text = trim(days);
    int n = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < 0 || n > kMaxReturnDueWorkingDays) {
        throw Failure::invalid({{"due_working_days", "Enter a whole number of working days from 0 to 60"}});
    }
    s.store.write([&](Transaction& tx) {
        const int before = tx.dataset().return_due_working_days(actor.partnership);
        if (before == n) return;
        tx.dataset().put_return_due_working_days(actor.partnership, n);
        record_audit(tx, actor, s.clock.now(), "dataset.returns.due_days", "dataset_return_settings", actor.partnership.str(),
                     nlohmann::json{{"due_working_days", before}}.dump(), nlohmann::json{{"due_working_days", n}}.dump());
    });
}

DatasetReturnView read_dataset_return(Services& s, const Actor& actor, DatasetReturnId id, const PageRequest& corrections_page) {
    DatasetReturnView v;
    const Date today = london_today(s);
    s.store.read([&](Transaction& tx) {
        v.ret = load_return(tx, actor, id);
        v.asked = asked_of(tx, v.ret);
        v.figures = current_figures(tx, v.ret, v.asked);
        v.corrections = tx.dataset().corrections(actor.partnership, id, corrections_page);
        v.counted_from_records = codes_counted_from_records(tx, s.calendar, actor.partnership, v.ret.period);
    });
    v.status = dataset_return_status(v.ret.period, v.ret.due_on, v.ret.submitted_on, today);
    v.may_submit = !v.asked.empty() && v.status != DatasetReturnStatus::not_due;
    return v;
}

DatasetReturn submit_return_figures(Services& s, const Actor& actor, DatasetReturnId id, int expected_version,
                                    const std::vector<FigureInput>& figures, const std::string& reason) {
    DatasetReturn out;
    s.store.write([&](Transaction& tx) {
        const DatasetReturn r = load_return(tx, actor, id);
        const auto asked = asked_of(tx, r);
        std::vector<ReturnedValue> checked;
        if (auto errors = check_return_form(asked, figures, r.period, checked); !errors.empty()) throw Failure::invalid(errors);
        out = save_figures(s, tx, actor, r, expected_version, asked, checked, reason,
                           r.agency_name + ", " + r.period.label() + " (form)", static_cast<int>(asked.size()));
    });
    return out;
}

ImportReport upload_return_figures(Services& s, const Actor& actor, DatasetReturnId id, int expected_version,
                                   const std::string& file_name, std::string_view csv, const std::string& reason) {
    ImportReport report;
    report.kind = std::string(kReturnKind);
    report.file_name = file_name.empty() ? "return.csv" : file_name.substr(0, 200);
    s.store.write([&](Transaction& tx) {
        const DatasetReturn r = load_return(tx, actor, id);
        report.period = r.period.key();
        const auto asked = asked_of(tx, r);
        // Every code is read, so that one this return does not ask for is refused by name below.
        auto parsed = read_indicator_values(csv, [](std::string_view) { return true; });
        report.rows_read = parsed.rows_read;
        report.file_refused = parsed.file_refused;
        report.refused = std::move(parsed.refused);
        for (auto& x : check_return_rows(parsed.rows, asked, r.period, !r.submitted_on)) report.refused.push_back(std::move(x));
        std::stable_sort(report.refused.begin(), report.refused.end(), [](const Refusal& a, const Refusal& b) { return a.line < b.line; });
        report.rows_valid = static_cast<int>(parsed.rows.size());
        if (report.file_refused || !report.refused.empty()) {
            report.rows_valid = 0;
            return;  // nothing saved: every refusal is reported
        }
        save_figures(s, tx, actor, r, expected_version, asked, parsed.rows, reason, report.file_name, parsed.rows_read);
        report.saved = true;
        report.rows_saved = static_cast<int>(parsed.rows.size());
        report.changes.first = !r.submitted_on.has_value();
    });
    return report;
}

}  // namespace assure
