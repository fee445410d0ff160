// Reading an uploaded sheet under its headings (core/sheet_rows.hpp), as the schools register
// and the online modules' report do: headings matched by their letters, blank rows skipped,
// every wrong row named and the rest counted past ten, and all or none.
#include <gtest/gtest.h>

#include "core/sheet_rows.hpp"

using namespace assure;

namespace {

const std::map<std::string, std::string> kFields{{"name", "name"}, {"fullname", "name"}, {"email", "email"}};

SheetShape shape(std::size_t max_rows = 100) {
    return {kFields, {"name"}, "Name the columns", max_rows, "Too many rows", "No rows"};
}

}  // namespace

TEST(SheetRows, HeadingsMatchByTheirLettersAndBlankRowsAreSkipped) {
    std::vector<std::pair<int, std::string>> seen;
    FieldErrors e;
    EXPECT_TRUE(read_sheet("Full Name,E-mail,Other\n\nSam Carter,sam@example.org,x\n,,\nJo Bloggs\n", shape(), "file", e, [&](const SheetRow& r) {
        seen.emplace_back(r.line(), r.cell("name") + "|" + r.cell("email"));
        return FieldErrors{};
    }));
    EXPECT_TRUE(e.empty());
    EXPECT_EQ(seen, (std::vector<std::pair<int, std::string>>{{3, "Sam Carter|sam@example.org"}, {5, "Jo Bloggs|"}})) << "a short row has no email";
}

TEST(SheetRows, EveryWrongRowIsNamedTheRestCountedAndNothingIsKept) {
    std::string csv = "Name\n";
    for (int i = 0; i < 12; ++i) csv += "Person " + std::to_string(i) + "\n";
    FieldErrors e;
    EXPECT_FALSE(read_sheet(csv, shape(), "file", e, [](const SheetRow& r) { return FieldErrors{{"name", "Not " + r.cell("name")}}; }));
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].field, "file");
    EXPECT_NE(e[0].message.find("Row 2: not Person 0. Row 3: not Person 1"), std::string::npos) << e[0].message;
    EXPECT_NE(e[0].message.find("2 more rows also need correcting"), std::string::npos) << e[0].message;
}

TEST(SheetRows, UnreadableMissingHeadingsTooManyAndNoRowsEachSaySo) {
    const auto keep = [](const SheetRow&) { return FieldErrors{}; };
    const auto message = [&](const std::string& csv, std::size_t max_rows) {
        FieldErrors e;
        EXPECT_FALSE(read_sheet(csv, shape(max_rows), "file", e, keep)) << csv;
        return e.size() == 1 ? e[0].message : std::string("not one error");
    };
    EXPECT_EQ(message("Email\nsam@example.org\n", 100), "Name the columns");
    EXPECT_EQ(message("Name\nA\nB\nC\n", 2), "Too many rows");
    EXPECT_EQ(message("Name\n\n", 100), "No rows");
    EXPECT_EQ(message("", 100), "No rows");
    EXPECT_EQ(message("Name\n\"Open quote\n", 100).rfind("Row 2: ", 0), 0u);
}
