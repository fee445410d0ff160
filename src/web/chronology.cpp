// A review's multi-agency chronology (issue 18 item 2): the merged timeline with its silences and
// the days several agencies were involved, named or anonymised; a row typed in, an agency's
// sheet uploaded (the template is a download), the names the anonymised view replaces; the
// timeline as XLSX and PDF; and the same through the API.
#include "web/chronology.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "app/chronology.hpp"
#include "core/date_words.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "web/html.hpp"
#include "web/print.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"
#include "web/xlsx_read.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

CaseId case_of(const Ctx& ctx) { return CaseId{ctx.path_id()}; }
std::string base_of(const Ctx& ctx) { return "/reviews/" + std::to_string(ctx.path_id()) + "/chronology"; }

bool wants_named(const Ctx& ctx) { return ctx.query("view") == "named"; }

int gap_days_of(const Ctx& ctx) {
    const auto days = to_int(trim(ctx.query("gap")));
    return days && *days >= 1 && *days <= 3650 ? static_cast<int>(*days) : kDefaultChronologyGapDays;
}

std::string agencies_in_words(const ChronologyView& v, const std::vector<AgencyId>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + v.agency_name(ids[i]);
    return out;
}

std::string time_in_words(int minute) { return minute < 0 ? std::string() : clock_time(minute); }

// The timeline's rows with each silence longer than the view's gap as a row of its own.
Data timeline_rows(const ChronologyView& v, bool with_actions) {
    Data rows{Data::type::list};
    for (std::size_t i = 0; i < v.timeline.size(); ++i) {
        const auto& e = v.timeline[i];
        if (i > 0) {
            const auto days = e.on.days() - v.timeline[i - 1].on.days();
            if (days > v.gap_days) {
                Data gap;
                gap.set("gap", count_of(days, "day", "days") + " with no entry, from " + date_in_words(v.timeline[i - 1].on) + " to " +
                                   date_in_words(e.on));
                rows.push_back(gap);
            }
        }
        Data row;
        row.set("id", std::to_string(e.id));
        row.set("date", date_in_words(e.on));
        row.set("time", optional_text(time_in_words(e.minute)));
        row.set("agency", v.agency_name(e.agency));
        row.set("event", e.event);
        row.set("source", optional_text(e.source));
        row.set("analysis", optional_text(e.analysis));
        row.set("added_by", optional_text(e.added_by));
        const bool removable = with_actions && std::any_of(v.writable.begin(), v.writable.end(), [&](const auto& a) { return a.first == e.agency; });
        row.set("removable", flag(removable));
        rows.push_back(row);
    }
    return rows;
}

Data overlap_rows(const ChronologyView& v) {
    Data rows{Data::type::list};
    for (const auto& o : v.overlaps) {
        Data row;
        row.set("date", date_in_words(o.on));
        row.set("agencies", agencies_in_words(v, o.agencies));
        rows.push_back(row);
    }
    return rows;
}

std::string saved_message(const Ctx& ctx) {
    const std::string saved = ctx.query("saved");
    if (saved == "added") return "Chronology entry added.";
    if (saved == "removed") return "Chronology entry removed.";
    if (saved == "name") return "The name will be replaced in the anonymised chronology.";
    if (saved == "name_removed") return "The name is no longer replaced.";
    if (saved == "uploaded") {
        const auto rows = to_int(ctx.query("rows")), replaced = to_int(ctx.query("replaced"));
        if (!rows || !replaced) return "Chronology uploaded.";
        return "Chronology uploaded: " + count_of(*rows, "row", "rows") + " added" +
               (*replaced > 0 ? ", replacing the agency's " + count_of(*replaced, "row", "rows") + " before" : std::string()) + ".";
    }
    return "";
}

