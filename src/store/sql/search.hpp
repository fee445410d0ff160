#pragma once
// The search index's repository over sql::Connection (kept out of repos.hpp, which every store
// source includes; see app/ports/search.hpp's SearchTransaction).
#include "app/ports/search.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlSearch final : public SearchRepo {
public:
    explicit SqlSearch(Connection& db) : db_(db) {}
    Page<SearchHit> search(const SearchQuery& query) override;
    std::vector<SearchCount> count_by_kind(const SearchQuery& query) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
