// Section 11 and Section 175 audit pages: cycles, each agency's return (filled in by its
// lead, moderated by the business unit), the letter to the agency, gaps raised as actions,
// and the partnership's results by standard.
#include <algorithm>

#include "app/audit_return_check.hpp"
#include "core/audit_letter.hpp"
#include "core/date_words.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "web/learning_views.hpp"
#include "web/print.hpp"
#include "web/report_chart.hpp"
#include "web/paging.hpp"

namespace assure::web {
namespace {

std::string grade_label(GradeScale scale, const std::string& key) {
    if (key.empty()) return "Not graded";
    const auto g = grade_of(scale, key);
    return g ? g->label : key;
}

std::string mean_text(const std::optional<double>& mean) {
    if (!mean) return "No returns";
    char out[16];
    std::snprintf(out, sizeof out, "%.1f", *mean);
    return out;
}

void cycles_page(Services& s, Ctx& ctx) {
    Data rows{Data::type::list};
    const Date today = london_today(s);
    const auto cycles = list_cycles(s, ctx.who());
    for (const auto& c : cycles) {
        Data row;
        row.set("id", c.id.str());
        row.set("title", c.title);
        row.set("kind", std::string(audit_kind_label(c.kind)));
        row.set("opens", date_in_words(c.opens));
        row.set("closes", date_in_words(c.closes));
        row.set("open", flag(cycle_open_on(c, today)));
        row.set("invited", std::to_string(c.invited.size()));
        rows.push_back(row);
    }
    Data data;
    data.set("cycles", rows);
    data.set("has_cycles", flag(!cycles.empty()));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_learning)));
    page(ctx, "learning/cycles", data, PageOptions{"Section 11 and Section 175 audits", "audits"});
}

