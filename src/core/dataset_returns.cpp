// The agencies' quarterly returns: due dates, lateness, and the checks a form or a file passes
// before any figure is saved.
#include "core/dataset_returns.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/text.hpp"

namespace assure {

Date return_due_on(const DatasetPeriod& quarter, int working_days, const WorkingCalendar& calendar) {
    return calendar.add_working_days(quarter.end(), std::clamp(working_days, 0, kMaxReturnDueWorkingDays));
}

bool agency_is_source(const Agency& agency, std::string_view source_agency) {
    const std::string source = lower(source_agency);
    if (lower(agency.name) == source) return true;
    // The default catalogue names the service, not the organisation: match by statutory role.
    switch (agency.statutory_role) {
        case StatutoryRole::local_authority: return source.starts_with("local authority");
        case StatutoryRole::police: return source == "police";
        case StatutoryRole::health: return source == "health";
        case StatutoryRole::none: return false;
    }
    return false;
}

std::vector<IndicatorDefinition> return_indicators(const std::vector<IndicatorDefinition>& catalogue, const Agency& agency) {
    std::vector<IndicatorDefinition> out;
    for (const auto& d : catalogue) {
        if (d.source == IndicatorSource::agency_return && d.rate_of.empty() && agency_is_source(agency, d.source_agency)) out.push_back(d);
    }
    return out;
}

bool asks_for_parts(const IndicatorDefinition& d) { return d.unit == Unit::percentage; }

std::string_view dataset_return_status_key(DatasetReturnStatus s) {
    switch (s) {
        case DatasetReturnStatus::not_due: return "not_due";
        case DatasetReturnStatus::due: return "due";
        case DatasetReturnStatus::late: return "late";
        case DatasetReturnStatus::submitted: return "submitted";
        case DatasetReturnStatus::submitted_late: return "submitted_late";
    }
    return "";
}

std::string_view dataset_return_status_label(DatasetReturnStatus s) {
    switch (s) {
        case DatasetReturnStatus::not_due: return "Not yet due";
        case DatasetReturnStatus::due: return "Due";
        case DatasetReturnStatus::late: return "Late";
        case DatasetReturnStatus::submitted: return "Returned";
        case DatasetReturnStatus::submitted_late: return "Returned late";
    }
    return "";
}

DatasetReturnStatus dataset_return_status(const DatasetPeriod& quarter, Date due_on, std::optional<Date> submitted_on, Date today) {
    if (submitted_on) return *submitted_on > due_on ? DatasetReturnStatus::submitted_late : DatasetReturnStatus::submitted;
    if (today > due_on) return DatasetReturnStatus::late;
    // Until the quarter has ended its figures cannot be complete.
    return today <= quarter.end() ? DatasetReturnStatus::not_due : DatasetReturnStatus::due;
}

std::string figure_field(std::string_view part, std::string_view code) { return std::string(part) + "-" + std::string(code); }

namespace {

std::optional<std::int64_t> whole(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 0) return std::nullopt;
    return v;
}

}  // namespace

