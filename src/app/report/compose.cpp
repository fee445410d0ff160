// The yearly report composed from the records: each figure from its area's use case, read with
// the business unit's sight of the partnership, because the report is the partnership's public
// account and every reader sees the same counts. No use case called here shows a record: the
// attendance report's lines per person are not passed on, only the totals by agency.
#include <algorithm>

#include "app/report.hpp"
#include "app/training.hpp"
#include "app/training_modules.hpp"

namespace assure {
namespace {

// The reader every figure is counted for: the whole partnership, as the business unit sees it.
Actor report_reader(const Actor& actor) { return Actor{actor.user, actor.partnership, Role::business_unit, actor.label}; }

void load_records(Transaction& tx, const Actor& actor, FinancialYear year, YearReport& out) {
    if (auto p = tx.partnerships().find(actor.partnership)) out.partnership_name = p->name;
    out.sections = all_sections(tx.report().sections(actor.partnership, year));
    out.sign_offs = tx.report().sign_offs(actor.partnership, year);
    out.dispatches = tx.report().dispatches(actor.partnership, year);
    std::vector<AgencyId> partners;
    for (const auto& a : tx.agencies().list(actor.partnership, false)) {
        if (a.kind != AgencyKind::statutory_partner) continue;
        out.statutory_partners.push_back(a);
        partners.push_back(a.id);
    }
    out.statements = accepted_statements(tx, actor.partnership, year);
    out.awaiting = awaiting_sign_off(partners, out.sign_offs);
    out.state = report_state(partners, out.sign_offs);
}

}  // namespace

YearReport report_records(Services& s, const Actor& actor, const std::string& year_text) {
    require(actor, Permission::view_report);
    YearReport out;
    out.year = report_year(year_text, london_today(s));
    s.store.read([&](Transaction& tx) { load_records(tx, actor, out.year, out); });
    return out;
}

YearReport compose_report(Services& s, const Actor& actor, const std::string& year_text) {
    YearReport out = report_records(s, actor, year_text);
    const FinancialYear year = out.year;
    const Actor reader = report_reader(actor);
    ReportFigures& f = out.figures;
    f.attendance = attendance_report(s, reader, std::nullopt, year.first_day().iso(), year.last_day().iso());
    f.attendance.lines.clear();  // people's own rates are not the report's
    f.priorities = golden_threads(s, reader);
    s.store.read([&](Transaction& tx) { f.reviews = tx.report().count_reviews(actor.partnership, year); });
    for (const auto& c : list_cycles(s, reader)) {
        if (year.contains(c.opens)) f.audit_cycles.push_back(c);
    }
    f.learning = learning_calendar(s, reader, year.start);
    Scorecard card = read_scorecard(s, reader, DatasetPeriod{year.start, 0}, false);
    if (std::any_of(card.lines.begin(), card.lines.end(), [](const ScorecardLine& l) { return l.value.value.has_value(); })) {
        f.scorecard = std::move(card);
    }
    f.training = training_year_figures(s, reader, year);
    f.online_modules = list_modules(s, reader, year).figures;
    f.evaluation = year_evaluation(s, reader, year);
    f.lado = lado_year_figures(s, reader, year);
    f.deaths = child_death_year_figures(s, reader, year);
    f.finance = finance_year_figures(s, reader, year);
    f.risks = risk_year_figures(s, reader, year);
    f.escalations = escalation_year_figures(s, reader, year);
    f.voice = activity_year_figures(s, reader, Strand::voice, year);
    f.scrutiny = activity_year_figures(s, reader, Strand::scrutiny, year);
    return out;
}

std::vector<ReportYearLine> list_reports(Services& s, const Actor& actor) {
    require(actor, Permission::view_report);
    std::vector<ReportYearLine> out;
    s.store.read([&](Transaction& tx) {
        std::vector<AgencyId> partners;
        for (const auto& a : tx.agencies().list(actor.partnership, false)) {
            if (a.kind == AgencyKind::statutory_partner) partners.push_back(a.id);
        }
        // Ten years, two short statements each: bounded whatever the partnership's size.
        for (const auto year : report_years(london_today(s))) {
            ReportYearLine line;
            line.year = year;
            const auto sections = all_sections(tx.report().sections(actor.partnership, year));
            line.sections = static_cast<int>(sections.size());
            line.sections_written = static_cast<int>(
                std::count_if(sections.begin(), sections.end(), [](const SectionText& t) { return !t.text.empty(); }));
            const auto signs = tx.report().sign_offs(actor.partnership, year);
            line.signed_off = static_cast<int>(signs.size());
            line.statutory_partners = static_cast<int>(partners.size());
            line.state = report_state(partners, signs);
            out.push_back(line);
        }
    });
    return out;
}

}  // namespace assure
