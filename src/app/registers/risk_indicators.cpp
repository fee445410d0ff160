// Risks raised from red dataset indicators: the standing of an indicator is read from the
// scorecard (its latest year with data and the years before it), so the rating a risk is
// raised on is the one the scorecard shows, computed from the figures and never typed.
#include "app/risk_indicators.hpp"

#include "app/dataset.hpp"

namespace assure {

std::vector<IndicatorDefinition> partnership_catalogue(Transaction& tx, PartnershipId partnership) {
    auto catalogue = tx.dataset().catalogue(partnership);
    return catalogue.empty() ? default_indicator_catalogue() : catalogue;
}

IndicatorStanding indicator_standing(Services& s, const Actor& actor, const std::string& code) {
    require(actor, Permission::view_dataset);
    // The scorecard's latest year with its years before, and that year's quarters with theirs:
    // a figure returned by quarter is the latest before the year's is complete.
    const Scorecard years = read_scorecard(s, actor, std::nullopt, true);
    const Scorecard quarters = read_scorecard(s, actor, DatasetPeriod{years.period.year, 4}, true);
    for (std::size_t i = 0; i < years.lines.size(); ++i) {
        const ScorecardLine& line = years.lines[i];
        if (line.definition.code != code) continue;
        std::vector<IndicatorValue> values = line.trend;
        if (i < quarters.lines.size() && quarters.lines[i].definition.code == code) {
            values.insert(values.end(), quarters.lines[i].trend.begin(), quarters.lines[i].trend.end());
        }
        IndicatorStanding out;
        out.definition = line.definition;
        out.latest = latest_figure(line.definition, values);
        return out;
    }
    throw Failure::not_found("indicator " + code);
}

std::vector<IndicatorDefinition> risk_indicator_choices(Services& s, const Actor& actor) {
    require(actor, Permission::manage_registers);
    std::vector<IndicatorDefinition> out;
    s.store.read([&](Transaction& tx) { out = partnership_catalogue(tx, actor.partnership); });
    return out;
}

RiskInput risk_input_from_indicator(Services& s, const Actor& actor, const std::string& code) {
    require(actor, Permission::manage_registers);
    const IndicatorStanding standing = indicator_standing(s, actor, code);
    RiskInput in;
    in.indicator = standing.definition.code;
    in.raised_on = london_today(s).iso();
    if (standing.latest && standing.latest->rag == Rag::red) {
        const RiskDraft draft = risk_draft_from(standing.definition, *standing.latest);
        in.title = draft.title;
        in.description = draft.description;
    }
    return in;
}

std::vector<Risk> open_risks_from_indicator(Services& s, const Actor& actor, const std::string& code) {
    require(actor, Permission::view_risks);
    RiskQuery q;
    q.partnership = actor.partnership;
    q.status = RiskStatus::open;
    q.indicator = code;
    q.page.limit = PageRequest::max_limit;
    std::vector<Risk> out;
    s.store.read([&](Transaction& tx) { out = tx.registers().risks(q).items; });
    return out;
}

}  // namespace assure
