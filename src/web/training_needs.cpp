// The training needs analysis (issue 16 item 5): the list with the next one due, the form that
// opens one, an analysis's results by topic and by agency with what agencies said the offer does
// not cover, an agency's return (a form while the person may write it, the answers otherwise),
// and the API. A refusal shows the form again with its errors and nothing saved.
#include "web/training_needs.hpp"

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "app/training_needs.hpp"
#include "core/date_words.hpp"
#include "core/partnership.hpp"
#include "core/text.hpp"
#include "web/documents.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web::training_web {
namespace {

using J = nlohmann::json;

constexpr const char* kNeeds = "/training/needs";

std::string analysis_href(NeedsAnalysisId id) { return std::string(kNeeds) + "/" + id.str(); }
std::string return_href(NeedsAnalysisId id, AgencyId agency) { return analysis_href(id) + "/returns/" + agency.str(); }

std::string number_or_dash(const std::optional<int>& n) { return n ? grouped(*n) : "—"; }
std::string percent_or_dash(const std::optional<int>& p) { return p ? std::to_string(*p) + "%" : "—"; }

Data link_item(const std::string& href, const std::string& label) {
    Data d;
    d.set("href", href);
    d.set("label", label);
    return d;
}

Data detail(const std::string& label, const std::string& value) {
    Data d;
    d.set("label", label);
    d.set("value", value);
    return d;
}

Data cells_of(std::initializer_list<std::string> values) {
    Data cells{Data::type::list};
    for (const auto& v : values) cells.push_back(Data(v));
    return cells;
}

Data table(const std::string& caption, std::initializer_list<std::string> headings, Data rows) {
    Data t;
    t.set("caption", caption);
    t.set("headings", cells_of(headings));
    t.set("rows", std::move(rows));
    return t;
}

std::string dates_words(const NeedsAnalysis& a) { return date_in_words(a.opens) + " to " + date_in_words(a.closes); }

void list_page(Services& s, Ctx& ctx) {
    const NeedsList list = list_needs_analyses(s, ctx.who());
    Data rows{Data::type::list};
    for (const auto& l : list.analyses) {
        Data row;
        row.set("first", l.analysis.title);
        row.set("href", analysis_href(l.analysis.id));
        row.set("cells", cells_of({dates_words(l.analysis), std::string(needs_stage_label(l.stage)),
                                   std::to_string(l.submitted) + " of " + count_of(l.invited, "agency", "agencies")}));
        rows.push_back(row);
    }
    Data data;
    data.set("title", "Training needs analyses");
    data.set("intro", "Every two years the partnership asks its agencies how many of their staff work with children, how many are trained "
                      "to the level their role needs, and how many need each course of the offer or another topic. The answers shape the "
                      "training plan and the calendar.");
    if (!list.next_due) {
        data.set("sentence", "No training needs analysis has been opened yet.");
    } else if (list.overdue) {
        data.set("warning", "The next training needs analysis was due by " + date_in_words(*list.next_due) + ".");
    } else {
        data.set("sentence", "The next training needs analysis is due by " + date_in_words(*list.next_due) + ".");
    }
    if (list.may_manage) {
        Data items{Data::type::list};
        items.push_back(link_item(std::string(kNeeds) + "/new", "Open a training needs analysis"));
        Data links;
        links.set("items", items);
        data.set("links", links);
    }
    if (!list.analyses.empty()) {
        Data tables{Data::type::list};
        tables.push_back(table("Analyses", {"Analysis", "Returns taken", "Stage", "Returned"}, rows));
        data.set("tables", tables);
    }
    page(ctx, "training/needs", data, PageOptions{"Training needs analyses", "training", {}, 200, "/training", "Back to training"});
}

std::string default_title(Date today) {
    return "Training needs analysis " + std::to_string(today.year) + " to " + std::to_string(today.year + 2);
}

void open_form(Services& s, Ctx& ctx, const FieldErrors& refused = {}, int status = 200) {
    const bool posted = ctx.req.method == "POST";
    const Date today = london_today(s);
    const auto value = [&](const std::string& name, const std::string& otherwise) { return posted ? ctx.form(name) : otherwise; };
    std::vector<Option> courses;
    std::vector<std::string> every_course;
    for (const auto& c : needs_offer(s, ctx.who())) {
        courses.push_back({c.id.str(), c.title, std::string(course_level_label(c.level))});
        every_course.push_back(c.id.str());
    }
    // The topics are asked in two fields: an error about them links to the courses' boxes, or to
    // the other topics' box when the offer has no course.
    FieldErrors errors = refused;
    for (auto& err : errors) {
        if (err.field == "topics") err.field = courses.empty() ? "other_topics" : "courses";
    }
    const auto e = [&](const char* name) { return error_for(errors, name); };
    std::vector<Option> sector_options;
    for (const auto& sector : sectors()) sector_options.push_back({std::string(sector.key), std::string(sector.label)});
    Data fields{Data::type::list};
    fields.push_back(Data(text_input(Field{"title", "Title", value("title", default_title(today)), e("title")})));
    fields.push_back(Data(date_input(Field{"opens", "Returns are taken from", value("opens", today.iso()), e("opens"), "For example, 4 12 2026"})));
    fields.push_back(Data(date_input(Field{"closes", "Returns close on", value("closes", ""), e("closes"),
                                           "Agencies’ leads are reminded as the day comes near; the training team can enter a late return"})));
    fields.push_back(Data(date_input(Field{"next_due", "The next analysis is due by (optional)", value("next_due", ""), e("next_due"),
                                           "Leave it empty for two years after this one opens"})));
    if (!courses.empty()) {
        fields.push_back(Data(checkboxes(Field{"courses", "Courses of the offer to ask about", "", e("courses"), "Agencies say how many staff need each"},
                                         courses, posted ? ctx.form_all("courses") : every_course)));
    }
    fields.push_back(Data(textarea(Field{"other_topics", "Other topics to ask about (optional)", value("other_topics", ""),
                                         e("other_topics"), "One a line, for example Contextual safeguarding"})));
    fields.push_back(Data(checkboxes(Field{"sectors", "Sectors whose agencies are asked", "", e("sectors"),
                                           "Leave every box empty to ask every active agency in the directory"},
                                     sector_options, posted ? ctx.form_all("sectors") : std::vector<std::string>{})));
    Data data;
    data.set("title", "Open a training needs analysis");
    data.set("intro", "Each active agency of the sectors chosen gets a return to fill in; its safeguarding lead answers for it while the "
                      "analysis is open.");
    data.set("action_url", kNeeds);
    data.set("version", "0");
    data.set("fields", fields);
    data.set("button", "Open the analysis");
    data.set("back_href", kNeeds);
    page(ctx, "training/needs_form", data, PageOptions{"Open a training needs analysis", "training", errors, status, kNeeds, "Back to training needs analyses"});
}

void change_form(Ctx& ctx, const NeedsAnalysis& a, const FieldErrors& errors = {}, int status = 200) {
    const bool posted = ctx.req.method == "POST";
    const auto value = [&](const std::string& name, const std::string& otherwise) { return posted ? ctx.form(name) : otherwise; };
    const auto e = [&](const char* name) { return error_for(errors, name); };
    Data fields{Data::type::list};
    fields.push_back(Data(text_input(Field{"title", "Title", value("title", a.title), e("title")})));
    fields.push_back(Data(date_input(Field{"opens", "Returns are taken from", value("opens", a.opens.iso()), e("opens")})));
    fields.push_back(Data(date_input(Field{"closes", "Returns close on", value("closes", a.closes.iso()), e("closes")})));
    fields.push_back(Data(date_input(Field{"next_due", "The next analysis is due by", value("next_due", a.next_due.iso()), e("next_due")})));
    Data data;
    data.set("title", "Change " + a.title);
    data.set("intro", "Move the day returns close, for agencies that need longer. The topics and the agencies asked stay as they were.");
    data.set("action_url", analysis_href(a.id));
    data.set("version", std::to_string(a.version));
    data.set("fields", fields);
    data.set("button", "Save");
    data.set("back_href", analysis_href(a.id));
    page(ctx, "training/needs_form", data, PageOptions{"Change " + a.title, "training", errors, status, analysis_href(a.id), "Back to the analysis"});
}

NeedsAnalysisInput analysis_from_form(const Ctx& ctx) {
    NeedsAnalysisInput in{ctx.form("title"), ctx.form("opens"), ctx.form("closes"), ctx.form("next_due"), {}, ctx.form("other_topics"),
                          ctx.form_all("sectors")};
    for (const auto& raw : ctx.form_all("courses")) {
        // An id that is not a number names no course: core refuses it as not of the offer.
        char* end = nullptr;
        const long long v = std::strtoll(raw.c_str(), &end, 10);
        in.courses.push_back(CourseId{end != raw.c_str() && *end == '\0' ? v : -1});
    }
    return in;
}

// The returns the person may read, a row an agency with its figures by topic, for the learning
// group's papers: what the page shows by agency, with each topic's column beside it.
Table returns_table(const NeedsView& v) {
    Table t;
    t.title = "Returns";
    t.headings = {"Agency", "Return", "Submitted on", "Staff working with children", "Trained to their role's level", "Share trained (%)"};
    for (const auto& topic : v.analysis.topics) t.headings.push_back("Staff needing " + topic.title);
    t.headings.push_back("What the offer does not cover");
    for (const auto& l : v.figures.by_agency) {
        const auto number = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); };
        std::vector<std::string> row{l.name, std::string(needs_state_label(l.state)), l.submitted_on ? l.submitted_on->iso() : "",
                                     number(l.workforce), number(l.trained), number(l.trained_percent)};
        for (std::size_t i = 0; i < v.analysis.topics.size(); ++i) row.push_back(i < l.needs.size() ? std::to_string(l.needs[i]) : "");
        row.push_back(l.gaps);
        t.rows.push_back(std::move(row));
    }
    return t;
}