void cycle_form_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const bool posted = ctx.req.method == "POST";
    const PartnershipRules rules = partnership_rules(s, ctx);
    auto value = [&](const std::string& name) { return posted ? ctx.form(name) : std::string(); };
    std::vector<Option> kinds{{"section_11", "Section 11", "Agencies that work with children: " +
                                                               std::to_string(rules.learning.section_11.size()) + " standards"},
                              {"section_175", "Section 175", "Schools, colleges and early years, on KCSIE headings: " +
                                                                 std::to_string(rules.learning.section_175.size()) + " standards"}};
    std::vector<Option> scales{{"four_point", "Grades 1 to 4", "1 outstanding, 2 good, 3 requires improvement, 4 inadequate"},
                               {"rag", "Red, amber, green"}};
    Data data;
    data.set("kind_html", radios(Field{"kind", "Kind of audit", value("kind"), error_for(errors, "kind")}, kinds));
    data.set("title_html", text_input(Field{"title", "Title", value("title"), error_for(errors, "title"), "For example, Section 11 audit 2026"}));
    data.set("opens_html", date_input(Field{"opens", "Opens", value("opens"), error_for(errors, "opens"), kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("closes_html", date_input(Field{"closes", "Closes", value("closes"), error_for(errors, "closes"),
                                             "Returns cannot be submitted after this day. " + std::string(kDateExample), "", "text", "govuk-input--width-10"}));
    data.set("scale_html", radios(Field{"scale", "Grading", posted ? ctx.form("scale") : "four_point", error_for(errors, "scale")}, scales));
    data.set("invited_html", checkboxes(Field{"invited_ids", "Agencies or schools invited", "", error_for(errors, "invited_ids")},
                                        agency_options(s, ctx.who()), posted ? ctx.form_all("invited_ids") : std::vector<std::string>{}));
    page(ctx, "learning/cycle_form", data, PageOptions{"Open an audit cycle", "audits", errors, status});
}

Table results_table(const CycleView& v) {
    Table t{"Results", {"Standard", "Title", "Returns graded", "Gaps"}, {}};
    for (const auto& g : grade_choices(v.cycle.scale)) t.headings.push_back(g.label);
    t.headings.push_back("Mean grade (1 best)");
    for (const auto& r : v.results) {
        std::vector<std::string> row{r.standard.code, r.standard.title, std::to_string(r.graded), std::to_string(r.gaps)};
        for (const auto& [key, n] : r.counts) row.push_back(std::to_string(n));
        row.push_back(mean_text(r.mean_rank));
        t.rows.push_back(row);
    }
    return t;
}

void cycle_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    const CycleView v = read_cycle(s, ctx.who(), AuditCycleId{ctx.path_id()}, request);
    Data returns{Data::type::list}, results{Data::type::list}, grade_heads{Data::type::list};
    for (const auto& line : v.returns.items) {
        Data row;
        row.set("agency", line.agency.name);
        row.set("agency_id", line.agency.id.str());
        row.set("status", line.ret ? std::string(return_status_label(line.ret->status)) : std::string("Not started"));
        row.set("submitted", flag(line.ret && line.ret->status == ReturnStatus::submitted));
        row.set("submitted_on", optional_text(line.ret && line.ret->submitted_on ? date_in_words(*line.ret->submitted_on) : ""));
        row.set("moderated", flag(line.ret && line.ret->moderated_on));
        row.set("shared_from", optional_text(line.ret && line.ret->shared_from ? line.ret->shared_from->partnership_name : ""));
        row.set("gaps", std::to_string(line.gaps));
        returns.push_back(row);
    }
    for (const auto& g : grade_choices(v.cycle.scale)) {
        Data h;
        h.set("label", g.label);
        grade_heads.push_back(h);
    }
    // Meeting each standard, this cycle and the one before it (by the standard's code), as a
    // column of the table and as bars beside it.
    auto share_text = [](const StandardResult& r) {
        const auto share = share_meeting(r);
        return share ? rate_text(share) + " (" + std::to_string(r.graded - r.gaps) + " of " + std::to_string(r.graded) + ")"
                     : std::string("None graded");
    };
    std::vector<Bar> bars;
    for (const auto& r : v.results) {
        Data row;
        row.set("code", r.standard.code);
        row.set("title", r.standard.title);
        row.set("meeting", share_text(r));
        if (const auto share = share_meeting(r)) bars.push_back({r.standard.code + ". " + r.standard.title, *share, share_text(r)});
        const auto before = std::find_if(v.previous_results.begin(), v.previous_results.end(),
                                         [&](const StandardResult& p) { return p.standard.code == r.standard.code; });
        if (v.previous) {
            row.set("meeting_before", before == v.previous_results.end() ? std::string("Not in that cycle") : share_text(*before));
            if (before != v.previous_results.end() && share_meeting(*before)) {
                bars.push_back({r.standard.code + ". in " + v.previous->title, *share_meeting(*before), share_text(*before)});
            }
        }
        row.set("graded", std::to_string(r.graded));
        row.set("gaps", std::to_string(r.gaps));
        row.set("mean", mean_text(r.mean_rank));
        Data counts{Data::type::list};
        for (const auto& [key, n] : r.counts) {
            Data c;
            c.set("n", std::to_string(n));
            counts.push_back(c);
        }
        row.set("counts", counts);
        results.push_back(row);
    }
    Data data;
    data.set("id", v.cycle.id.str());
    data.set("version", std::to_string(v.cycle.version));
    data.set("title", v.cycle.title);
    data.set("kind", std::string(audit_kind_label(v.cycle.kind)));
    data.set("scale", std::string(grade_scale_label(v.cycle.scale)));
    data.set("opens", date_in_words(v.cycle.opens));
    data.set("closes", date_in_words(v.cycle.closes));
    data.set("open", flag(v.open_today));
    data.set("closed_early", flag(v.cycle.closed));
    data.set("returns", returns);
    data.set("returns_pagination_html", pagination("/audits/" + v.cycle.id.str(), request, v.returns.next));
    data.set("submitted", std::to_string(v.submitted));
    data.set("invited", std::to_string(v.invited));
    data.set("results", results);
    data.set("grade_heads", grade_heads);
    data.set("previous", optional_text(v.previous ? v.previous->title : ""));
    data.set("chart_html", bar_chart_svg("chart-standards",
                                         "Returns meeting each standard in " + v.cycle.title +
                                             (v.previous ? " and in " + v.previous->title : std::string()),
                                         bars, 1.0));
    data.set("can_close", flag(ctx.who().can(Permission::manage_learning) && !v.cycle.closed));
    data.set("saved", flag(ctx.has_query("saved")));
    add_school_round(s, ctx, v.cycle, v.open_today, data);
    page(ctx, "learning/cycle", data, PageOptions{v.cycle.title, "audits", {}, 200, "/audits", "Back to audits"});
}

std::vector<AnswerInput> answers_of(const Ctx& ctx, const AuditCycle& cycle) {
    std::vector<AnswerInput> out;
    for (const auto& st : cycle.standards) {
        out.push_back({st.code, ctx.form("grade-" + st.code), ctx.form("narrative-" + st.code), ctx.form("evidence-" + st.code)});
    }
    return out;
}

// Where this organisation's return can go, where it went and where it cannot, with why.
void share_data(const ReturnView& v, const Ctx& ctx, const FieldErrors& errors, Data& data) {
    Data open{Data::type::list}, refused{Data::type::list}, done{Data::type::list};
    std::string open_names;
    for (const auto& t : v.share_targets) {
        Data row;
        row.set("partnership", t.partnership_name);
        row.set("cycle", t.cycle_title);
        row.set("closes", date_in_words(t.closes));
        row.set("replaces_draft", flag(t.replaces_draft));
        row.set("refusal", t.refusal);
        (t.refusal.empty() ? open : refused).push_back(row);
        if (t.refusal.empty()) open_names += (open_names.empty() ? "" : ", ") + t.partnership_name;
    }
    for (const auto& c : v.ret.shared_with) {
        Data row;
        row.set("partnership", c.partnership_name);
        row.set("on", date_in_words(c.shared_on));
        done.push_back(row);
    }
    data.set("may_share", flag(v.may_share));
    data.set("share_open", open);
    data.set("can_share", flag(!open.is_empty_list()));
    data.set("share_refused", refused);
    data.set("has_share_refused", flag(!refused.is_empty_list()));
    data.set("shared_with", done);
    data.set("has_shared_with", flag(!done.is_empty_list()));
    const bool posted = ctx.req.method == "POST";
    data.set("share_checkbox_html",
             checkboxes(Field{"share", "Other partnerships", "", error_for(errors, "share"),
                              v.agency.name + " also works with " + open_names +
                                  " on this service. Submit once: each partnership receives this return and moderates it as its own."},
                        {{"yes", "When I submit, share this return with " + open_names}},
                        posted && ctx.form("share") == "yes" ? std::vector<std::string>{"yes"} : std::vector<std::string>{}));
    data.set("share_error", optional_text(error_for(errors, "share")));
    if (v.ret.shared_from) {
        data.set("shared_from", v.ret.shared_from->partnership_name);
        data.set("shared_on", date_in_words(v.ret.shared_from->shared_on));
    }
}

// `typed`: the answers come from the request (the form was posted); otherwise from the saved
// draft, as when a submission from "Check your answers" is refused.
void return_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200, bool typed = true) {
    const ReturnView v = read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
    const bool posted = typed && ctx.req.method == "POST";
    std::vector<Option> grades;
    for (const auto& g : grade_choices(v.cycle.scale)) grades.push_back({g.key, g.label});
    const std::string base = "/audits/" + v.cycle.id.str() + "/returns/" + v.agency.id.str();
    Data standards{Data::type::list}, gaps{Data::type::list}, trends{Data::type::list}, actions{Data::type::list};
    for (const auto& st : v.cycle.standards) {
        StandardAnswer a;
        for (const auto& x : v.ret.answers) if (x.code == st.code) a = x;
        Data row;
        row.set("code", st.code);
        row.set("title", st.title);
        row.set("prompt", st.prompt);
        row.set("grade", grade_label(v.cycle.scale, a.grade));
        row.set("narrative", optional_text(a.narrative));
        row.set("evidence", optional_text(a.evidence));
        row.set("moderated", optional_text(a.moderated_grade.empty() ? "" : grade_label(v.cycle.scale, a.moderated_grade)));
        row.set("moderation_note", optional_text(a.moderation_note));
        const std::string from_form = posted ? ctx.form("grade-" + st.code) : a.grade;
        row.set("grade_html", radios(Field{"grade-" + st.code, "Grade", from_form, error_for(errors, "grade-" + st.code)}, grades, true));
        row.set("narrative_html", textarea(Field{"narrative-" + st.code, "How the agency meets the standard",
                                                 posted ? ctx.form("narrative-" + st.code) : a.narrative, error_for(errors, "narrative-" + st.code)}, 3));
        row.set("evidence_html", textarea(Field{"evidence-" + st.code, "Evidence (optional)", posted ? ctx.form("evidence-" + st.code) : a.evidence,
                                                error_for(errors, "evidence-" + st.code), "Documents, audits or data that show it"}, 2));
        row.set("moderate_html", select(Field{"moderated-" + st.code, "Moderated grade for standard " + st.code,
                                              posted ? ctx.form("moderated-" + st.code) : a.moderated_grade, error_for(errors, "moderated-" + st.code)},
                                        grades, "Agree with the agency's grade"));
        row.set("note_html", text_input(Field{"note-" + st.code, "Moderation note for standard " + st.code,
                                              posted ? ctx.form("note-" + st.code) : a.moderation_note, error_for(errors, "note-" + st.code)}));
        standards.push_back(row);
        if (v.ret.status == ReturnStatus::submitted && is_gap(v.cycle.scale, effective_grade(a))) {
            Data gap;
            gap.set("code", st.code);
            gap.set("title", st.title);
            gap.set("grade", grade_label(v.cycle.scale, effective_grade(a)));
            gap.set("href", base + "/gaps/" + st.code);
            gaps.push_back(gap);
        }
    }
    for (const auto& t : v.trends) {
        Data row;
        row.set("code", t.code);
        row.set("now", grade_label(v.cycle.scale, t.now));
        row.set("before", t.before.empty() ? std::string("Not graded") : grade_label(v.previous_cycle->scale, t.before));
        row.set("trend", std::string(trend_label(t.trend)));
        row.set("worse", flag(t.trend == Trend::worse));
        trends.push_back(row);
    }
    for (const auto& l : v.actions) actions.push_back(improvement_row(l));
    Data data;
    data.set("base", base);
    data.set("cycle_id", v.cycle.id.str());
    data.set("cycle", v.cycle.title);
    data.set("agency", v.agency.name);
    data.set("version", std::to_string(v.ret.version));
    data.set("status", std::string(return_status_label(v.ret.status)));
    data.set("submitted", flag(v.ret.status == ReturnStatus::submitted));
    data.set("submitted_on", optional_text(v.ret.submitted_on ? date_in_words(*v.ret.submitted_on) + (v.ret.submitted_by.empty() ? "" : " by " + v.ret.submitted_by) : ""));
    data.set("closes", date_in_words(v.cycle.closes));
    data.set("standards", standards);
    data.set("may_edit", flag(v.may_edit));
    data.set("may_moderate", flag(v.may_moderate));
    data.set("can_raise", flag(ctx.who().can(Permission::manage_learning)));
    data.set("challenge_notes", optional_text(v.ret.challenge_notes));
    data.set("moderated_on", optional_text(v.ret.moderated_on ? date_in_words(*v.ret.moderated_on) : ""));
    data.set("letter_ready", flag(letter_ready(v.ret)));
    data.set("challenge_html", textarea(Field{"challenge_notes", "Challenge session notes", posted ? ctx.form("challenge_notes") : v.ret.challenge_notes,
                                              error_for(errors, "challenge_notes")}, 4));
    data.set("submit_error", optional_text(error_for(errors, "submit")));
    data.set("gaps", gaps);
    data.set("has_gaps", flag(!gaps.is_empty_list()));
    data.set("trends", trends);
    data.set("has_trends", flag(!v.trends.empty()));
    data.set("previous", optional_text(v.previous_cycle ? v.previous_cycle->title : ""));
    data.set("actions", actions);
    data.set("has_actions", flag(!v.actions.empty()));
    data.set("saved", flag(ctx.has_query("saved")));
    share_data(v, ctx, errors, data);
    page(ctx, "learning/return", data,
         PageOptions{v.agency.name + ": " + v.cycle.title, "audits", errors, status, "/audits/" + v.cycle.id.str(), "Back to the cycle"});
}