void timeline_page(Services& s, Ctx& ctx, const ChronologyAlias& alias_in = {}, const FieldErrors& errors = {}, int status = 200) {
    const ChronologyView v = read_chronology(s, ctx.who(), case_of(ctx), wants_named(ctx), gap_days_of(ctx));
    Data data;
    data.set("base", base_of(ctx));
    data.set("case_id", v.case_id.str());
    data.set("reference", v.reference);
    data.set("named", flag(v.named));
    data.set("may_see_named", flag(v.may_see_named));
    data.set("gap_days", std::to_string(v.gap_days));
    data.set("view_query", v.named ? "view=named&" : "");
    data.set("saved", optional_text(saved_message(ctx)));
    data.set("has_entries", flag(!v.timeline.empty()));
    data.set("entries_text", count_of(static_cast<long long>(v.timeline.size()), "entry", "entries"));
    Data by_agency{Data::type::list};
    for (const auto& [id, name] : v.agencies) {
        const auto rows = std::count_if(v.timeline.begin(), v.timeline.end(), [&](const ChronologyEntry& e) { return e.agency == id; });
        Data row;
        row.set("agency", name);
        row.set("rows", rows == 0 ? std::string("None yet") : count_of(rows, "entry", "entries"));
        row.set("missing", flag(rows == 0));
        by_agency.push_back(row);
    }
    data.set("by_agency", by_agency);
    data.set("rows", timeline_rows(v, true));
    data.set("has_gaps", flag(!v.gaps.empty()));
    data.set("gaps_text", count_of(static_cast<long long>(v.gaps.size()), "silence", "silences"));
    data.set("has_overlaps", flag(!v.overlaps.empty()));
    data.set("overlaps", overlap_rows(v));
    data.set("can_write", flag(!v.writable.empty()));
    data.set("may_manage", flag(v.may_manage));
    Data names{Data::type::list};
    for (const auto& a : v.aliases) {
        Data row;
        row.set("id", std::to_string(a.id));
        row.set("name", a.name);
        row.set("stands_for", a.stands_for);
        row.set("listed", flag(a.id != 0));
        names.push_back(row);
    }
    data.set("names", names);
    data.set("has_names", flag(!v.aliases.empty()));
    data.set("alias_name_html", text_input(Field{"name", "Name as the agencies wrote it", alias_in.name, error_for(errors, "name"),
                                                 "Each place it appears as a whole word, in any case, is replaced", "off", "text",
                                                 "govuk-input--width-20", false}));
    data.set("alias_for_html", text_input(Field{"stands_for", "Called in the anonymised chronology", alias_in.stands_for,
                                                error_for(errors, "stands_for"), "For example, Mother, Stepfather or Child W", "off", "text",
                                                "govuk-input--width-20"}));
    page(ctx, "reviews/chronology", data,
         PageOptions{"Multi-agency chronology", "reviews", errors, status, "/reviews/" + v.case_id.str(), "Back to " + v.reference});
}

// The data both forms share: where they post, the case, and the agencies to choose from.
Data form_data(Services& s, Ctx& ctx, const std::string& agency, const std::string& agency_hint, const FieldErrors& errors) {
    const ChronologyForm f = chronology_form(s, ctx.who(), case_of(ctx));
    std::vector<Option> options;
    for (const auto& [id, name] : f.writable) options.push_back({id.str(), name});
    const std::string chosen = agency.empty() && f.writable.size() == 1 ? f.writable.front().first.str() : agency;
    Data data;
    data.set("base", base_of(ctx));
    data.set("reference", f.reference);
    data.set("agency_html", select(Field{"agency_id", "Agency", chosen, error_for(errors, "agency_id"), agency_hint}, options, "Select the agency"));
    return data;
}

