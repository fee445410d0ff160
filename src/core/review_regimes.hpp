#pragma once
// The guidance a serious incident is judged under (issue 20 item 6), decided by the day the local
// authority became aware of it: Working Together 2015, when the local safeguarding children board
// decided whether to hold a serious case review and notified Ofsted and the national panel of
// independent experts; Working Together 2018, which brought the national Child Safeguarding
// Practice Review Panel, rapid reviews and local child safeguarding practice reviews (in force
// 29 June 2018); and Working Together 2023 (in force 15 December 2023). A record keeps the
// numbers of its partnership's rules (ReviewRules); what the steps are called, and whether a
// rapid review is due at all, are the regime's.
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/reviews.hpp"

namespace assure {

enum class Regime { wt2015, wt2018, wt2023 };

// The first day each later guidance applied to.
inline constexpr Date kWorkingTogether2018From{2018, 6, 29};
inline constexpr Date kWorkingTogether2023From{2023, 12, 15};

Regime regime_on(Date became_aware_on);
Regime regime_of(const Case& c);
std::string_view regime_title(Regime r);      // "Working Together 2015"
std::string_view review_name(Regime r);       // "serious case review", "local child safeguarding practice review"
bool has_rapid_review(Regime r);              // none before Working Together 2018

// The words for a stage, a decision and an event under the regime: Working Together 2015's are
// the board's ("Serious case review", "Ofsted and the national panel notified"); later ones are
// the labels core/reviews.hpp gives.
std::string_view stage_words(Regime r, Stage s);
std::string_view decision_words(Regime r, Decision d);
std::string_view event_words(Regime r, EventKind e);

// "Working Together 2015: the board decides whether to hold a serious case review; Ofsted and the
// national panel notified within 5 working days; a review completed within 6 months", from the
// regime and the numbers the case keeps.
std::string regime_summary(const Case& c);

}  // namespace assure