FieldErrors check_return_form(const std::vector<IndicatorDefinition>& asked, const std::vector<FigureInput>& inputs,
                              const DatasetPeriod& period, std::vector<ReturnedValue>& out) {
    FieldErrors errors;
    std::vector<ReturnedValue> figures;
    for (const auto& d : asked) {
        const auto it = std::find_if(inputs.begin(), inputs.end(), [&](const FigureInput& f) { return f.code == d.code; });
        const FigureInput in = it == inputs.end() ? FigureInput{d.code, "", "", ""} : *it;
        ReturnedValue r;
        r.code = d.code;
        r.period = period;
        if (asks_for_parts(d)) {
            const std::string num_text = trim(in.numerator), den_text = trim(in.denominator);
            const auto num = whole(num_text);
            const auto den = whole(den_text);
            if (num_text.empty()) errors.push_back({figure_field("numerator", d.code), "Enter the numerator for " + d.name});
            else if (!num) errors.push_back({figure_field("numerator", d.code), "The numerator for " + d.name + " must be a whole number, like 12"});
            if (den_text.empty()) errors.push_back({figure_field("denominator", d.code), "Enter the denominator for " + d.name});
            else if (!den) errors.push_back({figure_field("denominator", d.code), "The denominator for " + d.name + " must be a whole number, like 40"});
            else if (*den == 0) errors.push_back({figure_field("denominator", d.code), "The denominator for " + d.name + " must be above 0"});
            else if (num && *num > *den) {
                errors.push_back({figure_field("numerator", d.code), "The numerator for " + d.name + " cannot be more than its denominator"});
            }
            if (num && den && *den > 0 && *num <= *den) {
                r.numerator = num;
                r.denominator = den;
                r.value = ratio_value(*num, *den, d.unit);
            }
        } else {
            const std::string text = trim(in.value);
            if (text.empty()) {
                errors.push_back({figure_field("value", d.code), "Enter the figure for " + d.name});
            } else if (d.unit == Unit::count) {
                const auto v = whole(text);
                if (!v) errors.push_back({figure_field("value", d.code), "The figure for " + d.name + " must be a whole number, like 25"});
                else r.value = static_cast<double>(*v);
            } else {
                const auto v = parse_decimal(text);
                if (!v || *v < 0) errors.push_back({figure_field("value", d.code), "The figure for " + d.name + " must be a number, like 12.5"});
                else r.value = v;
            }
        }
        figures.push_back(std::move(r));
    }
    if (errors.empty()) out = std::move(figures);
    return errors;
}

std::vector<Refusal> check_return_rows(const std::vector<ReturnedValue>& rows, const std::vector<IndicatorDefinition>& asked,
                                       const DatasetPeriod& period, bool first_return) {
    std::vector<Refusal> refused;
    std::set<std::string> given;
    for (const auto& r : rows) {
        given.insert(r.code);
        if (r.period != period) {
            refused.push_back({r.line, "period", "period " + r.period.key() + " is not this return's: the return is for " + period.key()});
        }
        const auto d = std::find_if(asked.begin(), asked.end(), [&](const IndicatorDefinition& x) { return x.code == r.code; });
        if (d == asked.end()) {
            std::string codes;
            for (const auto& x : asked) codes += (codes.empty() ? "" : ", ") + x.code;
            refused.push_back({r.line, "code", "code \"" + r.code + "\" is not a figure this return asks for (it asks for " + codes + ")"});
            continue;
        }
        if (d->unit == Unit::count && r.value && *r.value != static_cast<double>(static_cast<std::int64_t>(*r.value))) {
            refused.push_back({r.line, "value", r.code + " is a count: its value must be a whole number"});
        }
        if (r.value && *r.value < 0) refused.push_back({r.line, "value", r.code + ": a figure cannot be below 0"});
    }
    if (first_return) {
        for (const auto& d : asked) {
            if (!given.contains(d.code)) refused.push_back({0, "code", "The file has no row for " + d.code + " (" + d.name + "): a first return gives every figure"});
        }
    }
    std::stable_sort(refused.begin(), refused.end(), [](const Refusal& a, const Refusal& b) { return a.line < b.line; });
    return refused;
}

bool figure_changed(const IndicatorValue& before, const ReturnedValue& after) {
    return before.value != after.value || before.numerator != after.numerator || before.denominator != after.denominator;
}

FieldErrors check_correction_reason(bool corrects, const std::string& reason) {
    const std::string text = trim(reason);
    if (corrects && text.empty()) return {{"reason", "Say why the figures already returned are being corrected"}};
    if (text.size() > kMaxCorrectionReasonLength) return {{"reason", "The reason must be 1,000 characters or fewer"}};
    return {};
}

}  // namespace assure