void entry_form(Services& s, Ctx& ctx, const std::string& agency, const ChronologyRowInput& in, const FieldErrors& errors, int status) {
    Data data = form_data(s, ctx, agency, "Whose record this event comes from", errors);
    data.set("date_html", date_input(Field{"date", "Date of the event", in.date, error_for(errors, "date"), kDateExample}));
    data.set("time_html", text_input(Field{"time", "Time (optional)", in.time, error_for(errors, "time"), "On the 24-hour clock, for example 09:30",
                                           "off", "text", "govuk-input--width-5", false}));
    data.set("event_html", textarea(Field{"event", "What happened", in.event, error_for(errors, "event"),
                                          "As the agency's record has it: who was seen, what was said and done"}));
    data.set("source_html", text_input(Field{"source", "Source (optional)", in.source, error_for(errors, "source"),
                                             "Where the agency's record of it is, for example Case note or Crime report"}));
    data.set("analysis_html", textarea(Field{"analysis", "Analysis (optional)", in.analysis, error_for(errors, "analysis"),
                                             "What the event shows, and anything that was missed or could have been done differently"}));
    page(ctx, "reviews/chronology_entry", data, PageOptions{"Add a chronology entry", "reviews", errors, status, base_of(ctx), "Back to the chronology"});
}

void upload_form(Services& s, Ctx& ctx, const std::string& agency, const FieldErrors& errors, int status) {
    Data data = form_data(s, ctx, agency, "The rows this agency has on the case now are replaced by the file's", errors);
    data.set("file_error", optional_text(error_for(errors, "file")));
    page(ctx, "reviews/chronology_upload", data,
         PageOptions{"Upload an agency's chronology", "reviews", errors, status, base_of(ctx), "Back to the chronology"});
}

ChronologyRowInput row_from_form(const Ctx& ctx) {
    return {ctx.form("date"), ctx.form("time"), ctx.form("event"), ctx.form("source"), ctx.form("analysis")};
}

Table table_of(const ChronologyView& v) {
    Table t{"Chronology", {"Date", "Time", "Agency", "Event", "Source", "Analysis"}, {}};
    for (const auto& e : v.timeline) {
        t.rows.push_back({e.on.iso(), time_in_words(e.minute), v.agency_name(e.agency), e.event, e.source, e.analysis});
    }
    return t;
}

std::string file_base(const ChronologyView& v) {
    std::string base = "chronology-";
    for (const char c : lower(v.reference)) base += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '-';
    return base + (v.named ? "-named" : "-anonymised");
}

void send_pdf(Services& s, Ctx& ctx) {
    const ChronologyView v = read_chronology(s, ctx.who(), case_of(ctx), wants_named(ctx), gap_days_of(ctx));
    Data data;
    data.set("title", "Multi-agency chronology: " + v.reference);
    data.set("view", v.named ? "With names, as the agencies wrote them" : "Anonymised");
    data.set("entries_text", count_of(static_cast<long long>(v.timeline.size()), "entry", "entries"));
    data.set("rows", timeline_rows(v, false));
    data.set("has_overlaps", flag(!v.overlaps.empty()));
    data.set("overlaps", overlap_rows(v));
    data.set("gap_days", std::to_string(v.gap_days));
    const PrintDocument doc{"Multi-agency chronology: " + v.reference, "The merged chronology of the agencies involved in " + v.reference,
                            file_base(v), "print/chronology", true};
    send_print_pdf(s, ctx, doc, data);
}

J entry_json(const ChronologyEntry& e, const std::string& agency) {
    J j{{"id", e.id},          {"agency_id", e.agency.value}, {"agency", agency},                   {"date", e.on.iso()},
        {"time", nullptr},     {"event", e.event},            {"source", e.source},                 {"analysis", e.analysis}};
    if (e.minute >= 0) j["time"] = clock_time(e.minute);
    return j;
}

