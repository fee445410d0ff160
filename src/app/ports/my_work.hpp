#pragma once
// Port: what a person owes (issue 19 item 2), answered by one SQL query over the tables that
// hold it (meeting actions they own, improvement actions they lead, their agency's dataset
// returns not yet sent, training they have booked still to come), ordered and paged in SQL.
#include <optional>
#include <string>

#include "app/paging.hpp"
#include "core/ids.hpp"
#include "core/my_work.hpp"

namespace assure {

struct OwedQuery {
    PartnershipId partnership;
    PersonId person;         // owner of meeting actions, lead of improvement actions
    AgencyId agency;         // whose dataset returns they send (an agency lead's); none: none
    std::string email;       // their bookings (bookings are by email); "": none
    Date today;              // bookings from this day on; what is overdue
    PageRequest page;
};

struct OwedCounts {
    int owed = 0;
    int overdue = 0;
};

struct OwedRepo {
    virtual ~OwedRepo() = default;
    // By due date (overdue first), then kind and id; the cursor is the last item's key.
    virtual Page<OwedItem> owed(const OwedQuery& query) = 0;
    virtual OwedCounts count_owed(const OwedQuery& query) = 0;
};

// A transaction that reaches it (the SQL store's), asked for by app/my_work.cpp: a side
// interface, as for documents and search.
struct MyWorkTransaction {
    virtual ~MyWorkTransaction() = default;
    virtual OwedRepo& owed() = 0;
};

}  // namespace assure