std::string return_base(const Ctx& ctx) {
    return "/audits/" + std::to_string(ctx.path_id()) + "/returns/" + std::to_string(ctx.path_id(2));
}

// "Check your answers": every standard's grade and answer as the agency will send them, each
// with a way back to the form, then the submission itself.
void check_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const ReturnView v = read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
    const std::string base = return_base(ctx);
    if (!v.may_edit) return redirect(ctx, base);  // submitted already, or the cycle closed: nothing to check
    Data standards{Data::type::list};
    for (const auto& st : v.cycle.standards) {
        StandardAnswer a;
        for (const auto& x : v.ret.answers) if (x.code == st.code) a = x;
        Data row;
        row.set("code", st.code);
        row.set("title", st.title);
        row.set("grade", grade_label(v.cycle.scale, a.grade));
        row.set("narrative", a.narrative.empty() ? std::string("Not given") : a.narrative);
        row.set("evidence", a.evidence.empty() ? std::string("None") : a.evidence);
        standards.push_back(row);
    }
    Data data;
    data.set("base", base);
    data.set("cycle", v.cycle.title);
    data.set("agency", v.agency.name);
    data.set("version", std::to_string(v.ret.version));
    data.set("standards", standards);
    share_data(v, ctx, errors, data);
    page(ctx, "learning/return_check", data, PageOptions{"Check your answers: " + v.agency.name, "audits", errors, status});
}