void api_timeline(Services& s, Ctx& ctx) {
    const std::string view = ctx.query("view");
    if (!view.empty() && view != "named" && view != "anonymised") throw Failure::invalid({{"view", "view must be named or anonymised"}});
    if (ctx.has_query("gap") && !to_int(ctx.query("gap"))) throw Failure::invalid({{"gap", "gap must be a whole number of days, 1 to 3650"}});
    const ChronologyView v = read_chronology(s, ctx.who(), case_of(ctx), view == "named", gap_days_of(ctx));
    J items = J::array(), gaps = J::array(), overlaps = J::array();
    for (const auto& e : v.timeline) items.push_back(entry_json(e, v.agency_name(e.agency)));
    for (const auto& g : v.gaps) gaps.push_back({{"after", g.after.iso()}, {"before", g.before.iso()}, {"days", g.days}});
    for (const auto& o : v.overlaps) {
        J agencies = J::array();
        for (const AgencyId a : o.agencies) agencies.push_back({{"id", a.value}, {"name", v.agency_name(a)}});
        overlaps.push_back({{"date", o.on.iso()}, {"agencies", agencies}});
    }
    J out{{"case", v.reference}, {"view", v.named ? "named" : "anonymised"}, {"gap_days", v.gap_days},
          {"items", items}, {"gaps", gaps}, {"overlaps", overlaps}};
    // The names replaced, for those who may see them: what the page lists beside the timeline.
    if (v.may_see_named) {
        J names = J::array();
        for (const auto& a : v.aliases) names.push_back({{"id", a.id}, {"name", a.name}, {"stands_for", a.stands_for}});
        out["names"] = std::move(names);
    }
    json(ctx, 200, out);
}

void add_page_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/reviews/(\d+)/chronology)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) { timeline_page(s, ctx); }, "/reviews/1/chronology"});
    routes.push_back({"GET", R"(/reviews/(\d+)/chronology/new)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) { entry_form(s, ctx, ctx.query("agency_id"), {}, {}, 200); }, "/reviews/1/chronology/new"});
    routes.push_back({"POST", R"(/reviews/(\d+)/chronology)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const ChronologyRowInput in = row_from_form(ctx);
                          const std::string agency = ctx.form("agency_id");
                          try {
                              add_chronology_entry(s, ctx.who(), case_of(ctx), agency, in);
                              redirect(ctx, base_of(ctx) + "?saved=added");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              entry_form(s, ctx, agency, in, f.fields(), 422);
                          }
                      },
                      "/reviews/1/chronology"});
    routes.push_back({"POST", R"(/reviews/(\d+)/chronology/(\d+)/remove)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          remove_chronology_entry(s, ctx.who(), case_of(ctx), ctx.path_id(2));
                          redirect(ctx, base_of(ctx) + "?saved=removed");
                      },
                      "/reviews/1/chronology/1/remove"});
    routes.push_back({"GET", R"(/reviews/(\d+)/chronology/upload)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) { upload_form(s, ctx, ctx.query("agency_id"), {}, 200); }, "/reviews/1/chronology/upload"});
    routes.push_back({"POST", R"(/reviews/(\d+)/chronology/upload)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string agency = ctx.form("agency_id");
                          const auto file = ctx.req.files.find("file");
                          try {
                              if (file == ctx.req.files.end() || file->second.content.empty()) {
                                  FieldErrors errors{{"file", "Choose the agency's chronology: the template filled in, as XLSX or CSV"}};
                                  if (trim(agency).empty()) errors.insert(errors.begin(), {"agency_id", "Select the agency whose chronology this is"});
                                  throw Failure::invalid(errors);
                              }
                              const auto done = upload_chronology(s, ctx.who(), case_of(ctx), agency, spreadsheet_or_csv(file->second.content));
                              redirect(ctx, base_of(ctx) + "?saved=uploaded&rows=" + std::to_string(done.added) + "&replaced=" + std::to_string(done.replaced));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              upload_form(s, ctx, agency, f.fields(), 422);
                          }
                      },
                      "/reviews/1/chronology/upload"});
    routes.push_back({"POST", R"(/reviews/(\d+)/chronology/names)", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const ChronologyAlias in{0, ctx.form("name"), ctx.form("stands_for")};
                          try {
                              add_chronology_alias(s, ctx.who(), case_of(ctx), in);
                              redirect(ctx, base_of(ctx) + "?saved=name");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              timeline_page(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/reviews/1/chronology/names"});
    routes.push_back({"POST", R"(/reviews/(\d+)/chronology/names/(\d+)/remove)", Permission::manage_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          remove_chronology_alias(s, ctx.who(), case_of(ctx), ctx.path_id(2));
                          redirect(ctx, base_of(ctx) + "?saved=name_removed");
                      },
                      "/reviews/1/chronology/names/1/remove"});
}

void add_download_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/reviews/(\d+)/chronology\.xlsx)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) {
                          const ChronologyView v = read_chronology(s, ctx.who(), case_of(ctx), wants_named(ctx), gap_days_of(ctx));
                          send_table(ctx, table_of(v), file_base(v), true);
                      },
                      "/reviews/1/chronology.xlsx"});
    routes.push_back({"GET", R"(/reviews/(\d+)/chronology\.pdf)", Permission::view_reviews, Surface::page,
                      [&s](Ctx& ctx) { send_pdf(s, ctx); }, "/reviews/1/chronology.pdf"});
    // The template carries no record, so it needs only the permission to read reviews.
    routes.push_back({"GET", R"(/reviews/(\d+)/chronology/template\.xlsx)", Permission::view_reviews, Surface::page,
                      [](Ctx& ctx) { send_table(ctx, Table{"Chronology", chronology_headings(), {}}, "chronology-template", true); },
                      "/reviews/1/chronology/template.xlsx"});
}