void analysis_page(Services& s, Ctx& ctx) {
    const NeedsView v = read_needs_analysis(s, ctx.who(), NeedsAnalysisId{ctx.path_id()});
    const NeedsFigures& f = v.figures;
    Data details;
    Data detail_rows{Data::type::list};
    detail_rows.push_back(detail("Returns taken", dates_words(v.analysis)));
    detail_rows.push_back(detail("Stage", std::string(needs_stage_label(v.stage))));
    detail_rows.push_back(detail("Agencies asked", grouped(f.invited)));
    detail_rows.push_back(detail("The next analysis is due by", date_in_words(v.analysis.next_due)));
    details.set("rows", detail_rows);

    Data topics{Data::type::list};
    for (const auto& t : f.by_topic) {
        Data row;
        row.set("first", t.title);
        if (t.course.valid()) row.set("href", "/training/courses/" + t.course.str());
        row.set("cells", cells_of({grouped(t.agencies), grouped(t.staff), t.places ? grouped(*t.places) : "Not a course of the offer",
                                   t.short_by ? grouped(*t.short_by) : "—"}));
        topics.push_back(row);
    }
    Data agencies{Data::type::list};
    for (const auto& l : f.by_agency) {
        Data row;
        row.set("first", l.name);
        row.set("href", return_href(v.analysis.id, l.agency));
        row.set("cells", cells_of({std::string(needs_state_label(l.state)) + (l.submitted_on ? " on " + date_in_words(*l.submitted_on) : ""),
                                   number_or_dash(l.workforce), number_or_dash(l.trained), percent_or_dash(l.trained_percent),
                                   l.state == NeedsReturnState::submitted ? grouped(l.staff_needing) : "—"}));
        agencies.push_back(row);
    }
    if (v.sees_every_agency && f.submitted > 0) {
        Data total;
        total.set("first", "Agencies that returned");
        total.set("cells", cells_of({std::to_string(f.submitted) + " of " + std::to_string(f.invited), grouped(f.workforce), grouped(f.trained),
                                     percent_or_dash(f.trained_percent), ""}));
        agencies.push_back(total);
    }
    Data tables{Data::type::list};
    tables.push_back(table("Needs by topic, from the returns submitted", {"Topic", "Agencies needing it", "Staff needing it", "Places on the calendar", "Staff without a place"},
                           topics));
    if (!f.by_agency.empty()) {
        tables.push_back(table(v.sees_every_agency ? "Returns by agency" : "Your agency’s return",
                               {"Agency", "Return", "Staff working with children", "Trained to their role’s level", "Share trained", "Places asked for"},
                               agencies));
    }
    Data items{Data::type::list};
    if (v.own_agency) items.push_back(link_item(return_href(v.analysis.id, *v.own_agency), "Your agency’s return"));
    if (!f.by_agency.empty()) {
        items.push_back(link_item(analysis_href(v.analysis.id) + "/returns.csv", "Download the returns (CSV)"));
        items.push_back(link_item(analysis_href(v.analysis.id) + "/returns.xlsx", "Download the returns (XLSX)"));
    }
    if (v.may_manage) items.push_back(link_item(analysis_href(v.analysis.id) + "/edit", "Change the dates"));
    Data links;
    links.set("items", items);

    Data data;
    data.set("caption", "Training needs analysis");
    data.set("title", v.analysis.title);
    data.set("intro", "Places on the calendar are those of the course’s sessions from the day the analysis opened to the day the next is due; "
                      "staff without a place are those the returns name beyond them.");
    data.set("details", details);
    data.set("links", links);
    data.set("sentence", needs_returned_sentence(f));
    data.set("tables", tables);
    if (v.sees_every_agency) {
        // What the agencies wrote, from the returns submitted: read by those who read every agency's.
        Data gap_items{Data::type::list};
        bool any = false;
        for (const auto& l : f.by_agency) {
            if (l.state != NeedsReturnState::submitted || l.gaps.empty()) continue;
            Data g;
            g.set("agency", l.name);
            g.set("text", l.gaps);
            gap_items.push_back(g);
            any = true;
        }
        if (any) {
            Data gaps;
            gaps.set("items", gap_items);
            data.set("gaps", gaps);
        }
    }
    if (ctx.has_query("saved")) data.set("saved", ctx.query("saved") == "opened" ? "Analysis opened: each agency asked has a return to fill in" : "Analysis saved");
    page(ctx, "training/needs", data, PageOptions{v.analysis.title, "training", {}, 200, kNeeds, "Back to training needs analyses"});
}