// After submitting: what happens next, and when the cycle closes.
void submitted_page(Services& s, Ctx& ctx) {
    const ReturnView v = read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
    const std::string base = return_base(ctx);
    if (v.ret.status != ReturnStatus::submitted) return redirect(ctx, base);
    Data shared{Data::type::list};
    for (const auto& c : v.ret.shared_with) shared.push_back(Data(c.partnership_name));
    Data data;
    data.set("base", base);
    data.set("cycle_id", v.cycle.id.str());
    data.set("cycle", v.cycle.title);
    data.set("agency", v.agency.name);
    data.set("submitted_on", date_in_words(v.ret.submitted_on.value_or(london_today(s))));
    data.set("closes", date_in_words(v.cycle.closes));
    data.set("shared_with", shared);
    data.set("has_shared_with", flag(!v.ret.shared_with.empty()));
    page(ctx, "learning/return_submitted", data, PageOptions{"Return submitted: " + v.agency.name, "audits"});
}

bool is_answer_field(const FieldError& e) {
    for (const char* prefix : {"grade-", "narrative-", "evidence-"}) {
        if (e.field.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

// Submitting from "Check your answers". A refused answer is put right on the form, so the form
// comes back with the error summary; anything else (the share choice, a closed cycle) is shown
// on the check page. Either way nothing is saved.
void submit_checked(Services& s, Ctx& ctx) {
    const std::string base = return_base(ctx);
    try {
        submit_checked_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)}, form_int(ctx, "version"),
                              ctx.form("share") == "yes");
        redirect(ctx, base + "/submitted");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        const auto& errors = f.fields();
        if (std::any_of(errors.begin(), errors.end(), is_answer_field)) return return_page(s, ctx, errors, 422, false);
        check_page(s, ctx, errors, 422);
    }
}

