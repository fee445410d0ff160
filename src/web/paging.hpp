#pragma once
// Paging at the edge: reading `limit` and `cursor` from a request, the API's list envelope,
// and the GOV.UK pagination component for pages.
#include <nlohmann/json.hpp>

#include <string>

#include "app/paging.hpp"
#include "web/routes.hpp"

namespace assure::web {

// `limit` (1–500, default 50) and `cursor` from the query string. A limit that is not a whole
// number in range is a field error (Failure::invalid), so the API answers 422 and names it.
PageRequest page_request(const Ctx& ctx);

// {"items": [...], "next": "cursor"} — `next` only when there is a following page.
nlohmann::json list_body(nlohmann::json items, const std::optional<std::string>& next);

// The GOV.UK pagination block for a keyset-paged list: "Next page" carries the cursor; on a
// later page, "First page" goes back to the start. `path_and_query` is the current URL without
// its cursor (e.g. "/actions?state=open"). Returns "" when there is only one page.
std::string pagination(const std::string& path_and_query, const PageRequest& current, const std::optional<std::string>& next);

}  // namespace assure::web
