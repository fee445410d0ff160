// PostgreSQL's full-text search: the tsvector of search_entries (migration 0032, 'english'
// configuration, title weighted A and body B) under a GIN index, matched by a to_tsquery the
// person's terms are written into (websearch_to_tsquery cannot match the start of a word);
// ranked by ts_rank.
#include "store/postgres/database.hpp"
#include "store/sql/search_dialect.hpp"

namespace assure::postgres {
namespace {

// Each word single-quoted, so to_tsquery reads it as a word whatever it holds (words are letters
// and digits, never a quote or backslash: core/search.cpp); words together joined by <->
// (followed by); `:*` after a word that may begin a longer one, applied after stemming.
std::string phrase(const SearchPhrase& p) {
    std::string out;
    for (std::size_t i = 0; i < p.words.size(); ++i) out += (i ? " <-> '" : "'") + p.words[i] + "'";
    if (p.word_start) out += ":*";
    return p.words.size() > 1 ? "(" + out + ")" : out;
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
    return "search_entries e CROSS JOIN to_tsquery('english', ?1) AS q WHERE e.document @@ q";
}

std::string_view Dialect::search_rank() const { return "-CAST(ts_rank(e.document, q) * 1000000000 AS BIGINT)"; }

std::string_view Dialect::search_title() const {
    return "ts_headline('english', e.title, q, 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2))";
}

std::string_view Dialect::search_snippet() const {
    return "ts_headline('english', e.body, q, 'MaxWords=30, MinWords=12, StartSel=' || chr(1) || ', StopSel=' || chr(2))";
}

// The same terms in to_tsquery's words: `|` between alternatives, `&` between what must all
// appear, `& !` before what must not.
std::string Dialect::search_text(const SearchTerms& terms) const {
    std::string out;
    for (const auto& alternatives : terms.all_of) {
        std::string one;
        for (const auto& p : alternatives) one += (one.empty() ? "" : " | ") + phrase(p);
        out += (out.empty() ? "(" : " & (") + one + ")";
    }
    for (const auto& p : terms.none_of) out += " & !" + phrase(p);
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