void add_api_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/api/v1/incidents/(\d+)/chronology)", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) { api_timeline(s, ctx); }, "/api/v1/incidents/1/chronology"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/chronology)", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const std::string agency = b.value_text("agency_id");
                              const ChronologyRowInput in{b.text("date"), b.text("time"), b.text("event"), b.text("source"), b.text("analysis")};
                              b.check();
                              const auto added = add_chronology_entry(s, ctx.who(), case_of(ctx), agency, in);
                              json(ctx, 201, entry_json(added.entry, added.agency));
                          });
                      },
                      "/api/v1/incidents/1/chronology"});
    routes.push_back({"DELETE", R"(/api/v1/incidents/(\d+)/chronology/(\d+))", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          remove_chronology_entry(s, ctx.who(), case_of(ctx), ctx.path_id(2));
                          ctx.res.status = 204;
                      },
                      "/api/v1/incidents/1/chronology/1"});
    // An agency's whole chronology as a sheet (CSV or XLSX, the template's columns) in the body;
    // `agency_id` in the query names the agency. All or none, as the page's upload.
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/chronology/upload)", Permission::view_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto done = upload_chronology(s, ctx.who(), case_of(ctx), ctx.query("agency_id"), spreadsheet_or_csv(ctx.req.body));
                          json(ctx, 200, {{"agency", done.agency}, {"added", done.added}, {"replaced", done.replaced}});
                      },
                      "/api/v1/incidents/1/chronology/upload?agency_id=1"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/chronology/names)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              const ChronologyAlias in{0, b.text("name"), b.text("stands_for")};
                              b.check();
                              const ChronologyAlias added = add_chronology_alias(s, ctx.who(), case_of(ctx), in);
                              json(ctx, 201, {{"id", added.id}, {"name", added.name}, {"stands_for", added.stands_for}});
                          });
                      },
                      "/api/v1/incidents/1/chronology/names"});
    routes.push_back({"DELETE", R"(/api/v1/incidents/(\d+)/chronology/names/(\d+))", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          remove_chronology_alias(s, ctx.who(), case_of(ctx), ctx.path_id(2));
                          ctx.res.status = 204;
                      },
                      "/api/v1/incidents/1/chronology/names/1"});
}

}  // namespace

void add_chronology_routes(std::vector<Route>& routes, Services& s) {
    add_page_routes(routes, s);
    add_download_routes(routes, s);
    add_api_routes(routes, s);
}

}  // namespace assure::web
