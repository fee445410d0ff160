#pragma once
// How a case is kept in rows: the mapping between core's types and review_cases' JSON detail,
// rule set and events. Strict both ways: a stored value this version does not know, or a
// missing one, is an error naming the table and column (store/sql/strict.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/reviews.hpp"

namespace assure::sql::reviews_rows {

// What no list filters on stays in review_cases.record_json: dates, kind, areas, summary,
// children's pseudonyms, agencies. Stage, deadline, panel and interests have their own columns.
std::string record_json(const Case& c);
void fill_record(Case& c, std::string_view stored);

std::string rules_json(const ReviewRules& rules);
// The same rule set is kept with each case (the rules it is judged under) and with the
// partnership (partnership_rules.reviews_json): `table` and `column` name where it was read.
ReviewRules rules_from(std::string_view stored, std::string_view table = "review_cases", std::string_view column = "rules_json");

std::string event_detail_json(const CaseEvent& e);
// `kind`, `on` and `detail` as stored in review_events.
CaseEvent event_from(std::string_view kind, std::string_view on, std::string_view detail);

std::string agency_ids_json(const std::vector<AgencyId>& ids);
std::vector<AgencyId> agency_ids_from(std::string_view table, std::string_view column, std::string_view stored);

}  // namespace assure::sql::reviews_rows
