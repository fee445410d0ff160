// The route table's pre-check: a path is turned away by its literal prefix only when the regex
// could not have matched it, so every route still matches exactly what its pattern says; and the
// index by first segment finds the same first route as trying every route in order.
#include <gtest/gtest.h>

#include "web/route_pattern.hpp"

namespace assure::web {

TEST(RoutePattern, ThePrefixIsTheLiteralTextBeforeAnyRegexSyntax) {
    EXPECT_EQ(literal_prefix("/agencies").text, "/agencies");
    EXPECT_TRUE(literal_prefix("/agencies").whole);
    EXPECT_EQ(literal_prefix(R"(/agencies/(\d+))").text, "/agencies/");
    EXPECT_FALSE(literal_prefix(R"(/agencies/(\d+))").whole);
    EXPECT_EQ(literal_prefix(R"(/reports/(\d{4}-\d{2})\.pdf)").text, "/reports/");
    EXPECT_EQ(literal_prefix("/reviews?").text, "/review") << "a quantifier takes back its character";
    EXPECT_EQ(literal_prefix("/a+b").text, "/");
    EXPECT_EQ(literal_prefix("/ab{2}").text, "/a");
    EXPECT_EQ(literal_prefix("/feeds.ics").text, "/feeds") << "a dot is any character";
    EXPECT_EQ(literal_prefix("/a|/b").text, "") << "a top-level alternative has no one beginning";
    EXPECT_FALSE(literal_prefix("/a|/b").whole);
    EXPECT_EQ(literal_prefix("/x/(a|b)").text, "/x/") << "an alternative inside a group keeps the prefix";
    EXPECT_EQ(literal_prefix(R"(/x\(y\)|z)").text, "") << "escaped brackets are not groups";
}

TEST(RoutePattern, MatchesExactlyWhatTheRegexMatches) {
    const std::vector<std::string> patterns{"/agencies",  R"(/agencies/(\d+))", "/reviews?", "/a|/b",
                                            R"(/assets/(.+))", "/feeds.ics",      R"(/p/([a-z0-9][a-z0-9-]{0,62})/)"};
    const std::vector<std::string> paths{"/agencies", "/agencies/", "/agencies/12", "/agencies/12/edit", "/agenciesx", "/review",
                                         "/reviews", "/reviewss", "/a", "/b", "/ab", "/assets/x.css", "/assets/", "/feeds.ics",
                                         "/feedsxics", "/p/knowsley/", "/p//", "", "/"};
    for (const auto& pattern : patterns) {
        const RoutePattern route(pattern);
        const std::regex plain(pattern);
        for (const auto& path : paths) {
            std::smatch ours, theirs;
            const bool expected = std::regex_match(path, theirs, plain);
            ASSERT_EQ(route.match(path, ours), expected) << pattern << " on " << path;
            if (expected) {
                ASSERT_EQ(ours.size(), theirs.size());
                for (std::size_t g = 0; g < ours.size(); ++g) EXPECT_EQ(ours[g].str(), theirs[g].str());
            }
        }
    }
}

TEST(RouteIndex, FindsTheSameFirstRouteAsTryingEveryRouteInOrder) {
    const std::vector<std::string> patterns{"/",
                                            "/agencies",
                                            R"(/agencies/(\d+))",
                                            "/reviews?",
                                            "/a|/b",
                                            R"(/assets/(.+))",
                                            R"(/p/([a-z0-9][a-z0-9-]{0,62})/)",
                                            "/p/x/reviews",
                                            R"(/p/([a-z0-9][a-z0-9-]{0,62})/reviews)",
                                            "/agencies/new",
                                            "(/.*)",
                                            "/late"};
    std::vector<RoutePattern> routes;
    RouteIndex index;
    for (const auto& p : patterns) {
        routes.emplace_back(p);
        index.add(routes.size() - 1, routes.back().prefix());
    }
    const std::vector<std::string> paths{"/", "", "/agencies", "/agencies/", "/agencies/12", "/agencies/new", "/review", "/reviews",
                                         "/a", "/b", "/assets/x.css", "/p/x/reviews", "/p/knowsley/", "/p/knowsley/reviews", "/late",
                                         "/nowhere", "x", "//"};
    for (const auto& path : paths) {
        std::smatch groups;
        std::size_t every = routes.size();
        for (std::size_t i = 0; i < routes.size() && every == routes.size(); ++i) {
            if (routes[i].match(path, groups)) every = i;
        }
        std::size_t indexed = routes.size();
        for (const std::size_t i : index.candidates(path)) {
            if (routes[i].match(path, groups)) {
                indexed = i;
                break;
            }
        }
        EXPECT_EQ(indexed, every) << path;
    }
    EXPECT_EQ(RouteIndex::first_segment("/p/knowsley/"), "p");
    EXPECT_EQ(RouteIndex::first_segment("/agencies"), "agencies");
    EXPECT_EQ(RouteIndex::first_segment("/"), "");
    EXPECT_LT(index.candidates("/agencies/12").size(), routes.size()) << "the index leaves out other segments' routes";
}

}  // namespace assure::web