NeedsReturnInput return_from_form(const Ctx& ctx, std::size_t topics) {
    NeedsReturnInput in{ctx.form("workforce"), ctx.form("trained"), {}, ctx.form("gaps")};
    for (std::size_t i = 0; i < topics; ++i) in.needs.push_back(ctx.form("need-" + std::to_string(i + 1)));
    return in;
}

std::string state_words(const NeedsReturn& r) {
    switch (r.state) {
        case NeedsReturnState::not_started: return "Not started.";
        case NeedsReturnState::draft: return "A draft, not yet submitted.";
        case NeedsReturnState::submitted:
            return "Submitted on " + date_in_words(*r.submitted_on) + (r.submitted_by.empty() ? "" : " by " + r.submitted_by) + ".";
    }
    return "";
}

void return_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const NeedsAnalysisId id{ctx.path_id(1)};
    const AgencyId agency{ctx.path_id(2)};
    const NeedsReturnView v = read_needs_return(s, ctx.who(), id, agency);
    const bool posted = ctx.req.method == "POST";
    const auto shown = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); };
    const auto value = [&](const std::string& name, const std::string& otherwise) { return posted ? ctx.form(name) : otherwise; };
    Data data;
    data.set("caption", v.analysis.title);
    data.set("title", v.answer.agency_name);
    data.set("state", state_words(v.answer));
    data.set("analysis_title", v.analysis.title);
    data.set("back_href", analysis_href(id));
    if (v.may_write) {
        const auto number = [&](const std::string& name, const std::string& label, const std::string& current, const std::string& hint) {
            return text_input(Field{name, label, value(name, current), error_for(errors, name), hint, "off", "text", "govuk-input--width-5", false});
        };
        Data form;
        form.set("intro", "Returns close on " + date_in_words(v.analysis.closes) + ". Save a draft to come back to it; submit it when every "
                          "figure is in. A submitted return can be changed and submitted again while the analysis is open.");
        form.set("action_url", return_href(id, agency));
        form.set("version", std::to_string(v.answer.version));
        form.set("workforce_html", number("workforce", "Staff who work with children or their families", shown(v.answer.workforce),
                                          "Paid staff and volunteers, counted once"));
        form.set("trained_html", number("trained", "Of them, staff trained to the level their role needs", shown(v.answer.trained),
                                        "With the training in date"));
        Data needs{Data::type::list};
        for (std::size_t i = 0; i < v.analysis.topics.size(); ++i) {
            const std::string name = "need-" + std::to_string(i + 1);
            needs.push_back(Data(number(name, v.analysis.topics[i].title, shown(v.answer.needs[i]), "")));
        }
        form.set("needs", needs);
        form.set("gaps_html", textarea(Field{"gaps", "What your staff need that the offer does not cover (optional)", value("gaps", v.answer.gaps),
                                             error_for(errors, "gaps")}));
        data.set("form", form);
    } else {
        Data rows{Data::type::list};
        rows.push_back(detail("Staff who work with children or their families", number_or_dash(v.answer.workforce)));
        rows.push_back(detail("Of them, trained to the level their role needs", number_or_dash(v.answer.trained)));
        for (std::size_t i = 0; i < v.analysis.topics.size(); ++i) {
            rows.push_back(detail("Staff needing " + v.analysis.topics[i].title, number_or_dash(v.answer.needs[i])));
        }
        rows.push_back(detail("What the offer does not cover", v.answer.gaps.empty() ? "Nothing said" : v.answer.gaps));
        Data answers;
        answers.set("rows", rows);
        data.set("answers", answers);
        if (v.stage == NeedsAnalysisStage::closed) data.set("state", state_words(v.answer) + " Returns closed on " + date_in_words(v.analysis.closes) + ".");
    }
    if (ctx.has_query("saved")) data.set("saved", ctx.query("saved") == "submitted" ? "Return submitted" : "Draft saved");
    page(ctx, "training/needs_return", data, PageOptions{v.answer.agency_name + ": " + v.analysis.title, "training", errors, status});
}

