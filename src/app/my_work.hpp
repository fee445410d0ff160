#pragma once
// Use case: "My work" (issue 19 item 2), everything the signed-in person owes in one list, with
// due dates, overdue first, a page at a time (docs/decisions/0026-search-and-my-work.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/paging.hpp"
#include "app/ports/my_work.hpp"

namespace assure {

struct MyWorkLine {
    OwedItem item;
    std::string href;  // the page where it is done
    bool overdue = false;
};

struct MyWork {
    std::vector<MyWorkLine> lines;
    std::optional<std::string> next;
    OwedCounts counts;  // across every page
};

// Meeting actions the person owns and improvement actions they lead, open; an agency lead's
// agency's dataset returns not yet sent and Section 11/175 returns of open audits not yet
// submitted; their agency's return to an open training needs analysis (an agency or partner
// lead's); training they have booked still to come; a statutory partner lead's sign-off of
// last year's report once every section is written. The store orders and pages the first
// four; the returns of open audits (a few a year) and the sign-off (one) are put in their
// place on the page their due date falls on (a sign-off has none: the last page).
MyWork my_work(Services& s, const Actor& actor, const PageRequest& page);
OwedCounts count_my_work(Services& s, const Actor& actor);

}  // namespace assure
