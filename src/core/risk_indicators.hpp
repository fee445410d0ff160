#pragma once
// Risks raised from red dataset indicators (issue 17): which indicator a risk may name (one of
// the partnership's own), an indicator's latest figure and its rating by the dataset's rules
// (never typed), and the title and description a risk raised from a red one starts with.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/failure.hpp"

namespace assure {

// The indicator named must be in the partnership's catalogue; none named is fine.
FieldErrors check_risk_indicator(const std::optional<std::string>& code, const std::vector<IndicatorDefinition>& catalogue);
// The catalogue's indicator with that code, if there is one.
const IndicatorDefinition* find_indicator(const std::vector<IndicatorDefinition>& catalogue, const std::string& code);

// An indicator's most recent figure and its rating against the target.
struct LatestFigure {
    DatasetPeriod period;
    double value = 0;
    Rag rag = Rag::none;
    IndicatorValue::Origin origin = IndicatorValue::Origin::none;
};
// The newest of `values` (years and quarters, in any order) that has a figure, rated by rag_of:
// the one whose period ends last, and of a year and its fourth quarter (which end together) the
// year's, as the scorecard shows the year. None when no period has a figure.
std::optional<LatestFigure> latest_figure(const IndicatorDefinition& d, const std::vector<IndicatorValue>& values);

// "31.2 per 10,000 children", "89.3%", "290", "45.0 days": a figure in words with its unit.
std::string figure_in_words(double v, Unit unit);

// What the new-risk form starts with when a risk is raised from an indicator.
struct RiskDraft {
    std::string title;        // "Children subject to a child protection plan is red"
    std::string description;  // the latest figure, its period in words and the target
};
RiskDraft risk_draft_from(const IndicatorDefinition& d, const LatestFigure& latest);

}  // namespace assure
