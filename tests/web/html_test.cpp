// The small text helpers pages are written with.
#include <gtest/gtest.h>

#include "web/html.hpp"

using assure::web::grouped;

TEST(Grouped, WritesNumbersAsGovUkDoesWithCommasBetweenThousands) {
    EXPECT_EQ(grouped(0), "0");
    EXPECT_EQ(grouped(999), "999");
    EXPECT_EQ(grouped(1000), "1,000");
    EXPECT_EQ(grouped(24492), "24,492");
    EXPECT_EQ(grouped(7082017), "7,082,017");
    EXPECT_EQ(grouped(-1234567), "-1,234,567");
}
