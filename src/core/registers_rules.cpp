// The registers' rules: what an entry must keep, and how the store's counts become the yearly
// figures a report prints. Each refusal names its field and says what to do.
#include <algorithm>

#include "core/registers.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

void required_text(FieldErrors& e, const char* field, const std::string& v, std::size_t max, const std::string& what) {
    if (trim(v).empty()) {
        e.push_back({field, "Enter " + what});
    } else if (v.size() > max) {
        e.push_back({field, what + " must be " + std::to_string(max) + " characters or fewer"});
    }
}

// `d` may not be before `from` nor after `today`.
void date_between(FieldErrors& e, const char* field, const std::optional<Date>& d, Date from, const std::string& from_what,
                  Date today, const std::string& what) {
    if (!d) return;
    if (*d < from) e.push_back({field, what + " must be the same as or after " + from_what});
    else if (*d > today) e.push_back({field, what + " must be today or in the past"});
}

}  // namespace

// ---- LADO ----------------------------------------------------------------------------------

std::optional<Date> resolved_on(const LadoReferral& r) {
    if (r.initial_outcome == InitialOutcome::no_further_action) return r.initial_considered_on;
    if (r.outcome) return r.outcome_on;
    return std::nullopt;
}

LadoStanding standing_of(const LadoReferral& r) {
    if (r.initial_outcome == InitialOutcome::no_further_action) return LadoStanding::no_further_action;
    return r.outcome ? LadoStanding::concluded : LadoStanding::continuing;
}

std::optional<Timeliness> timeliness_of(const LadoReferral& r) {
    const auto done = resolved_on(r);
    if (!done) return std::nullopt;
    // Calendar months from the referral, clamped: referred 31 January, within a month is by 28 February.
    if (*done <= add_months_clamped(r.referred_on, 1)) return Timeliness::within_one_month;
    if (*done <= add_months_clamped(r.referred_on, 3)) return Timeliness::within_three_months;
    if (*done <= add_months_clamped(r.referred_on, 12)) return Timeliness::within_twelve_months;
    return Timeliness::over_twelve_months;
}

FieldErrors validate_lado(const LadoReferral& r, Date today) {
    FieldErrors e;
    required_text(e, "adult_reference", r.adult_reference, 40, "the adult's reference (not their name)");
    required_text(e, "role", r.role, 120, "the adult's role");
    if (r.referred_on > today) e.push_back({"referred_on", "The referral date must be today or in the past"});
    if (r.limbs.empty()) e.push_back({"limbs", "Select which parts of the harm test the allegation meets"});
    for (std::size_t i = 1; i < r.limbs.size(); ++i) {
        if (r.limbs[i] <= r.limbs[i - 1]) {
            e.push_back({"limbs", "Select each part of the harm test once"});
            break;
        }
    }
    if (r.initial_outcome && !r.initial_considered_on) {
        e.push_back({"initial_considered_on", "Enter the date of the initial consideration"});
    }
    if (r.initial_considered_on && !r.initial_outcome) {
        e.push_back({"initial_outcome", "Select the outcome of the initial consideration"});
    }
    date_between(e, "initial_considered_on", r.initial_considered_on, r.referred_on, "the referral date", today,
                 "The initial consideration date");
    date_between(e, "strategy_meeting_on", r.strategy_meeting_on, r.referred_on, "the referral date", today,
                 "The strategy meeting date");
    const bool nfa = r.initial_outcome == InitialOutcome::no_further_action;
    if (nfa && r.strategy_meeting_on) {
        e.push_back({"strategy_meeting_on", "Remove the strategy meeting date: the initial consideration found no further action"});
    }
    if (nfa && (r.outcome || r.outcome_on)) {
        e.push_back({"outcome", "Remove the outcome: the initial consideration found no further action"});
    } else {
        if (r.outcome && !r.initial_outcome) {
            e.push_back({"outcome", "Record the initial consideration before the outcome"});
        }
        if (r.outcome && !r.outcome_on) e.push_back({"outcome_on", "Enter the date of the outcome"});
        if (r.outcome_on && !r.outcome) e.push_back({"outcome", "Select the outcome"});
        date_between(e, "outcome_on", r.outcome_on, r.referred_on, "the referral date", today, "The outcome date");
        if (r.outcome_on && r.initial_considered_on && *r.outcome_on < *r.initial_considered_on && *r.outcome_on >= r.referred_on) {
            e.push_back({"outcome_on", "The outcome date must be the same as or after the initial consideration"});
        }
    }
    date_between(e, "dbs_referred_on", r.dbs_referred_on, r.referred_on, "the referral date", today, "The date of referral to the DBS");
    date_between(e, "regulator_referred_on", r.regulator_referred_on, r.referred_on, "the referral date", today,
                 "The date of referral to the regulator");
    if (r.notes.size() > 4000) e.push_back({"notes", "Notes must be 4000 characters or fewer"});
    return e;
}

