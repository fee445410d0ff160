// The yearly report's pages: the list of years, a year's report composed from the records (its
// parts, the partners' sign-off and where it was sent), the form that writes a section, and the
// posts that sign it off and record a dispatch. A refusal shows the page again with its errors
// and nothing saved (422).
#include "core/date_words.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/report_views.hpp"
#include "web/views.hpp"

namespace assure::web::report_web {
namespace {

std::string year_of(const Ctx& ctx) { return ctx.req.matches.size() > 1 ? ctx.req.matches[1].str() : std::string(); }
std::string base(const FinancialYear& y) { return "/reports/" + y.key(); }
std::string tag_class(ReportState s) { return s == ReportState::approved ? "govuk-tag--green" : "govuk-tag--grey"; }

void list_page(Services& s, Ctx& ctx) {
    Data years{Data::type::list};
    for (const auto& l : list_reports(s, ctx.who())) {
        Data d;
        d.set("href", base(l.year));
        d.set("label", l.year.label());
        d.set("written", std::to_string(l.sections_written) + " of " + std::to_string(l.sections));
        d.set("signed", std::to_string(l.signed_off) + " of " + std::to_string(l.statutory_partners) + " statutory partners");
        d.set("state", std::string(report_state_label(l.state)));
        d.set("tag_class", tag_class(l.state));
        years.push_back(d);
    }
    Data data;
    data.set("years", years);
    page(ctx, "report/list", data, PageOptions{"Yearly reports", "reports"});
}

// The actor's statutory partner, if they may sign for one and it has not signed.
std::optional<Agency> signer_agency(Services& s, const Ctx& ctx, const YearReport& r) {
    if (!ctx.who().can(Permission::sign_off_report)) return std::nullopt;
    const auto person = person_of(s, ctx.who());
    if (!person) return std::nullopt;
    std::optional<Agency> out;
    s.store.read([&](Transaction& tx) {
        const auto p = tx.people().find(ctx.who().partnership, *person);
        if (!p) return;
        for (const auto& a : r.statutory_partners) {
            if (a.id == p->agency) out = a;
        }
    });
    if (out && std::find(r.awaiting.begin(), r.awaiting.end(), out->id) == r.awaiting.end()) return std::nullopt;
    return out;
}

void year_page(Services& s, Ctx& ctx, const std::string& year, const FieldErrors& errors = {}, int status = 200) {
    const YearReport r = compose_report(s, ctx.who(), year);
    const bool may_edit = ctx.who().can(Permission::manage_report);
    Data dispatches{Data::type::list};
    for (const auto& d : r.dispatches) {
        Data row;
        row.set("recipient", std::string(report_recipient_label(d.recipient)));
        row.set("sent_on", date_in_words(d.sent_on));
        row.set("recorded_by", d.recorded_by);
        dispatches.push_back(row);
    }
    const auto signer = signer_agency(s, ctx, r);
    Data data = report_data(r, may_edit);
    data.set("state", std::string(report_state_label(r.state)));
    data.set("tag_class", tag_class(r.state));
    data.set("json_href", "/api/v1/reports/" + r.year.key());
    data.set("may_sign", flag(signer.has_value()));
    data.set("my_agency", signer ? signer->name : std::string());
    data.set("sign_href", base(r.year) + "/sign-off");
    data.set("has_dispatches", flag(!r.dispatches.empty()));
    data.set("dispatches", dispatches);
    data.set("may_record_dispatch", flag(may_edit && r.state == ReportState::approved));
    data.set("dispatch_href", base(r.year) + "/dispatches");
    std::vector<Option> recipients;
    for (const auto rc : all_report_recipients()) recipients.push_back({std::string(report_recipient_key(rc)), std::string(report_recipient_label(rc))});
    data.set("recipient_html", select(Field{"recipient", "Sent to", ctx.form("recipient"), error_for(errors, "recipient")}, recipients, "Select where"));
    data.set("sent_on_html", date_input(Field{"sent_on", "Date sent", ctx.form("sent_on"), error_for(errors, "sent_on"), "For example, 30 9 2017"}));
    const std::string saved = ctx.query("saved");
    data.set("saved", flag(!saved.empty()));
    data.set("saved_words", saved == "signed" ? "Your organisation's sign-off has been recorded"
                            : saved == "sent" ? "Where the report was sent has been recorded"
                                              : "The section has been saved as a draft");
    page(ctx, "report/year", data, PageOptions{"Yearly report " + r.year.label(), "reports", errors, status, "/reports", "Back to yearly reports"});
}

void section_form(Services& s, Ctx& ctx, const std::string& year, const std::string& key, const std::string& text, int version,
                  const FieldErrors& errors, int status) {
    const auto section = parse_report_section(key);
    if (!section) throw Failure::not_found("report section " + key);
    const YearReport r = report_records(s, ctx.who(), year);
    const SectionText& t = r.sections[static_cast<std::size_t>(*section)];
    Data data;
    data.set("year_label", r.year.label());
    data.set("title", std::string(report_section_label(*section)));
    data.set("hint", std::string(report_section_hint(*section)));
    data.set("signed", flag(!r.sign_offs.empty()));
    data.set("action_url", base(r.year) + "/sections/" + key);
    data.set("version", std::to_string(version < 0 ? t.version : version));
    data.set("text_html", textarea(Field{"text", "Text", version < 0 ? t.text : text, error_for(errors, "text"),
                                         "Write in paragraphs. Markdown is understood: a blank line starts a paragraph, * starts a bullet."},
                                   16));
    data.set("back_href", base(r.year) + "#" + key);
    page(ctx, "report/section", data, PageOptions{std::string(report_section_label(*section)) + " – yearly report " + r.year.label(), "reports", errors, status});
}


}  // namespace

Data report_data(const YearReport& r, bool may_edit) {
    Data parts{Data::type::list};
    for (const auto& p : report_parts(r, may_edit)) {
        Data d;
        d.set("id", p.id);
        d.set("heading", p.heading);
        d.set("html", p.html);
        parts.push_back(d);
    }
    Data partners{Data::type::list};
    for (const auto& a : r.statutory_partners) {
        Data d;
        d.set("name", a.name);
        d.set("signed_by", "Not signed off yet");
        d.set("signed_at", "");
        for (const auto& so : r.sign_offs) {
            if (so.agency != a.id) continue;
            d.set("signed_by", so.signed_by);
            d.set("signed_at", display_instant(so.signed_at));
        }
        partners.push_back(d);
    }
    Data data;
    data.set("partnership", r.partnership_name);
    data.set("year_label", r.year.label());
    data.set("first_year", std::to_string(r.year.start));
    data.set("last_year", std::to_string(r.year.start + 1));
    data.set("parts", parts);
    data.set("partners", partners);
    return data;
}

void add_report_pages(std::vector<Route>& routes, Services& s) {
    const std::string year = R"(/reports/(\d{4}-\d{2}))";
    routes.push_back({"GET", "/reports", Permission::view_report, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); }, "/reports"});
    routes.push_back({"GET", year, Permission::view_report, Surface::page, [&s](Ctx& ctx) { year_page(s, ctx, year_of(ctx)); },
                      "/reports/2016-17"});
    routes.push_back({"GET", year + R"(/sections/([a-z_]+))", Permission::manage_report, Surface::page,
                      [&s](Ctx& ctx) { section_form(s, ctx, year_of(ctx), ctx.req.matches[2].str(), "", -1, {}, 200); },
                      "/reports/2016-17/sections/foreword"});
    routes.push_back({"POST", year + R"(/sections/([a-z_]+))", Permission::manage_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx), key = ctx.req.matches[2].str(), text = ctx.form("text");
                          const int version = form_int(ctx, "version");
                          save_then(ctx, "/reports/" + y + "?saved=section#" + key,
                                    [&] { save_report_section(s, ctx.who(), y, key, version, text); },
                                    [&](const FieldErrors& e) { section_form(s, ctx, y, key, text, version, e, 422); });
                      },
                      "/reports/2016-17/sections/foreword"});
    routes.push_back({"POST", year + "/sign-off", Permission::sign_off_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx);
                          save_then(ctx, "/reports/" + y + "?saved=signed#sign-off", [&] { sign_off_report(s, ctx.who(), y); },
                                    [&](const FieldErrors& e) { year_page(s, ctx, y, e, 422); });
                      },
                      "/reports/2016-17/sign-off"});
    routes.push_back({"POST", year + "/dispatches", Permission::manage_report, Surface::page,
                      [&s](Ctx& ctx) {
                          const std::string y = year_of(ctx);
                          save_then(ctx, "/reports/" + y + "?saved=sent#sent",
                                    [&] { record_report_dispatch(s, ctx.who(), y, ctx.form("recipient"), ctx.form("sent_on")); },
                                    [&](const FieldErrors& e) { year_page(s, ctx, y, e, 422); });
                      },
                      "/reports/2016-17/dispatches"});
}

}  // namespace assure::web::report_web

namespace assure::web {

void add_report_routes(std::vector<Route>& routes, Services& services) {
    report_web::add_report_pages(routes, services);
    report_web::add_report_api(routes, services);
    report_web::add_report_statements(routes, services);
    report_web::add_report_pdf(routes, services);
}

}  // namespace assure::web
