// The publications' JSON API: /api/v1/publications (list, paged, by state; propose), one
// publication, and its approval and withdrawal with the version read (409 when stale). The
// shape is web's own.
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/public_site.hpp"

namespace assure::web::public_web {
namespace {

using J = nlohmann::json;

J publication_json(const Publication& p) {
    return J{{"id", p.id.value},
             {"kind", std::string(publication_kind_key(p.kind))},
             {"title", p.title},
             {"summary", p.summary},
             {"published_on", p.published_on.iso()},
             {"document_id", p.document.valid() ? J(p.document.value) : J(nullptr)},
             {"document_version", p.document.valid() ? J(p.document_version) : J(nullptr)},
             {"report_year", p.report_year.empty() ? J(nullptr) : J(p.report_year)},
             {"state", std::string(publication_state_key(p.state))},
             {"proposed_by", p.proposed_by_label},
             {"proposed_at", iso_instant(p.proposed_at)},
             {"decided_by", p.decided_by_label.empty() ? J(nullptr) : J(p.decided_by_label)},
             {"decided_at", p.decided_at == 0 ? J(nullptr) : J(iso_instant(p.decided_at))},
             {"version", p.version}};
}

std::optional<PublicationState> state_of(const Ctx& ctx) {
    const std::string raw = ctx.query("state");
    if (raw.empty()) return std::nullopt;
    const auto state = parse_publication_state(raw);
    if (!state) throw Failure::invalid({{"state", "state must be proposed, approved or withdrawn"}});
    return state;
}

template <class Decide>
void decision(Ctx& ctx, Decide decide) {
    with_body(ctx, [&](Body& b) {
        const int version = b.integer("version", "version must be the publication's version as read");
        b.check();
        json(ctx, 200, publication_json(decide(PublicationId{ctx.path_id()}, version)));
    });
}

}  // namespace

void add_publications_api(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/api/v1/publications", Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto page = list_publications(s, ctx.who(), state_of(ctx), page_request(ctx));
                          J items = J::array();
                          for (const auto& p : page.items) items.push_back(publication_json(p));
                          json(ctx, 200, list_body(items, page.next));
                      },
                      "/api/v1/publications"});
    routes.push_back({"POST", "/api/v1/publications", Permission::manage_report, Surface::api,
                      [&s](Ctx& ctx) {
                          with_body(ctx, [&](Body& b) {
                              PublicationInput in{b.text("kind"), b.text("title"), b.text("summary"), b.text("published_on"),
                                                  b.value_text("document_id"), b.text("report_year")};
                              b.check();
                              json(ctx, 201, publication_json(propose_publication(s, ctx.who(), in)));
                          });
                      },
                      "/api/v1/publications"});
    routes.push_back({"GET", R"(/api/v1/publications/(\d+))", Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, publication_json(find_publication(s, ctx.who(), PublicationId{ctx.path_id()}))); },
                      "/api/v1/publications/1"});
    routes.push_back({"POST", R"(/api/v1/publications/(\d+)/approve)", Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          decision(ctx, [&](PublicationId id, int v) { return approve_publication(s, ctx.who(), id, v); });
                      },
                      "/api/v1/publications/1/approve"});
    routes.push_back({"POST", R"(/api/v1/publications/(\d+)/withdraw)", Permission::view_report, Surface::api,
                      [&s](Ctx& ctx) {
                          decision(ctx, [&](PublicationId id, int v) { return withdraw_publication(s, ctx.who(), id, v); });
                      },
                      "/api/v1/publications/1/withdraw"});
}

}  // namespace assure::web::public_web
