#pragma once
// A line of "My work" as the page shows it, shared by /my-work and the home page's first few.
#include "app/my_work.hpp"
#include "web/views.hpp"

namespace assure::web {

// href, title, kind, detail, due ("Due 8 December 2026") and overdue.
Data my_work_line(const MyWorkLine& l);
// "7 things waiting for you, 2 overdue".
std::string my_work_summary(const OwedCounts& counts);

}  // namespace assure::web
