// The public site's publications, signed in: the list with each item's state, approval and
// withdrawal buttons for those who may, and the form that proposes one (a document, from its
// documents page's "Publish" link, or an approved yearly report). A refusal shows the form again
// with its errors and nothing saved (422); a decision refused shows the error page.
#include "core/date_words.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/public_site.hpp"
#include "core/labels.hpp"

namespace assure::web::public_web {
namespace {

std::string tag_class(PublicationState s) {
    switch (s) {
        case PublicationState::approved: return "govuk-tag--green";
        case PublicationState::proposed: return "govuk-tag--yellow";
        case PublicationState::withdrawn: return "govuk-tag--grey";
    }
    return "";
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    const auto items = list_publications(s, ctx.who(), std::nullopt, request);
    const bool approver = may_approve(s, ctx.who());
    const bool business_unit = ctx.who().can(Permission::manage_report);
    const PublicSite site = public_site_of(s, ctx.who());
    Data rows{Data::type::list};
    for (const auto& p : items.items) {
        Data d;
        d.set("id", p.id.str());
        d.set("version", std::to_string(p.version));
        d.set("title", p.title);
        d.set("kind", std::string(publication_kind_label(p.kind)) + (p.report_year.empty() ? "" : " " + p.report_year));
        d.set("published", date_in_words(p.published_on));
        d.set("state", std::string(publication_state_label(p.state)));
        d.set("tag_class", tag_class(p.state));
        d.set("proposed_by", name_in_label(p.proposed_by_label));
        d.set("decided_by", name_in_label(p.decided_by_label));
        d.set("may_approve", flag(approver && p.state == PublicationState::proposed && p.proposed_by != ctx.who().user));
        d.set("may_withdraw", flag((approver || business_unit) && p.state != PublicationState::withdrawn));
        rows.push_back(d);
    }
    Data data;
    const std::string saved = ctx.query("saved");
    data.set("saved", flag(!saved.empty()));
    data.set("saved_words", saved == "approved"    ? "The publication is approved and on the public site"
                            : saved == "withdrawn" ? "The publication is withdrawn from the public site"
                                                   : "The publication is proposed and awaits approval");
    data.set("site_href", site_base(site.partnership.slug) + "/");
    data.set("keep_months", std::to_string(site.keep_months));
    data.set("may_propose", flag(business_unit));
    data.set("rows", rows);
    data.set("has_rows", flag(!items.items.empty()));
    data.set("pagination_html", pagination("/publications", request, items.next));
    page(ctx, "publications/list", data, PageOptions{"Public site", "publications"});
}

void form_page(Ctx& ctx, const PublicationInput& in, const FieldErrors& errors = {}) {
    std::vector<Option> kinds;
    for (auto k : all_publication_kinds()) kinds.push_back({std::string(publication_kind_key(k)), std::string(publication_kind_label(k))});
    Data data;
    data.set("kind_html", select({"kind", "What is it?", in.kind, error_for(errors, "kind")}, kinds, "Select what is published"));
    data.set("title_html", text_input({"title", "Public title", in.title, error_for(errors, "title"), "What the public reads, for example \"Learning from a review: neglect\""}));
    data.set("summary_html", textarea({"summary", "Summary (optional)", in.summary, error_for(errors, "summary"), "One paragraph for the public list"}, 4));
    data.set("published_on_html", date_input({"published_on", "Publication date", in.published_on, error_for(errors, "published_on"),
                                              "For example, 27 3 2017. Review reports are shown for the partnership's minimum from this date."}));
    data.set("document_html", text_input({"document_id", "Document number (not for a yearly report)", in.document_id, error_for(errors, "document_id"),
                                          "The document's number: use the Publish link on its documents page. Its latest version is published.",
                                          "", "text", "govuk-input--width-5"}));
    data.set("year_html", text_input({"report_year", "Yearly report's year (only for a yearly report)", in.report_year, error_for(errors, "report_year"),
                                      "For example, 2016-17. The report must be signed off by every statutory partner.", "", "text", "govuk-input--width-5"}));
    page(ctx, "publications/form", data, PageOptions{"Propose a publication", "publications", errors, errors.empty() ? 200 : 422});
}

void propose(Services& s, Ctx& ctx) {
    const PublicationInput in{ctx.form("kind"), ctx.form("title"), ctx.form("summary"), ctx.date_parts("published_on"),
                              ctx.form("document_id"), ctx.form("report_year")};
    try {
        propose_publication(s, ctx.who(), in);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        return form_page(ctx, in, f.fields());
    }
    redirect(ctx, "/publications?saved=proposed");
}

}  // namespace

void add_publications_pages(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/publications", Permission::view_report, Surface::page, [&s](Ctx& ctx) { list_page(s, ctx); },
                      "/publications"});
    routes.push_back({"GET", "/publications/new", Permission::manage_report, Surface::page,
                      [](Ctx& ctx) {
                          PublicationInput in;
                          in.document_id = ctx.query("document_id");
                          in.kind = in.document_id.empty() ? "" : "review_report";
                          form_page(ctx, in);
                      },
                      "/publications/new"});
    routes.push_back({"POST", "/publications", Permission::manage_report, Surface::page, [&s](Ctx& ctx) { propose(s, ctx); },
                      "/publications"});
    routes.push_back({"POST", R"(/publications/(\d+)/approve)", Permission::view_report, Surface::page,
                      [&s](Ctx& ctx) {
                          approve_publication(s, ctx.who(), PublicationId{ctx.path_id()}, form_int(ctx, "version"));
                          redirect(ctx, "/publications?saved=approved");
                      },
                      "/publications/1/approve"});
    routes.push_back({"POST", R"(/publications/(\d+)/withdraw)", Permission::view_report, Surface::page,
                      [&s](Ctx& ctx) {
                          withdraw_publication(s, ctx.who(), PublicationId{ctx.path_id()}, form_int(ctx, "version"));
                          redirect(ctx, "/publications?saved=withdrawn");
                      },
                      "/publications/1/withdraw"});
}

}  // namespace assure::web::public_web
