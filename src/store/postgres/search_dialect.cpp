// PostgreSQL's full-text search: the tsvector of search_entries (migration 0032, 'english'
// configuration, title weighted A and body B) under a GIN index, matched by
// websearch_to_tsquery, which never fails on what a person types; ranked by ts_rank.
#include "store/postgres/database.hpp"
#include "store/sql/search_dialect.hpp"

namespace assure::postgres {
namespace {

std::string phrase(const SearchPhrase& words) {
    if (words.size() == 1) return words[0];
    std::string out = "\"";
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? " " : "") + words[i];
    return out + "\"";
}

class Dialect final : public sql::SearchDialect {
public:
    [[nodiscard]] std::string_view search_from() const override;
    [[nodiscard]] std::string_view search_rank() const override;
    [[nodiscard]] std::string_view search_title() const override;
    [[nodiscard]] std::string_view search_snippet() const override;
    [[nodiscard]] std::string search_text(const SearchTerms& terms) const override;
};

std::string_view Dialect::search_from() const {
    return "search_entries e CROSS JOIN websearch_to_tsquery('english', ?1) AS q WHERE e.document @@ q";
}

std::string_view Dialect::search_rank() const { return "-CAST(ts_rank(e.document, q) * 1000000000 AS BIGINT)"; }

std::string_view Dialect::search_title() const {
    return "ts_headline('english', e.title, q, 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2))";
}

std::string_view Dialect::search_snippet() const {
    return "ts_headline('english', e.body, q, 'MaxWords=30, MinWords=12, StartSel=' || chr(1) || ', StopSel=' || chr(2))";
}

// The same terms in websearch_to_tsquery's words: `or` between alternatives, `-` before what
// must not appear, quotes round words that go together.
std::string Dialect::search_text(const SearchTerms& terms) const {
    std::string out;
    for (const auto& alternatives : terms.all_of) {
        std::string one;
        for (const auto& p : alternatives) one += (one.empty() ? "" : " or ") + phrase(p);
        out += (out.empty() ? "" : " ") + one;
    }
    for (const auto& p : terms.none_of) out += " -" + phrase(p);
    return out;
}

}  // namespace

// Called once, by the first Connection made (database.cpp), which also links this file in.
bool register_search() {
    static const Dialect dialect;
    sql::register_search_dialect(typeid(Connection), dialect);
    return true;
}

}  // namespace assure::postgres