void add_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kNeeds, Permission::view_training, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, kNeeds});
    routes.push_back({"GET", "/training/needs/new", Permission::manage_training, Surface::page, [&s](Ctx& ctx) { open_form(s, ctx); },
                      "/training/needs/new"});
    routes.push_back({"POST", kNeeds, Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              redirect(ctx, analysis_href(open_needs_analysis(s, ctx.who(), analysis_from_form(ctx)).id) + "?saved=opened");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              open_form(s, ctx, f.fields(), 422);
                          }
                      },
                      kNeeds});
    routes.push_back({"GET", R"(/training/needs/(\d+))", Permission::view_training, Surface::page, [&s](Ctx& ctx) { analysis_page(s, ctx); },
                      "/training/needs/1"});
    routes.push_back({"GET", R"(/training/needs/(\d+)/edit)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) { change_form(ctx, read_needs_analysis(s, ctx.who(), NeedsAnalysisId{ctx.path_id()}).analysis); },
                      "/training/needs/1/edit"});
    routes.push_back({"POST", R"(/training/needs/(\d+))", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const NeedsAnalysis a = read_needs_analysis(s, ctx.who(), NeedsAnalysisId{ctx.path_id()}).analysis;
                          try {
                              change_needs_analysis(s, ctx.who(), a.id, analysis_from_form(ctx), form_int(ctx, "version"));
                              redirect(ctx, analysis_href(a.id) + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              change_form(ctx, a, f.fields(), 422);
                          }
                      },
                      "/training/needs/1"});
    routes.push_back({"GET", R"(/training/needs/(\d+)/returns\.(csv|xlsx))", Permission::view_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const NeedsView v = read_needs_analysis(s, ctx.who(), NeedsAnalysisId{ctx.path_id()});
                          send_table(ctx, returns_table(v), "training-needs-" + v.analysis.id.str(), ctx.req.matches[2] == "xlsx");
                      },
                      "/training/needs/1/returns.csv"});
    routes.push_back({"GET", R"(/training/needs/(\d+)/returns/(\d+))", Permission::view_training, Surface::page,
                      [&s](Ctx& ctx) { return_page(s, ctx); }, "/training/needs/1/returns/1"});
    routes.push_back({"POST", R"(/training/needs/(\d+)/returns/(\d+))", Permission::view_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const NeedsAnalysisId id{ctx.path_id(1)};
                          const AgencyId agency{ctx.path_id(2)};
                          const NeedsReturnView v = read_needs_return(s, ctx.who(), id, agency);
                          const bool submitting = ctx.form("action") != "draft";
                          try {
                              save_needs_return(s, ctx.who(), id, agency, form_int(ctx, "version"), return_from_form(ctx, v.analysis.topics.size()),
                                                submitting);
                              redirect(ctx, return_href(id, agency) + (submitting ? "?saved=submitted" : "?saved=draft"));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              return_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/training/needs/1/returns/1"});
}

// ---- the API -----------------------------------------------------------------------------

J optional_json(const std::optional<int>& n) { return n ? J(*n) : J(); }

J analysis_json(const NeedsAnalysis& a, NeedsAnalysisStage stage) {
    J topics = J::array();
    for (const auto& t : a.topics) topics.push_back({{"title", t.title}, {"course_id", t.course.valid() ? J(t.course.value) : J()}});
    J asked = J::array();
    for (const auto agency : a.invited) asked.push_back(agency.value);
    return J{{"id", a.id.value}, {"title", a.title}, {"opens", a.opens.iso()}, {"closes", a.closes.iso()}, {"next_due", a.next_due.iso()},
             {"stage", lower(needs_stage_label(stage))}, {"topics", topics}, {"agency_ids", asked}, {"version", a.version}};
}

J return_json(const NeedsReturn& r) {
    J needs = J::array();
    for (const auto& n : r.needs) needs.push_back(optional_json(n));
    return J{{"agency_id", r.agency.value}, {"agency", r.agency_name}, {"state", needs_state_key(r.state)}, {"workforce", optional_json(r.workforce)},
             {"trained", optional_json(r.trained)}, {"needs", needs}, {"gaps", r.gaps},
             {"submitted_on", r.submitted_on ? J(r.submitted_on->iso()) : J()}, {"version", r.version}};
}

J figures_json(const NeedsFigures& f) {
    J topics = J::array(), agencies = J::array();
    for (const auto& t : f.by_topic) {
        topics.push_back({{"title", t.title}, {"course_id", t.course.valid() ? J(t.course.value) : J()}, {"agencies", t.agencies}, {"staff", t.staff},
                          {"places", optional_json(t.places)}, {"short_by", optional_json(t.short_by)}});
    }
    for (const auto& l : f.by_agency) {
        agencies.push_back({{"agency_id", l.agency.value}, {"agency", l.name}, {"state", needs_state_key(l.state)},
                            {"submitted_on", l.submitted_on ? J(l.submitted_on->iso()) : J()}, {"workforce", optional_json(l.workforce)},
                            {"trained", optional_json(l.trained)}, {"trained_percent", optional_json(l.trained_percent)},
                            {"places_asked_for", l.staff_needing}});
    }
    return J{{"invited", f.invited}, {"submitted", f.submitted}, {"returned_percent", optional_json(f.returned_percent)},
             {"workforce", f.workforce}, {"trained", f.trained}, {"trained_percent", optional_json(f.trained_percent)},
             {"by_topic", topics}, {"by_agency", agencies}};
}

// A list of strings, or a field error naming what it must be.
std::vector<std::string> strings(Body& b, const char* name) {
    std::vector<std::string> out;
    if (!b.j.contains(name) || b.j[name].is_null()) return out;
    const auto& v = b.j[name];
    if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const J& x) { return x.is_string(); })) {
        b.errors.push_back({name, std::string(name) + " must be a list of strings"});
        return out;
    }
    for (const auto& x : v) out.push_back(x.get<std::string>());
    return out;
}