// The form's two buttons: save the draft as it is, or (once it would pass) go on to check it.
void save_answers_page(Services& s, Ctx& ctx) {
    const std::string base = return_base(ctx);
    const AuditCycleId cycle{ctx.path_id()};
    const AgencyId agency{ctx.path_id(2)};
    try {
        const auto answers = answers_of(ctx, read_cycle(s, ctx.who(), cycle).cycle);
        if (ctx.form("action") == "draft") {
            save_return(s, ctx.who(), cycle, agency, form_int(ctx, "version"), answers, false);
            return redirect(ctx, base + "?saved=1");
        }
        save_return_to_check(s, ctx.who(), cycle, agency, form_int(ctx, "version"), answers);
        redirect(ctx, base + "/check");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        return_page(s, ctx, f.fields(), 422);
    }
}

Data letter_data(Services& s, const Ctx& ctx, const AuditLetter& letter) {
    auto list = [](const std::vector<std::string>& items) {
        Data out{Data::type::list};
        for (const auto& i : items) out.push_back(Data(i));
        return out;
    };
    Data data;
    data.set("to", letter.to);
    data.set("subject", letter.subject);
    data.set("good", list(letter.good_practice));
    data.set("has_good", flag(!letter.good_practice.empty()));
    data.set("development", list(letter.development));
    data.set("has_development", flag(!letter.development.empty()));
    data.set("challenge_notes", optional_text(letter.challenge_notes));
    data.set("signed_by", letter.signed_by);
    data.set("date", date_in_words(london_today(s)));
    const std::string back = "/audits/" + std::to_string(ctx.path_id()) + "/returns/" + std::to_string(ctx.path_id(2));
    data.set("back", back);
    data.set("pdf", back + "/letter.pdf");
    return data;
}

