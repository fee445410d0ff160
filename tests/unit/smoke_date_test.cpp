#include <gtest/gtest.h>
#include "core/date.hpp"
TEST(Date, RoundTrips) { EXPECT_EQ(assure::Date::parse("2024-02-29")->iso(), "2024-02-29"); }