NeedsAnalysisInput analysis_from_body(Body& b) {
    NeedsAnalysisInput in{b.text("title"), b.text("opens"), b.text("closes"), b.text("next_due"), {}, "", strings(b, "sectors")};
    for (const auto& id : b.ids("course_ids")) in.courses.push_back(CourseId{std::stoll(id)});
    for (const auto& t : strings(b, "other_topics")) in.other_topics += t + "\n";
    return in;
}

void add_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/training-needs", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const NeedsList list = list_needs_analyses(s, ctx.who());
                          J items = J::array();
                          for (const auto& l : list.analyses) {
                              J item = analysis_json(l.analysis, l.stage);
                              item["submitted"] = l.submitted;
                              items.push_back(item);
                          }
                          json(ctx, 200, {{"items", items}, {"next_due", list.next_due ? J(list.next_due->iso()) : J()}, {"overdue", list.overdue}});
                      },
                      "/api/v1/training-needs"});
    routes.push_back({"POST", "/api/v1/training-needs", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const NeedsAnalysisInput in = analysis_from_body(b);
                              b.check();
                              const NeedsAnalysis a = open_needs_analysis(s, ctx.who(), in);
                              json(ctx, 201, analysis_json(a, needs_stage(a, london_today(s))));
                          });
                      },
                      "/api/v1/training-needs"});
    routes.push_back({"GET", R"(/api/v1/training-needs/(\d+))", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const NeedsView v = read_needs_analysis(s, ctx.who(), NeedsAnalysisId{ctx.path_id()});
                          J out = analysis_json(v.analysis, v.stage);
                          out["figures"] = figures_json(v.figures);
                          json(ctx, 200, out);
                      },
                      "/api/v1/training-needs/1"});
    routes.push_back({"PUT", R"(/api/v1/training-needs/(\d+))", Permission::manage_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const NeedsAnalysisInput in{b.text("title"), b.text("opens"), b.text("closes"), b.text("next_due"), {}, "", {}};
                              const int version = b.integer("version", "Send the version you read, a whole number");
                              b.check();
                              const NeedsAnalysis a = change_needs_analysis(s, ctx.who(), NeedsAnalysisId{ctx.path_id()}, in, version);
                              json(ctx, 200, analysis_json(a, needs_stage(a, london_today(s))));
                          });
                      },
                      "/api/v1/training-needs/1"});
    routes.push_back({"GET", R"(/api/v1/training-needs/(\d+)/returns/(\d+))", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          const NeedsReturnView v = read_needs_return(s, ctx.who(), NeedsAnalysisId{ctx.path_id(1)}, AgencyId{ctx.path_id(2)});
                          J out = return_json(v.answer);
                          out["may_write"] = v.may_write;
                          json(ctx, 200, out);
                      },
                      "/api/v1/training-needs/1/returns/1"});
    // The return's figures as numbers (null for one left for later), `submit` true to submit.
    routes.push_back({"PUT", R"(/api/v1/training-needs/(\d+)/returns/(\d+))", Permission::view_training, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              NeedsReturnInput in{b.value_text("workforce"), b.value_text("trained"), {}, b.text("gaps")};
                              if (b.j.contains("needs") && !b.j["needs"].is_null()) {
                                  if (!b.j["needs"].is_array()) b.errors.push_back({"needs", "needs must be a list of whole numbers, by topic"});
                                  else {
                                      for (const auto& n : b.j["needs"]) {
                                          if (n.is_null()) in.needs.push_back("");
                                          else if (n.is_number_integer()) in.needs.push_back(std::to_string(n.get<std::int64_t>()));
                                          else in.needs.push_back("?");
                                      }
                                  }
                              }
                              const bool submitting = b.flag("submit");
                              const int version = b.integer("version", "Send the version you read, a whole number");
                              b.check();
                              const NeedsReturn r = save_needs_return(s, ctx.who(), NeedsAnalysisId{ctx.path_id(1)}, AgencyId{ctx.path_id(2)}, version, in,
                                                                      submitting);
                              json(ctx, 200, return_json(r));
                          });
                      },
                      "/api/v1/training-needs/1/returns/1"});
}

}  // namespace

void add_needs_pages(std::vector<Route>& routes, Services& s) {
    add_pages(routes, s);
    add_api(routes, s);
}

}  // namespace assure::web::training_web