LadoFigures lado_figures(FinancialYear year, const LadoCounts& c, const std::map<LadoSector, int>& by_sector,
                         const RegisterRules& rules) {
    LadoFigures f;
    f.year = year;
    f.counts = c;
    f.no_further_action_percent = percent(c.no_further_action, c.referrals);
    const auto figure = [&](int count, int target) {
        TimelinessFigure t{count, percent(count, c.resolved), target, std::nullopt};
        if (t.percent) t.met = *t.percent >= target;
        return t;
    };
    // Cumulative: resolved within three months includes those within one.
    f.within_one_month = figure(c.within_one_month, rules.lado_within_one_month_percent);
    f.within_three_months = figure(c.within_one_month + c.within_three_months, rules.lado_within_three_months_percent);
    f.within_twelve_months = figure(c.within_one_month + c.within_three_months + c.within_twelve_months,
                                    rules.lado_within_twelve_months_percent);
    for (const auto& [sector, n] : by_sector) {
        if (n > 0) f.by_sector.emplace_back(sector, n);
    }
    std::stable_sort(f.by_sector.begin(), f.by_sector.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return f;
}

// ---- child deaths ----------------------------------------------------------------------------

FieldErrors validate_child_death(const ChildDeath& d, Date today) {
    FieldErrors e;
    required_text(e, "reference", d.reference, 40, "the panel's reference (not the child's name)");
    if (d.died_on > today) e.push_back({"died_on", "The date of death must be today or in the past"});
    if (d.status == ReviewStatus::complete) {
        if (!d.category) e.push_back({"category", "Select the category of death the panel decided"});
        if (!d.modifiable) e.push_back({"modifiable", "Select whether the panel found modifiable factors"});
        if (!d.reviewed_on) e.push_back({"reviewed_on", "Enter the date the panel completed its review"});
        date_between(e, "reviewed_on", d.reviewed_on, d.died_on, "the date of death", today, "The review date");
    } else {
        // The category is the panel's finding: until the review is complete there is none, so
        // the year's categories and the deaths under enquiry add up to the deaths.
        if (d.category) e.push_back({"category", "Leave the category empty until the panel completes its review"});
        if (d.modifiable) e.push_back({"modifiable", "Leave modifiable factors empty until the panel completes its review"});
        if (d.reviewed_on) e.push_back({"reviewed_on", "Leave the review date empty until the panel completes its review"});
    }
    return e;
}

FieldErrors validate_death_panel(const DeathPanel& panel) {
    FieldErrors e;
    if (trim(panel.name).empty()) e.push_back({"name", "Enter the panel's name"});
    else if (panel.name.size() > 200) e.push_back({"name", "The panel's name must be 200 characters or fewer"});
    if (panel.members.empty()) e.push_back({"partnerships", "Select the partnerships whose deaths the panel reviews"});
    for (std::size_t i = 1; i < panel.members.size(); ++i) {
        if (panel.members[i] <= panel.members[i - 1]) {
            e.push_back({"partnerships", "Select each partnership once"});
            break;
        }
    }
    return e;
}

ChildDeathFigures child_death_figures(FinancialYear year, const ChildDeathCounts& c) {
    ChildDeathFigures f;
    f.year = year;
    f.counts = c;
    int most = 0, at_most = 0;
    for (AgeBand a : all_age_bands()) {
        const auto it = c.by_age.find(a);
        const int n = it == c.by_age.end() ? 0 : it->second;
        f.by_age.emplace_back(a, n);
        if (n > most) {
            most = n;
            at_most = 1;
            f.commonest_age = a;
        } else if (n == most && n > 0) {
            ++at_most;
        }
    }
    if (at_most != 1) f.commonest_age.reset();
    for (DeathCategory k : all_death_categorys()) {
        const auto it = c.by_category.find(k);
        f.by_category.emplace_back(k, it == c.by_category.end() ? 0 : it->second);
    }
    f.modifiable_percent = percent(c.modifiable, c.reviewed);
    return f;
}

// ---- money -------------------------------------------------------------------------------------

FieldErrors validate_finance_entry(const FinanceEntry& x, Date today, bool earlier_entries,
                                   std::optional<std::int64_t> carried_forward_after) {
    FieldErrors e;
    if (x.amount_pence <= 0) e.push_back({"amount", "Enter an amount in pounds greater than zero, for example 148901 or 1250.50"});
    if (!x.year.contains(x.on)) {
        e.push_back({"on", "The date must be in the financial year " + x.year.label() + " (1 April to 31 March)"});
    }
    if (x.basis == Basis::actual && x.on > today) e.push_back({"on", "An actual amount's date must be today or in the past"});
    const bool contribution = x.kind == FinanceKind::contribution || x.kind == FinanceKind::in_kind;
    if (contribution) required_text(e, "contributor", x.contributor, 120, "the agency or fund that contributed");
    if (!contribution && !x.contributor.empty()) e.push_back({"contributor", "Only contributions name a contributor"});
    if (x.kind == FinanceKind::expenditure && !x.heading) e.push_back({"heading", "Select the heading of the expenditure"});
    if (x.kind != FinanceKind::expenditure && x.heading) e.push_back({"heading", "Only expenditure has a heading"});
    if (x.kind == FinanceKind::opening_balance) {
        if (earlier_entries) {
            e.push_back({"kind", "An opening balance is only for the first year kept: later years bring forward the year before's balance"});
        }
        if (x.basis == Basis::projected) e.push_back({"basis", "An opening balance is actual, not projected"});
    }
    if (x.description.size() > 500) e.push_back({"description", "The description must be 500 characters or fewer"});
    if (x.reason.size() > 1000) e.push_back({"reason", "The reason must be 1000 characters or fewer"});
    if (x.kind == FinanceKind::expenditure && x.basis == Basis::actual && carried_forward_after && *carried_forward_after < 0 &&
        trim(x.reason).empty()) {
        e.push_back({"reason", "Give a reason: this spending takes the balance carried forward below zero, to " +
                                   pounds(*carried_forward_after)});
    }
    return e;
}

namespace {

std::vector<AmountLine> lines_of(const std::vector<std::pair<std::string, std::int64_t>>& amounts, std::int64_t total) {
    std::vector<AmountLine> out;
    for (const auto& [name, pence] : amounts) out.push_back({name, pence, basis_points(pence, total)});
    std::stable_sort(out.begin(), out.end(), [](const AmountLine& a, const AmountLine& b) { return a.pence > b.pence; });
    return out;
}

}  // namespace

FinanceFigures finance_figures(FinancialYear year, const FinanceSums& s) {
    FinanceFigures f;
    f.year = year;
    f.brought_forward = s.brought_forward + s.opening;
    f.contributions = s.contributions;
    f.in_kind = s.in_kind;
    f.resources = f.brought_forward + s.contributions;
    f.expenditure = s.expenditure;
    f.carried_forward = f.resources - s.expenditure;
    f.projected_contributions = s.projected_contributions;
    f.projected_expenditure = s.projected_expenditure;
    f.projected_carried_forward = f.carried_forward + s.projected_contributions - s.projected_expenditure;
    f.contributors = lines_of(s.by_contributor, s.contributions);
    f.in_kind_contributors = lines_of(s.in_kind_by_contributor, s.in_kind);
    std::vector<std::pair<std::string, std::int64_t>> headings;
    for (const auto& [h, pence] : s.by_heading) headings.emplace_back(std::string(heading_label(h)), pence);
    f.headings = lines_of(headings, s.expenditure);
    return f;
}

}  // namespace assure
