#pragma once
// Risks raised from red dataset indicators (issue 17): an indicator's standing (its latest
// figure and rating, as the scorecard computes them), the new-risk form raised from one, and
// the open risks raised from it.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/registers.hpp"
#include "core/risk_indicators.hpp"

namespace assure {

// The partnership's catalogue, or the default one until it has its own (as the scorecard reads it).
std::vector<IndicatorDefinition> partnership_catalogue(Transaction& tx, PartnershipId partnership);

struct IndicatorStanding {
    IndicatorDefinition definition;
    std::optional<LatestFigure> latest;  // none: no period has a figure yet
    [[nodiscard]] Rag rag() const { return latest ? latest->rag : Rag::none; }
};
// Permission::view_dataset. An indicator not in the partnership's catalogue is not found.
IndicatorStanding indicator_standing(Services& s, const Actor& actor, const std::string& code);

// Permission::manage_registers: the indicators a risk may be raised from, in scorecard order.
std::vector<IndicatorDefinition> risk_indicator_choices(Services& s, const Actor& actor);

// Permission::manage_registers: the new-risk form raised from an indicator, with the indicator
// chosen, raised today and, when its latest figure is red, titled and described from it.
RiskInput risk_input_from_indicator(Services& s, const Actor& actor, const std::string& code);

// Permission::view_risks: the open risks raised from the indicator, newest first (one page).
std::vector<Risk> open_risks_from_indicator(Services& s, const Actor& actor, const std::string& code);

}  // namespace assure