void letter_page(Services& s, Ctx& ctx) {
    const AuditLetter letter = audit_letter(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
    Data data = letter_data(s, ctx, letter);
    page(ctx, "learning/letter", data, PageOptions{letter.subject, "audits"});
}

// The letter on paper, as the agency would file it.
void letter_pdf(Services& s, Ctx& ctx) {
    const AuditLetter letter = audit_letter(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
    const Data data = letter_data(s, ctx, letter);
    send_print_pdf(s, ctx,
                   PrintDocument{letter.subject, "The partnership's letter to " + letter.to + " after moderating its return",
                                 "letter-" + std::to_string(ctx.path_id()) + "-" + std::to_string(ctx.path_id(2)), "print/letter"},
                   data);
}

void gap_action_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const ReturnView v = read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
    const std::string code = ctx.req.matches[3];
    const auto st = std::find_if(v.cycle.standards.begin(), v.cycle.standards.end(), [&](const AuditStandard& x) { return x.code == code; });
    if (st == v.cycle.standards.end() || v.ret.status != ReturnStatus::submitted) throw Failure::not_found("standard " + code);
    const std::string base = "/audits/" + v.cycle.id.str() + "/returns/" + v.agency.id.str();
    Data data = improvement_form(s, ctx, errors, base + "/gaps/" + code, "", {v.agency.id});
    data.set("origin", v.cycle.title + ", " + v.agency.name + ", standard " + code);
    data.set("origin_text", st->title + ": " + st->prompt);
    data.set("back", base);
    page(ctx, "learning/improvement_form", data, PageOptions{"Raise an action", "audits", errors, status});
}

template <class Change>
void return_change(Services& s, Ctx& ctx, Change change) {
    const std::string base = "/audits/" + std::to_string(ctx.path_id()) + "/returns/" + std::to_string(ctx.path_id(2));
    try {
        change(AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)}, form_int(ctx, "version"));
        redirect(ctx, base + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        return_page(s, ctx, f.fields(), 422);
    }
}

}  // namespace

