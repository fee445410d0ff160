// Risks raised from red dataset indicators: the rules that link a risk to an indicator and
// word the risk the form starts with.
#include "core/risk_indicators.hpp"

#include "core/date_words.hpp"

namespace assure {

FieldErrors check_risk_indicator(const std::optional<std::string>& code, const std::vector<IndicatorDefinition>& catalogue) {
    if (!code) return {};
    if (find_indicator(catalogue, *code)) return {};
    return {{"indicator", "Select an indicator from the partnership's dataset: there is no indicator \"" + *code + "\""}};
}

const IndicatorDefinition* find_indicator(const std::vector<IndicatorDefinition>& catalogue, const std::string& code) {
    for (const auto& d : catalogue) {
        if (d.code == code) return &d;
    }
    return nullptr;
}

std::optional<LatestFigure> latest_figure(const IndicatorDefinition& d, const std::vector<IndicatorValue>& values) {
    const IndicatorValue* newest = nullptr;
    for (const auto& v : values) {
        if (!v.value) continue;
        if (!newest || v.period.end() > newest->period.end() || (v.period.end() == newest->period.end() && v.period.is_year())) newest = &v;
    }
    if (!newest) return std::nullopt;
    return LatestFigure{newest->period, *newest->value, rag_of(d, newest->value), newest->origin};
}

std::string figure_in_words(double v, Unit unit) {
    const std::string figure = format_figure(v, unit);
    switch (unit) {
        case Unit::count: return figure;
        case Unit::percentage: return figure + "%";
        case Unit::rate_per_10000: return figure + " per 10,000 children";
        case Unit::days: return figure + " days";
    }
    return figure;
}

RiskDraft risk_draft_from(const IndicatorDefinition& d, const LatestFigure& latest) {
    RiskDraft draft;
    draft.title = d.name + " is " + std::string(latest.rag == Rag::none ? "without a rating" : rag_key(latest.rag));
    std::string description = "Raised from the multi-agency dataset. The latest figure for " + d.name + " is " +
                              figure_in_words(latest.value, d.unit) + " for " + latest.period.label() + " (" +
                              period_in_words(latest.period.start(), latest.period.end()) + ")";
    if (d.target) {
        description += std::string(", against a target of ") + figure_in_words(*d.target, d.unit) +
                       (d.polarity == Polarity::lower_is_better ? " or lower" : d.polarity == Polarity::higher_is_better ? " or higher" : "");
    }
    description += ".";
    draft.description = description;
    return draft;
}

}  // namespace assure
