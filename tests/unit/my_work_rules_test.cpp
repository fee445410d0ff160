// What "My work" orders and calls overdue (core/my_work.cpp), on fixed days: overdue is after
// the due day, not on it; the list runs by due date so what is overdue comes first, with what
// has no due date (a sign-off) last and kind then id breaking ties.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/my_work.hpp"

using namespace assure;

TEST(MyWork, OverdueIsAfterTheDueDayNotOnIt) {
    const OwedItem a{OwedKind::meeting_action, 1, "A", Date{2026, 6, 15}};
    EXPECT_FALSE(owed_overdue(a, Date{2026, 6, 15}));
    EXPECT_TRUE(owed_overdue(a, Date{2026, 6, 16}));
    const OwedItem sign{OwedKind::report_sign_off, 2025, "Sign", std::nullopt};
    EXPECT_FALSE(owed_overdue(sign, Date{2099, 1, 1})) << "nothing without a due date is overdue";
}

TEST(MyWork, TheListRunsByDueDateWithoutADateLastThenKindAndId) {
    std::vector<OwedItem> items{
        {OwedKind::report_sign_off, 2025, "Sign", std::nullopt},
        {OwedKind::meeting_action, 9, "Later", Date{2026, 7, 1}},
        {OwedKind::meeting_action, 3, "Same day, action", Date{2026, 5, 1}},
        {OwedKind::audit_return, 4, "Same day, return", Date{2026, 5, 1}},
        {OwedKind::meeting_action, 2, "Same day, lower id", Date{2026, 5, 1}},
    };
    std::sort(items.begin(), items.end(), owed_before);
    std::vector<std::string> titles;
    for (const auto& i : items) titles.push_back(i.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Same day, return", "Same day, lower id", "Same day, action", "Later", "Sign"}));
}

TEST(MyWork, KindsRoundTripAndHaveNames) {
    for (const auto k : {OwedKind::meeting_action, OwedKind::improvement_action, OwedKind::audit_return, OwedKind::dataset_return,
                         OwedKind::booking, OwedKind::report_sign_off, OwedKind::role_approval,
                         OwedKind::escalated_action}) {
        EXPECT_EQ(parse_owed_kind(owed_kind_key(k)), k);
        EXPECT_NE(owed_kind_label(k), "Unknown");
    }
    EXPECT_FALSE(parse_owed_kind("case"));
}