void add_audit_cycle_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/audits", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { cycles_page(s, ctx); }, "/audits"});
    routes.push_back({"GET", "/audits/new", Permission::manage_learning, Surface::page, [&s](Ctx& ctx) { cycle_form_page(s, ctx); }, "/audits/new"});
    routes.push_back({"POST", "/audits/new", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const auto c = create_cycle(s, ctx.who(), {ctx.form("kind"), ctx.form("title"), ctx.form("opens"), ctx.form("closes"),
                                                                         ctx.form("scale"), ctx.form_all("invited_ids")});
                              redirect(ctx, "/audits/" + c.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              cycle_form_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/audits/new"});
    routes.push_back({"GET", R"(/audits/(\d+))", Permission::view_learning, Surface::page, [&s](Ctx& ctx) { cycle_page(s, ctx); }, "/audits/1"});
    for (const bool xlsx : {false, true}) {
        routes.push_back({"GET", xlsx ? R"(/audits/(\d+)/results\.xlsx)" : R"(/audits/(\d+)/results\.csv)", Permission::view_learning, Surface::page,
                          [&s, xlsx](Ctx& ctx) {
                              send_table(ctx, results_table(read_cycle(s, ctx.who(), AuditCycleId{ctx.path_id()})), "audit-results", xlsx);
                          },
                          xlsx ? "/audits/1/results.xlsx" : "/audits/1/results.csv"});
    }
    routes.push_back({"POST", R"(/audits/(\d+)/close)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          close_cycle(s, ctx.who(), AuditCycleId{ctx.path_id()}, form_int(ctx, "version"));
                          redirect(ctx, "/audits/" + std::to_string(ctx.path_id()) + "?saved=1");
                      },
                      "/audits/1/close"});
    routes.push_back({"GET", R"(/audits/(\d+)/returns/(\d+))", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { return_page(s, ctx); }, "/audits/1/returns/1"});
    routes.push_back({"POST", R"(/audits/(\d+)/returns/(\d+))", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { save_answers_page(s, ctx); }, "/audits/1/returns/1"});
    routes.push_back({"GET", R"(/audits/(\d+)/returns/(\d+)/check)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { check_page(s, ctx); }, "/audits/1/returns/1/check"});
    routes.push_back({"POST", R"(/audits/(\d+)/returns/(\d+)/check)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { submit_checked(s, ctx); }, "/audits/1/returns/1/check"});
    routes.push_back({"GET", R"(/audits/(\d+)/returns/(\d+)/submitted)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { submitted_page(s, ctx); }, "/audits/1/returns/1/submitted"});
    routes.push_back({"POST", R"(/audits/(\d+)/returns/(\d+)/share)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          return_change(s, ctx, [&](AuditCycleId cycle, AgencyId agency, int version) {
                              share_return(s, ctx.who(), cycle, agency, version);
                          });
                      },
                      "/audits/1/returns/1/share"});
    routes.push_back({"POST", R"(/audits/(\d+)/returns/(\d+)/moderation)", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          return_change(s, ctx, [&](AuditCycleId cycle, AgencyId agency, int version) {
                              const auto c = read_cycle(s, ctx.who(), cycle).cycle;
                              std::vector<ModerationInput> grades;
                              for (const auto& st : c.standards) grades.push_back({st.code, ctx.form("moderated-" + st.code), ctx.form("note-" + st.code)});
                              moderate_return(s, ctx.who(), cycle, agency, version, grades, ctx.form("challenge_notes"));
                          });
                      },
                      "/audits/1/returns/1/moderation"});
    routes.push_back({"GET", R"(/audits/(\d+)/returns/(\d+)/letter)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { letter_page(s, ctx); }, "/audits/1/returns/1/letter"});
    routes.push_back({"GET", R"(/audits/(\d+)/returns/(\d+)/letter\.pdf)", Permission::view_learning, Surface::page,
                      [&s](Ctx& ctx) { letter_pdf(s, ctx); }, "/audits/1/returns/1/letter.pdf"});
    routes.push_back({"GET", R"(/audits/(\d+)/returns/(\d+)/gaps/([A-Za-z0-9.]{1,12}))", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) { gap_action_page(s, ctx); }, "/audits/1/returns/1/gaps/1"});
    routes.push_back({"POST", R"(/audits/(\d+)/returns/(\d+)/gaps/([A-Za-z0-9.]{1,12}))", Permission::manage_learning, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const ReturnView v = read_return(s, ctx.who(), AuditCycleId{ctx.path_id()}, AgencyId{ctx.path_id(2)});
                              ImprovementOrigin origin{{}, 0, v.ret.id, ctx.req.matches[3]};
                              const auto a = create_improvement(s, ctx.who(), origin, improvement_input(ctx));
                              redirect(ctx, "/improvement/" + a.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              gap_action_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/audits/1/returns/1/gaps/1"});
}

}  // namespace assure::web
