// Booking several people at once (issue 16 item 2): typed as lines on the page, or given one by
// one through the API; the same checks either way, each wrong entry named by where it is.
#include <gtest/gtest.h>

#include "core/training_group.hpp"

using namespace assure;

TEST(TrainingGroup, LinesSplitAtTheFirstCommaOrTabAndAreNamedByLine) {
    FieldErrors errors;
    const auto lines = parse_group_lines("Sam Jones, Sam@Example.org\n\nAlex Reed\talex@example.org\n", "people", errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0].email, "sam@example.org");
    EXPECT_EQ(lines[1].line, 3) << "blank lines still count, as the person sees them";
    (void)parse_group_lines("Sam Jones, sam@example.org\nKim, sam@example.org", "people", errors);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].message, "Line 2: sam@example.org is on an earlier line");
}

TEST(TrainingGroup, PeopleGivenOneByOneKeepCommasInNamesAndAreNamedByPlace) {
    FieldErrors errors;
    auto people = check_group_people({{" Lee, Kim ", "KIM@example.org"}, {"Sam Jones", "sam@example.org"}}, "people", errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(people.size(), 2U);
    EXPECT_EQ(people[0].name, "Lee, Kim");
    EXPECT_EQ(people[0].email, "kim@example.org");
    (void)check_group_people({{"Sam", "sam@example.org"}, {"", "x"}, {"Sam again", "SAM@example.org"}}, "people", errors);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].message.rfind("Person 2: ", 0), 0U) << errors[0].message;
    EXPECT_NE(errors[0].message.find(". Person 3: sam@example.org is given earlier"), std::string::npos) << errors[0].message;
    errors.clear();
    (void)check_group_people({}, "people", errors);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].message, "Give at least one person: their name and email address");
    errors.clear();
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i <= static_cast<int>(kMaxGroupBooking); ++i) many.emplace_back("P", "p" + std::to_string(i) + "@example.org");
    (void)check_group_people(many, "people", errors);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].message, "Book at most 30 people at once");
}
