// SQLite's full-text search: FTS5 over search_entries (migration 0032), ranked by bm25 with
// the title weighted four times the body, and the person's terms written as an FTS5 query in
// which every word is a quoted string (so nothing they type is read as FTS5 syntax), a word that
// may begin a longer one followed by FTS5's prefix mark.
#include "store/sqlite/database.hpp"
#include "store/sql/search_dialect.hpp"

namespace assure::sqlite {
namespace {

// A quoted FTS5 string; `"negl"*` also matches the longer words it begins (FTS5 stems the
// prefix with the porter tokenizer, as it stems the words it indexed).
std::string phrase(const SearchPhrase& p) {
    std::string out = "\"";
    for (std::size_t i = 0; i < p.words.size(); ++i) out += (i ? " " : "") + p.words[i];
    return out + (p.word_start ? "\"*" : "\"");  // words are letters and digits only (core/search.cpp), never a quote
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
    return "search_fts JOIN search_entries e ON e.id = search_fts.rowid WHERE search_fts MATCH ?1";
}

std::string_view Dialect::search_rank() const { return "CAST(bm25(search_fts, 4.0, 1.0) * 1000000000 AS INTEGER)"; }

std::string_view Dialect::search_title() const { return "highlight(search_fts, 0, char(1), char(2))"; }

std::string_view Dialect::search_snippet() const { return "snippet(search_fts, 1, char(1), char(2), '…', 24)"; }

std::string Dialect::search_text(const SearchTerms& terms) const {
    std::string all;
    for (const auto& alternatives : terms.all_of) {
        std::string one;
        for (const auto& p : alternatives) one += (one.empty() ? "" : " OR ") + phrase(p);
        if (alternatives.size() > 1) one = "(" + one + ")";
        all += (all.empty() ? "" : " AND ") + one;
    }
    std::string out = "(" + all + ")";
    for (const auto& p : terms.none_of) out += " NOT " + phrase(p);
    return out;
}

}  // namespace

// Called once, by the first Connection made (database.cpp), which also links this file in.
bool register_search() {
    static const Dialect dialect;
    sql::register_search_dialect(typeid(Connection), dialect);
    return true;
}

}  // namespace assure::sqlite
