#pragma once
// Port: the open cases whose next statutory date comes soonest (issue 19 item 1: the home page).
// A side interface of the SQL store's transaction, as documents and search are, so that the
// widely included Transaction is unchanged; app/reviews_due.cpp asks for it.
#include <vector>

#include "app/ports/reviews.hpp"

namespace assure {

struct CasesDueRepo {
    virtual ~CasesDueRepo() = default;
    // The cases the query selects that still have a statutory date to meet, soonest (so the most
    // overdue) first, then by id, at most `limit` (its page ignored), with their children.
    virtual std::vector<Case> soonest_due(const CaseQuery& query, int limit) = 0;
};

struct CasesDueTransaction {
    virtual ~CasesDueTransaction() = default;
    virtual CasesDueRepo& cases_due() = 0;
};

}  // namespace assure
