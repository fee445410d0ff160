// Search across the partnership's records (docs/decisions/0026-search-and-my-work.md).
#include "app/search.hpp"

#include "app/learning.hpp"

namespace assure {
namespace {

Permission permission_for(SearchKind kind) {
    switch (kind) {
        case SearchKind::person:
        case SearchKind::agency: return Permission::view_directory;
        case SearchKind::group:
        case SearchKind::meeting:
        case SearchKind::meeting_action:
        case SearchKind::document: return Permission::view_governance;  // a meeting's papers (the partnership's own need less)
        case SearchKind::learning:
        case SearchKind::improvement_action: return Permission::view_learning;
    }
    return Permission::manage_partnerships;
}

SearchTerms terms_of(const std::string& text) {
    auto parsed = parse_search(text);
    if (const auto* e = std::get_if<FieldError>(&parsed)) throw Failure::invalid({*e});
    return std::get<SearchTerms>(std::move(parsed));
}

// The query for the actor: their partnership, the kinds they may see (of those asked for),
// and an agency lead's own agency for improvement actions (none linked: none found).
SearchQuery query_for(Services& s, const Actor& actor, const SearchTerms& terms, std::optional<SearchKind> only) {
    require(actor, Permission::signed_in);
    SearchQuery q;
    q.partnership = actor.partnership;
    q.terms = terms;
    const auto scope = agency_of_actor(s, actor);
    for (const auto kind : searchable_kinds(actor)) {
        if (only && *only != kind) continue;
        if (kind == SearchKind::improvement_action && scope && !scope->valid()) continue;
        q.kinds.push_back(kind);
    }
    if (only && q.kinds.empty()) throw Failure::invalid({{"kind", "Select a kind of record you can search"}});
    if (scope && scope->valid()) q.improvement_agency = *scope;
    return q;
}

}  // namespace

std::vector<SearchKind> searchable_kinds(const Actor& actor) {
    std::vector<SearchKind> out;
    for (const auto kind : all_search_kinds()) {
        if (actor.can(permission_for(kind))) out.push_back(kind);
    }
    return out;
}

SearchRepo& search_of(Transaction& tx) {
    auto* with = dynamic_cast<SearchTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Search is not kept by this store", {}, "no SearchTransaction");
    return with->search();
}

SearchResults search_records(Services& s, const Actor& actor, const SearchRequest& request) {
    const SearchTerms terms = terms_of(request.text);
    SearchQuery q = query_for(s, actor, terms, request.kind);
    q.page = request.page;
    SearchResults out;
    s.store.read([&](Transaction& tx) {
        out.counts = search_of(tx).count_by_kind(q);
        out.hits = search_of(tx).search(q);
    });
    return out;
}

std::vector<SearchGroup> search_grouped(Services& s, const Actor& actor, const std::string& text, int per_kind) {
    const SearchTerms terms = terms_of(text);
    SearchQuery q = query_for(s, actor, terms, std::nullopt);
    std::vector<SearchGroup> out;
    s.store.read([&](Transaction& tx) {
        for (const auto& c : search_of(tx).count_by_kind(q)) {
            SearchQuery one = q;
            one.kinds = {c.kind};
            one.page.limit = per_kind;
            out.push_back({c.kind, c.count, search_of(tx).search(one).items});
        }
    });
    return out;
}

}  // namespace assure
