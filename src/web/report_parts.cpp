// The yearly report's parts, in seed 001's order: written sections between parts composed from
// the records. Each composed part names its source: the page whose records the figures count
// (some are for the roles that may see those records) and what was counted.
#include <cmath>

#include "core/review_regimes.hpp"
#include "core/dataset.hpp"
#include "core/date_words.hpp"
#include "web/documents.hpp"
#include "web/html.hpp"
#include "web/report_chart.hpp"
#include "web/report_views.hpp"

namespace assure::web::report_web {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string n(long long v) { return grouped(v); }
std::string pct(const std::optional<int>& p) { return p ? std::to_string(*p) + "%" : std::string("No figure"); }
std::string rate_pct(const std::optional<double>& r) {
    return r ? std::to_string(static_cast<int>(std::lround(*r * 100))) + "%" : std::string("No meetings held");
}

// A GOV.UK table in a scroll region named by its caption (phones scroll the table, not the page).
std::string table_html(const std::string& caption, const std::vector<std::string>& headings, const Rows& rows) {
    std::string h = "<div class=\"assure-table-scroll\" role=\"region\" aria-label=\"" + escape(caption) +
                    "\" tabindex=\"0\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">" +
                    escape(caption) + "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
    for (std::size_t i = 0; i < headings.size(); ++i) {
        h += "<th scope=\"col\" class=\"govuk-table__header" + std::string(i > 0 ? " govuk-table__header--numeric" : "") + "\">" +
             escape(headings[i]) + "</th>";
    }
    h += "</tr></thead><tbody class=\"govuk-table__body\">";
    for (const auto& row : rows) {
        h += "<tr class=\"govuk-table__row\">";
        for (std::size_t i = 0; i < row.size(); ++i) {
            h += i == 0 ? "<th scope=\"row\" class=\"govuk-table__header\">" + escape(row[i]) + "</th>"
                        : "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + escape(row[i]) + "</td>";
        }
        h += "</tr>";
    }
    return h + "</tbody></table></div>";
}

std::string source(const std::string& href, const std::string& words) {
    return "<p class=\"govuk-body-s assure-source\">Source: <a class=\"govuk-link\" href=\"" + escape(href) + "\">" + escape(words) +
           "</a></p>";
}
std::string para(const std::string& text) { return "<p class=\"govuk-body\">" + escape(text) + "</p>"; }
std::string figure_chart(const std::string& svg) { return svg.empty() ? "" : "<figure class=\"assure-chart\">" + svg + "</figure>"; }

std::string written(const YearReport& r, ReportSection section, bool may_edit) {
    const SectionText& t = r.sections[static_cast<std::size_t>(section)];
    const std::string edit = "/reports/" + r.year.key() + "/sections/" + std::string(report_section_key(section));
    std::string h;
    if (t.text.empty()) {
        h = "<div class=\"govuk-inset-text\">This section has not been written yet.</div>";
    } else {
        h = markdown_html(t.text);
        h += "<p class=\"govuk-body-s\">Last changed by " + escape(t.updated_by) + " on " + escape(display_instant(t.updated_at)) + ".</p>";
    }
    if (may_edit && r.state == ReportState::draft) {
        h += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"" + escape(edit) + "\">" + (t.text.empty() ? "Write" : "Change") +
             "<span class=\"govuk-visually-hidden\"> the section " + escape(std::string(report_section_label(section))) + "</span></a></p>";
    }
    return h;
}

Part section_part(const YearReport& r, ReportSection s, bool may_edit) {
    return {std::string(report_section_key(s)), std::string(report_section_label(s)), written(r, s, may_edit)};
}

Part governance(const YearReport& r) {
    const auto& a = r.figures.attendance;
    std::string h;
    std::string partners;
    for (const auto& p : r.statutory_partners) partners += (partners.empty() ? "" : ", ") + p.name;
    h += para("The statutory safeguarding partners: " + (partners.empty() ? std::string("none recorded in the directory") : partners) + ".");
    Rows rows;
    std::vector<Bar> bars;
    for (const auto& t : a.by_agency) {
        if (t.held == 0) continue;
        rows.push_back({t.label, n(t.held), n(t.attended), rate_pct(t.rate)});
        bars.push_back({t.label, t.rate.value_or(0) * 100, rate_pct(t.rate)});
    }
    if (rows.empty()) {
        h += para("No meeting of the partnership's groups was held in the year, so there is no attendance to report.");
    } else {
        h += para("Attendance is expected at " + std::to_string(static_cast<int>(std::lround(a.expected_rate * 100))) +
                  "% of the meetings held while a person was a member. Cancelled meetings do not count.");
        h += table_html("Attendance by agency, " + r.year.label(), {"Agency", "Member places at meetings held", "Attended", "Attendance"}, rows);
        h += figure_chart(bar_chart_svg("chart-attendance", "Attendance at the partnership's meetings by agency, " + r.year.label(), bars, 100));
    }
    h += source("/attendance?from=" + r.year.first_day().iso() + "&to=" + r.year.last_day().iso(),
                "the attendance recorded at every group's meetings held from " + date_in_words(r.year.first_day()) + " to " +
                    date_in_words(r.year.last_day()));
    return {"governance", "The partnership and its governance", h};
}

Part priorities(const YearReport& r) {
    Rows rows;
    for (const auto& t : r.figures.priorities) {
        rows.push_back({t.priority, n(t.sources), n(t.recommendations), n(t.actions.total), n(t.actions.open), n(t.actions.overdue),
                        n(t.actions.evidenced)});
    }
    std::string h = rows.empty() ? para("The partnership has set no priorities.")
                                 : table_html("Progress against each priority",
                                              {"Priority", "Learning sources", "Recommendations", "Actions", "Open", "Overdue", "With evidence of impact"},
                                              rows);
    h += source("/priorities", "the golden thread of each priority: its learning, recommendations and improvement actions, as they stand today");
    return {"priorities", "Priorities and progress", h};
}

Part performance(const YearReport& r) {
    std::string h;
    const std::string period = DatasetPeriod{r.year.start, 0}.key();
    if (!r.figures.scorecard) {
        h = para("The multi-agency dataset holds no figure for the year.");
    } else {
        Rows rows;
        for (const auto& l : r.figures.scorecard->lines) {
            if (!l.value.value) continue;
            rows.push_back({l.definition.name, format_figure(*l.value.value, l.definition.unit),
                            l.definition.target ? format_figure(*l.definition.target, l.definition.unit) : std::string("None set"),
                            std::string(rag_label(l.rag))});
        }
        h = table_html("The dataset's figures for " + r.year.label(), {"Indicator", "Figure", "Target", "Against target"}, rows);
    }
    h += source("/dataset?period=" + period, "the partnership's scorecard for " + DatasetPeriod{r.year.start, 0}.label() +
                                                  ", worked out from the dataset's imports and agencies' returns");
    return {"performance", "Performance: the multi-agency dataset", h};
}

Part reviews(const YearReport& r, bool may_edit) {
    const auto& c = r.figures.reviews;
    // A year wholly before Working Together 2018 is told in the board's words: serious case
    // reviews, Ofsted and the national panel, no rapid reviews (decision 0040).
    const bool board = regime_on(r.year.last_day()) == Regime::wt2015;
    std::vector<std::vector<std::string>> rows{{"Became aware of a serious incident", n(c.became_aware)},
                                               {board ? "Notified to Ofsted and the national panel" : "Notified to the national Panel", n(c.notified)}};
    if (!board) rows.push_back({"Rapid reviews held", n(c.rapid_reviews)});
    rows.push_back({"Decisions made", n(c.decided)});
    rows.push_back({board ? "Decided: serious case review" : "Decided: local child safeguarding practice review", n(c.local_reviews)});
    if (!board) rows.push_back({"Decided: recommended for a national review", n(c.national_reviews)});
    rows.push_back({board ? "Decided: other learning review (a reflective review)" : "Decided: other learning review", n(c.other_learning)});
    rows.push_back({"Decided: no further review", n(c.no_further_review)});
    rows.push_back({board ? "Serious case reviews published" : "Review reports published", n(c.published)});
    std::string h = table_html("Serious incidents and reviews in " + r.year.label(), {"Milestone in the year", "Cases"}, rows);
    h += source("/reviews", "the dated events recorded on the partnership's case records (counted; no case is named)");
    h += "<h3 class=\"govuk-heading-m\" id=\"what_changed\">" + escape(std::string(report_section_label(ReportSection::what_changed))) + "</h3>";
    h += written(r, ReportSection::what_changed, may_edit);
    return {"reviews", "Reviews and what changed", h};
}

Part audits(const YearReport& r) {
    Rows rows;
    for (const auto& c : r.figures.audit_cycles) {
        rows.push_back({c.title, std::string(audit_kind_label(c.kind)), date_in_words(c.opens), date_in_words(c.closes), n(static_cast<long long>(c.invited.size()))});
    }
    std::string h = rows.empty() ? para("No Section 11 or Section 175 audit cycle opened in the year.")
                                 : table_html("Audit cycles opened in " + r.year.label(), {"Cycle", "Kind", "Opened", "Closed", "Agencies invited"}, rows);
    h += para(n(r.figures.learning.thematic_audits) + " multi-agency thematic " + (r.figures.learning.thematic_audits == 1 ? "audit" : "audits") +
              " and " + n(static_cast<long long>(r.figures.learning.entries.size())) + " entries in the year's audit and learning calendar.");
    h += source("/audits", "the partnership's Section 11 and Section 175 audit cycles");
    h += source("/learning/calendar?year=" + std::to_string(r.year.start), "the audit and learning calendar of " + r.year.label());
    return {"audits", "Audits, Section 11 and Section 175", h};
}

// The year's evaluation (decision 0030): counted from the answers of those who attended the
// year's sessions and worked out in core from the summed counts.
std::string evaluation_html(const YearReport& r) {
    const auto& e = r.figures.evaluation;
    const auto& t = e.total;
    std::string h = "<h3 class=\"govuk-heading-m\" id=\"training-evaluation\">Evaluation of the training</h3>";
    if (t.attended == 0) return h + para("No delegate attended a session in the year, so there is no evaluation to report.");
    h += para(n(t.after_session) + " of the " + n(t.attended) + " delegates who attended evaluated their session straight after (" +
              pct(t.after_session_response_percent) + "), and " + n(t.follow_up) + " answered the follow-up " +
              std::to_string(kFollowUpMonths) + " months later (" + pct(t.follow_up_response_percent) + ").");
    if (t.changed_percent) {
        h += para(pct(t.changed_percent) + " of those who answered the follow-up (" + n(t.changed) + " of " + n(t.follow_up) +
                  ") reported a change in their practice.");
    }
    Rows rows;
    std::vector<Bar> bars;
    for (const auto& q : t.questions) {
        if (!q.mean_tenths) continue;
        const std::string value = tenths_text(*q.mean_tenths);
        rows.push_back({std::string(evaluation_question_label(q.question)), value});
        bars.push_back({std::string(evaluation_question_label(q.question)), static_cast<double>(*q.mean_tenths) / 10.0, value});
    }
    if (!rows.empty()) {
        if (t.confidence_rise_tenths) rows.push_back({"Rise in confidence (after less before)", tenths_text(*t.confidence_rise_tenths)});
        h += table_html("Mean scores out of 5 given straight after the session, " + r.year.label(), {"Question", "Mean score"}, rows);
        h += figure_chart(bar_chart_svg("chart-evaluation", "Mean evaluation scores out of 5, " + r.year.label(), bars, kHighestScore));
    }
    Rows courses;
    for (const auto& c : e.courses) {
        const auto& x = c.results;
        courses.push_back({c.title, n(x.attended), n(x.after_session) + " (" + pct(x.after_session_response_percent) + ")",
                           n(x.follow_up) + " (" + pct(x.follow_up_response_percent) + ")", pct(x.changed_percent)});
    }
    if (!courses.empty()) {
        h += table_html("Evaluation by course, " + r.year.label(),
                        {"Course", "Delegates", "Evaluated straight after", "Answered the follow-up", "Reporting a change"}, courses);
    }
    h += source("/training", "the evaluations of the delegates who attended the sessions held in the year (counted; no one is named)");
    return h;
}

// Seed 001 Appendix A: "925 practitioners applied to access online training ..., 701
// practitioners successfully completed their online module", with the agencies that applied.
std::string online_modules_html(const YearReport& r) {
    const auto& m = r.figures.online_modules;
    if (m.total.applied == 0) return "";
    std::string h = "<h3 class=\"govuk-heading-m\" id=\"training-online\">Online modules</h3>";
    h += para(n(m.practitioners_applied) + " practitioners applied for an online module in the year and " + n(m.practitioners_completed) +
              " completed one.");
    Rows rows;
    for (const auto& l : m.by_module) {
        if (l.applied > 0) rows.push_back({l.name, n(l.applied), n(l.completed), pct(l.completion_percent)});
    }
    rows.push_back({"Total", n(m.total.applied), n(m.total.completed), pct(m.total.completion_percent)});
    h += table_html("Online modules, " + r.year.label(), {"Module", "Applied", "Completed", "Completion rate"}, rows);
    std::vector<Bar> bars;
    for (const auto& l : m.by_agency) bars.push_back({l.name, static_cast<double>(l.applied), n(l.applied)});
    h += figure_chart(bar_chart_svg("chart-online-modules", "Practitioners applying for online modules by agency, " + r.year.label(), bars));
    h += source("/training/modules?year=" + r.year.key(), "the e-learning provider's reports of enrolments");
    return h;
}

Part training(const YearReport& r) {
    const auto& t = r.figures.training;
    std::string h = para(n(t.total.delegates) + " delegates attended " + n(t.sessions) + (t.sessions == 1 ? " session" : " sessions") +
                         " of the partnership's training in the year.");
    Rows rows;
    std::vector<Bar> bars;
    for (const auto& l : t.by_agency) {
        rows.push_back({l.name, n(l.delegates), n(l.no_shows), pct(l.attendance_percent)});
        bars.push_back({l.name, static_cast<double>(l.delegates), n(l.delegates)});
    }
    if (!rows.empty()) {
        rows.push_back({"Total", n(t.total.delegates), n(t.total.no_shows), pct(t.total.attendance_percent)});
        h += table_html("Delegates by agency, " + r.year.label(), {"Agency", "Delegates", "Did not attend", "Attendance"}, rows);
        h += figure_chart(bar_chart_svg("chart-delegates", "Delegates at the partnership's training by agency, " + r.year.label(), bars));
    }
    h += source("/training/figures?year=" + r.year.key(), "the registers taken at the training sessions held in the year");
    h += online_modules_html(r);
    h += evaluation_html(r);
    return {"training", "Training", h};
}

Part lado(const YearReport& r) {
    const auto& f = r.figures.lado;
    const auto& c = f.counts;
    std::string h = table_html("Allegations referred to the LADO in " + r.year.label(), {"Figure", "Number"},
                               {{"Referrals", n(c.referrals)},
                                {"No further action after initial consideration", n(c.no_further_action) + " (" + pct(f.no_further_action_percent) + ")"},
                                {"Substantiated", n(c.substantiated)},
                                {"Unsubstantiated", n(c.unsubstantiated)},
                                {"Unfounded", n(c.unfounded)},
                                {"False", n(c.false_allegations)},
                                {"Malicious", n(c.malicious)},
                                {"Continuing at the year's end", n(c.continuing)},
                                {"Resolved within one month", n(f.within_one_month.count) + " (" + pct(f.within_one_month.percent) + ", target " +
                                                                   std::to_string(f.within_one_month.target_percent) + "%)"}});
    h += source("/registers/lado/figures?year=" + r.year.key(), "the LADO register's referrals (counted; no one is named)");
    return {"lado", "Allegations against people who work with children (LADO)", h};
}

Part deaths(const YearReport& r) {
    const auto& f = r.figures.deaths;
    const auto& c = f.counts;
    std::string h = table_html("Child deaths in " + r.year.label(), {"Figure", "Number"},
                               {{"Deaths of children normally resident", n(c.deaths)},
                                {"Expected", n(c.expected)},
                                {"Unexpected", n(c.unexpected)},
                                {"Reviews complete", n(c.reviewed)},
                                {"Still under enquiry", n(c.under_enquiry)},
                                {"With modifiable factors (of reviews complete)", n(c.modifiable) + " (" + pct(f.modifiable_percent) + ")"}});
    Rows cats;
    for (const auto& [cat, count] : f.by_category) {
        if (count > 0) cats.push_back({std::string(death_category_label(cat)), n(count)});
    }
    if (!cats.empty()) h += table_html("Reviews complete by category of death", {"Category", "Deaths"}, cats);
    h += source("/registers/child-deaths/figures?year=" + r.year.key(), "the child death overview panel's register (counted; no child is named)");
    return {"child-deaths", "Child deaths", h};
}

Part money(const YearReport& r) {
    const auto& f = r.figures.finance;
    std::string h = table_html("Money in " + r.year.label(), {"Figure", "Amount"},
                               {{"Brought forward", pounds(f.brought_forward)},
                                {"Contributions", pounds(f.contributions)},
                                {"Contributions in kind", pounds(f.in_kind)},
                                {"Spent", pounds(f.expenditure)},
                                {"Carried forward", pounds(f.carried_forward)}});
    Rows contributors;
    for (const auto& l : f.contributors) contributors.push_back({l.name, pounds(l.pence)});
    if (!contributors.empty()) h += table_html("Contributions by partner", {"Partner", "Amount"}, contributors);
    h += source("/registers/finance/figures?year=" + r.year.key(), "the money register's contributions and spending");
    return {"money", "Money", h};
}

Part risks(const YearReport& r) {
    const auto& c = r.figures.risks.counts;
    const auto& e = r.figures.escalations;
    std::string h = table_html("Risks and escalations in " + r.year.label(), {"Figure", "Number"},
                               {{"Risks raised", n(c.raised)},
                                {"Risks closed", n(c.closed)},
                                {"Risks escalated to the partners", n(c.escalated)},
                                {"Risks open at 31 March", n(c.open_at_year_end)},
                                {"Professional disagreements raised", n(e.counts.raised)},
                                {"Disagreements resolved", n(e.resolved)},
                                {"Disagreements open at 31 March", n(e.counts.open_at_year_end)}});
    h += source("/registers/risks/figures?year=" + r.year.key(), "the risk register");
    h += source("/registers/escalations/figures?year=" + r.year.key(), "the register of escalations (counted; no case is named)");
    return {"risks", "Risks and escalations", h};
}

// A written section followed by the figures its register counts for the year: the voice of
// children after its words, independent scrutiny after its own.
Part activities(const YearReport& r, ReportSection section, const ActivityFigures& f, bool may_edit) {
    Part part = section_part(r, section, may_edit);
    const bool voice = f.strand == Strand::voice;
    const std::string register_name = voice ? "the voice of children and young people" : "independent scrutiny";
    if (f.total.activities == 0) {
        part.html += para("The register of " + register_name + " holds no activity held in the year.");
    } else {
        Rows rows;
        for (const auto& line : f.by_kind) {
            if (line.count.activities == 0) continue;
            rows.push_back({std::string(activity_kind_label(line.kind)), n(line.count.activities), n(line.count.children), n(line.count.points),
                            n(line.count.answered)});
        }
        rows.push_back({"Total", n(f.total.activities), n(f.total.children), n(f.total.points), n(f.total.answered)});
        part.html += table_html((voice ? "Hearing children and young people in " : "Independent scrutiny in ") + r.year.label(),
                                {"Kind", "Activities", "Children and young people heard", voice ? "Points they made" : "Recommendations",
                                 "Answered by the partnership"},
                                rows);
        part.html += para(n(f.total.answered) + " of " + n(f.total.points) + (voice ? " points" : " recommendations") + " answered (" +
                          pct(f.answered_percent) + "); " + n(f.total.linked) + " feed an action in the action plan.");
    }
    part.html += source("/registers/" + std::string(voice ? "voice" : "scrutiny") + "/figures?year=" + r.year.key(),
                        "the register of " + register_name + " (counted; no child is named)");
    return part;
}

// Seed 001's Appendix B: each agency's own account of its year, as accepted by the business unit.
Part statements(const YearReport& r) {
    std::string h;
    if (r.statements.empty()) {
        h = "<div class=\"govuk-inset-text\">No agency's statement has been accepted into the report yet.</div>";
    }
    for (const auto& a : r.statements) {
        h += "<h3 class=\"govuk-heading-s\">" + escape(a.agency) + "</h3>" + markdown_html(a.statement.text);
    }
    h += source("/reports/" + r.year.key() + "/statements", "each agency's statement, written by the agency and accepted by the business unit");
    return {"agency-statements", "Appendix: partners' contribution to safeguarding children", h};
}

}  // namespace

std::vector<Part> report_parts(const YearReport& r, bool may_edit) {
    return {section_part(r, ReportSection::foreword, may_edit),
            section_part(r, ReportSection::introduction, may_edit),
            governance(r),
            priorities(r),
            performance(r),
            reviews(r, may_edit),
            audits(r),
            deaths(r),
            training(r),
            lado(r),
            money(r),
            risks(r),
            activities(r, ReportSection::voice_of_children, r.figures.voice, may_edit),
            activities(r, ReportSection::scrutiny, r.figures.scrutiny, may_edit),
            section_part(r, ReportSection::next_priorities, may_edit),
            section_part(r, ReportSection::conclusion, may_edit),
            statements(r)};
}

}  // namespace assure::web::report_web
