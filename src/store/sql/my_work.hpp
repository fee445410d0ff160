#pragma once
// What a person owes, over sql::Connection (see app/ports/my_work.hpp's MyWorkTransaction).
#include "app/ports/my_work.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlOwed final : public OwedRepo {
public:
    explicit SqlOwed(Connection& db) : db_(db) {}
    Page<OwedItem> owed(const OwedQuery& query) override;
    OwedCounts count_owed(const OwedQuery& query) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
