// The agencies' returns as pages: the business unit's list of returns outstanding and late
// (with asking for a quarter's returns and when they fall due), and a return's own page with
// its figures as a form, a CSV upload, and the history of corrections. Form problems show in
// the GOV.UK error summary; an upload's refused rows are listed there line by line.
#include <algorithm>

#include "app/dataset_returns.hpp"
#include "core/date_words.hpp"
#include "web/dataset_views.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/views.hpp"
#include "web/xlsx_read.hpp"
#include "core/labels.hpp"

namespace assure::web {
namespace {

constexpr const char* kReturns = "/dataset/returns";

std::string status_tag(DatasetReturnStatus s) {
    const char* colour = s == DatasetReturnStatus::late ? "govuk-tag--red"
                         : s == DatasetReturnStatus::submitted_late ? "govuk-tag--orange"
                         : s == DatasetReturnStatus::submitted ? "govuk-tag--green"
                         : s == DatasetReturnStatus::due ? "govuk-tag--blue" : "govuk-tag--grey";
    return std::string("<strong class=\"govuk-tag ") + colour + "\">" + std::string(dataset_return_status_label(s)) + "</strong>";
}

std::string figure_words(const IndicatorValue& v, Unit unit) {
    if (!v.value && !v.numerator) return "None";
    std::string out = v.value ? (unit == Unit::count ? grouped(static_cast<long long>(*v.value)) : format_figure(*v.value, unit)) : "";
    if (v.numerator && v.denominator) out += (out.empty() ? "" : " (") + grouped(*v.numerator) + " of " + grouped(*v.denominator) + (out.empty() ? "" : ")");
    return out;
}

// The page has two forms with a field of one name: a problem is named by the field it shows on.
FieldErrors renamed(FieldErrors errors, const std::string& from, const std::string& to) {
    for (auto& e : errors) {
        if (e.field == from) e.field = to;
    }
    return errors;
}

void list_page(Services& s, Ctx& ctx, const FieldErrors& form_errors = {}, int status = 200) {
    FieldErrors errors = form_errors;
    const std::string state_text = ctx.query("state").empty() ? "outstanding" : ctx.query("state");
    const std::string period = ctx.query("period");
    auto state = parse_dataset_return_list_state(state_text);
    if (!state) {
        errors.push_back({"state", "Choose all, outstanding, late or returned"});
        state = DatasetReturnListState::outstanding;
    }
    const PageRequest request = page_request(ctx);
    DatasetReturnsOverview o;
    try {
        o = list_dataset_returns(s, ctx.who(), *state, period, request);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        for (const auto& e : f.fields()) errors.push_back(e);
        o = list_dataset_returns(s, ctx.who(), *state, "", request);
    }
    Data rows{Data::type::list};
    for (const auto& l : o.lines.items) {
        Data row;
        row.set("href", std::string(kReturns) + "/" + l.ret.id.str());
        row.set("agency", l.ret.agency_name);
        row.set("quarter", l.ret.period.label());
        row.set("due", date_in_words(l.ret.due_on));
        row.set("status_html", status_tag(l.status));
        row.set("returned", l.ret.submitted_on ? date_in_words(*l.ret.submitted_on) : std::string("Not yet"));
        rows.push_back(row);
    }
    std::vector<Option> states{{"outstanding", "Outstanding"}, {"late", "Late"}, {"returned", "Returned"}, {"all", "All"}};
    std::vector<Option> quarters;
    for (const auto& q : o.quarters) quarters.push_back({q.key(), q.label()});
    Data data;
    data.set("returns", rows);
    data.set("has_returns", flag(!o.lines.items.empty()));
    data.set("outstanding", grouped(o.counts.outstanding));
    data.set("late", grouped(o.counts.late));
    data.set("returned", grouped(o.counts.returned));
    data.set("returned_late", grouped(o.counts.returned_late));
    data.set("state_html", select(Field{"state", "Show", std::string(dataset_return_list_state_key(*state)), error_for(errors, "state")}, states, ""));
    data.set("period_html", select(Field{"period", "Quarter", period, error_for(errors, "period")}, quarters, "Every quarter"));
    data.set("may_manage", flag(o.may_manage));
    data.set("ask_html", select(Field{"quarter", "Quarter", ctx.form("quarter"), error_for(form_errors, "quarter")}, quarters, ""));
    data.set("days_html", text_input(Field{"due_working_days", "Working days after the quarter ends", std::to_string(o.due_working_days),
                                           error_for(form_errors, "due_working_days"), "From 0 to 60. Quarters already asked for keep their due date.",
                                           "", "text", "govuk-input--width-3"}));
    data.set("pagination_html", pagination(std::string(kReturns) + "?state=" + std::string(dataset_return_list_state_key(*state)) +
                                               (period.empty() ? "" : "&period=" + url_encode(period)),
                                           request, o.lines.next));
    page(ctx, "dataset/returns", data, PageOptions{"Agency returns", "dataset", errors, status});
}

struct FormState {
    FieldErrors errors;
    std::vector<FigureInput> typed;  // what was sent, shown again with its errors
    std::string reason;
    std::vector<Refusal> refused;    // an upload's refused rows
    std::string upload_reason;
};

std::string figure_fields(const IndicatorDefinition& d, const IndicatorValue& current, const FormState& st, bool counted_from_records) {
    const auto typed = std::find_if(st.typed.begin(), st.typed.end(), [&](const FigureInput& f) { return f.code == d.code; });
    auto shown = [&](const std::string FigureInput::*part, const std::optional<std::int64_t>& whole, const std::optional<double>& value) {
        if (typed != st.typed.end()) return (*typed).*part;
        if (whole) return std::to_string(*whole);
        if (value) return d.unit == Unit::count ? std::to_string(static_cast<long long>(*value)) : format_figure(*value, d.unit);
        return std::string();
    };
    std::string html = "<fieldset class=\"govuk-fieldset govuk-!-margin-bottom-6\" id=\"figure-" + escape(d.code) +
                       "\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(d.name) +
                       "</legend><p class=\"govuk-hint\">" + escape(d.definition) + "</p>";
    if (counted_from_records) {
        html += "<p class=\"govuk-body\"><strong>Counted from the records.</strong> The local authority's records imported for this "
                "period (the children in need census or the SSDA903 extracts) count this figure, and the scorecard shows theirs. A "
                "figure returned here is kept beside it.</p>";
    }
    if (asks_for_parts(d)) {
        const std::string num = figure_field("numerator", d.code), den = figure_field("denominator", d.code);
        html += text_input(Field{num, "Numerator", shown(&FigureInput::numerator, current.numerator, std::nullopt), error_for(st.errors, num), "",
                                 "off", "text", "govuk-input--width-5", false});
        html += text_input(Field{den, "Denominator", shown(&FigureInput::denominator, current.denominator, std::nullopt), error_for(st.errors, den),
                                 "", "off", "text", "govuk-input--width-5", false});
    } else {
        const std::string name = figure_field("value", d.code);
        html += text_input(Field{name, std::string("Figure (") + std::string(unit_label(d.unit)) + ")",
                                 shown(&FigureInput::value, std::nullopt, current.value), error_for(st.errors, name), "", "off", "text",
                                 "govuk-input--width-5", false});
    }
    return html + "</fieldset>";
}

void return_page(Services& s, Ctx& ctx, DatasetReturnId id, const FormState& st = {}, int status = 200) {
    const PageRequest request = page_request(ctx);
    const DatasetReturnView v = read_dataset_return(s, ctx.who(), id, request);
    Data figures{Data::type::list};
    std::string fields;
    for (std::size_t i = 0; i < v.asked.size(); ++i) {
        Data row;
        row.set("name", v.asked[i].name);
        row.set("code", v.asked[i].code);
        row.set("figure", figure_words(v.figures[i], v.asked[i].unit));
        figures.push_back(row);
        fields += figure_fields(v.asked[i], v.figures[i], st, v.counted_from_records.contains(v.asked[i].code));
    }
    auto unit_of = [&](const std::string& code) {
        for (const auto& d : v.asked) {
            if (d.code == code) return d.unit;
        }
        return Unit::count;
    };
    auto name_of = [&](const std::string& code) {
        for (const auto& d : v.asked) {
            if (d.code == code) return d.name;
        }
        return code;
    };
    Data corrections{Data::type::list};
    for (const auto& c : v.corrections.items) {
        Data row;
        row.set("at", display_instant(c.at));
        row.set("indicator", name_of(c.code));
        row.set("before", figure_words(c.before, unit_of(c.code)));
        row.set("after", figure_words(c.after, unit_of(c.code)));
        row.set("reason", c.reason);
        row.set("by", name_in_label(c.by_label));
        corrections.push_back(row);
    }
    FieldErrors summary = st.errors;
    for (const auto& r : st.refused) {
        summary.push_back({"file", (r.line > 0 ? "Line " + std::to_string(r.line) + ": " : std::string("The file: ")) + r.reason});
    }
    const bool returned = v.ret.submitted_on.has_value();
    const std::string title = v.ret.agency_name + ": " + v.ret.period.label() + " return";
    Data data;
    data.set("title", title);
    data.set("id", v.ret.id.str());
    data.set("version", std::to_string(v.ret.version));
    data.set("due", date_in_words(v.ret.due_on));
    data.set("status_html", status_tag(v.status));
    data.set("returned", returned ? date_in_words(*v.ret.submitted_on) + " by " + name_in_label(v.ret.submitted_by_label)
                                  : std::string("Not yet"));
    data.set("is_returned", flag(returned));
    data.set("figures", figures);
    data.set("may_submit", flag(v.may_submit));
    data.set("fields_html", fields);
    data.set("reason_html", textarea(Field{"reason", "Why are figures already returned being corrected?", st.reason, error_for(st.errors, "reason"),
                                           "Needed when a figure changes. It is kept with the figure before."}, 3));
    data.set("upload_reason_html", textarea(Field{"file_reason", "Why are figures already returned being corrected?", st.upload_reason,
                                                  error_for(st.errors, "file_reason"), "Needed when the file changes a figure already returned."}, 3));
    data.set("file_error", optional_text(st.refused.empty() ? "" : "The file was not saved: correct the rows listed and upload it again"));
    data.set("period", v.ret.period.key());
    data.set("codes", [&] {
        std::string out;
        for (const auto& d : v.asked) out += (out.empty() ? "" : ", ") + d.code;
        return out;
    }());
    data.set("corrections", corrections);
    data.set("has_corrections", flag(!v.corrections.items.empty()));
    data.set("pagination_html", pagination(std::string(kReturns) + "/" + v.ret.id.str(), request, v.corrections.next));
    page(ctx, "dataset/return", data, PageOptions{title, "dataset", summary, status, "/dataset/returns", "Back to agency returns"});
}

void submit_form(Services& s, Ctx& ctx) {
    const DatasetReturnId id{ctx.path_id()};
    FormState st;
    st.reason = ctx.form("reason");
    // Every asked code's fields, read by the names the form gave them.
    const DatasetReturnView v = read_dataset_return(s, ctx.who(), id);
    for (const auto& d : v.asked) {
        st.typed.push_back({d.code, ctx.form(figure_field("value", d.code)), ctx.form(figure_field("numerator", d.code)),
                            ctx.form(figure_field("denominator", d.code))});
    }
    try {
        submit_return_figures(s, ctx.who(), id, form_int(ctx, "version"), st.typed, st.reason);
        redirect(ctx, std::string(kReturns) + "/" + id.str() + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        st.errors = f.fields();
        return_page(s, ctx, id, st, 422);
    }
}

void upload_file(Services& s, Ctx& ctx) {
    const DatasetReturnId id{ctx.path_id()};
    FormState st;
    st.upload_reason = ctx.form("file_reason");
    const auto file = ctx.req.files.find("file");
    if (file == ctx.req.files.end() || file->second.content.empty()) {
        st.errors.push_back({"file", "Choose a CSV or XLSX file of the return's figures"});
        return_page(s, ctx, id, st, 422);
        return;
    }
    try {
        const auto report =
            upload_return_figures(s, ctx.who(), id, form_int(ctx, "version"), file->second.filename, spreadsheet_or_csv(file->second.content),
                                  st.upload_reason);
        if (report.saved) {
            redirect(ctx, std::string(kReturns) + "/" + id.str() + "?saved=1");
            return;
        }
        st.refused = report.refused;
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        st.errors = renamed(f.fields(), "reason", "file_reason");  // the upload form's own box
    }
    return_page(s, ctx, id, st, 422);
}

}  // namespace

void add_dataset_return_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kReturns, Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, kReturns});
    routes.push_back({"POST", "/dataset/returns/ask", Permission::manage_dataset, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const int asked = ask_for_returns(s, ctx.who(), ctx.form("quarter"));
                              redirect(ctx, std::string(kReturns) + "?state=outstanding&period=" + url_encode(ctx.form("quarter")) +
                                                "&asked=" + std::to_string(asked));
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              list_page(s, ctx, renamed(f.fields(), "period", "quarter"), 422);
                          }
                      },
                      "/dataset/returns/ask"});
    routes.push_back({"POST", "/dataset/returns/settings", Permission::manage_dataset, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              set_return_due_working_days(s, ctx.who(), ctx.form("due_working_days"));
                              redirect(ctx, kReturns);
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              list_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/dataset/returns/settings"});
    routes.push_back({"GET", R"(/dataset/returns/(\d+))", Permission::view_dataset, Surface::page,
                      [&s](Ctx& ctx) { return_page(s, ctx, DatasetReturnId{ctx.path_id()}); }, "/dataset/returns/1"});
    routes.push_back({"POST", R"(/dataset/returns/(\d+))", Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { submit_form(s, ctx); },
                      "/dataset/returns/1"});
    routes.push_back({"POST", R"(/dataset/returns/(\d+)/file)", Permission::view_dataset, Surface::page, [&s](Ctx& ctx) { upload_file(s, ctx); },
                      "/dataset/returns/1/file"});
}

}  // namespace assure::web
