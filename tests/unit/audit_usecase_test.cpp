// Browsing the trail and the accounts list a page at a time (use cases, on the real store).
#include <gtest/gtest.h>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/partnership.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using assure::testing::World;

TEST(BrowseAudit, PagesNewestFirstAndCountsEveryMatchingEntry) {
    World w;
    for (int i = 0; i < 5; ++i) {
        create_agency(w.services, w.admin, {"School " + std::to_string(i), "relevant_agency", "none", "education"});
        w.clock.at += 60;
    }
    AuditFilter agencies;
    agencies.entity_type = "agency";
    PageRequest page{2, ""};
    std::vector<std::string> created;
    int total = -1;
    for (;;) {
        const auto found = browse_audit(w.services, w.as(Role::administrator), agencies, page);
        total = found.total;
        for (const auto& e : found.entries.items) created.push_back(nlohmann::json::parse(e.after_json)["name"]);
        if (!found.entries.next) break;
        page.after = *found.entries.next;
    }
    EXPECT_EQ(total, 5);
    EXPECT_EQ(created, (std::vector<std::string>{"School 4", "School 3", "School 2", "School 1", "School 0"}));
}

TEST(BrowseAudit, StopsCountingAtTheLimitAndSaysSo) {
    World w;
    const auto p = w.admin.partnership;
    auto add = [&](int n) {
        w.store.write([&](Transaction& tx) {
            for (int i = 0; i < n; ++i) {
                tx.audit().append(AuditEntry{0, p, w.clock.at, UserId{}, "Someone", "agency.update", "agency", "1", "", "{}"});
            }
        });
    };
    AuditFilter updates;
    updates.action_prefix = "agency.update";
    add(kAuditCountLimit);
    auto found = browse_audit(w.services, w.admin, updates, PageRequest{});
    EXPECT_EQ(found.total, kAuditCountLimit);
    EXPECT_FALSE(found.more_than_total);

    add(1);
    found = browse_audit(w.services, w.admin, updates, PageRequest{});
    EXPECT_EQ(found.total, kAuditCountLimit);
    EXPECT_TRUE(found.more_than_total);
    EXPECT_EQ(found.entries.items.size(), static_cast<std::size_t>(PageRequest::default_limit));  // the page itself is unchanged
}

TEST(BrowseAudit, NeverShowsAnotherPartnershipsTrail) {
    World w;
    const auto other = w.add_partnership("other", "Other Partnership");
    w.store.write([&](Transaction& tx) {
        tx.audit().append(AuditEntry{0, other, w.clock.at, UserId{}, "Someone", "agency.create", "agency", "1", "", "{}"});
    });
    AuditFilter asked;
    asked.partnership = other;  // ignored: the actor's partnership is used
    const auto found = browse_audit(w.services, w.admin, asked, PageRequest{});
    EXPECT_TRUE(found.entries.items.empty());
    EXPECT_EQ(found.total, 0);
}

TEST(ListUsers, PagesEveryAccountOfThePartnershipByName) {
    World w;  // one account per role
    PageRequest page{3, ""};
    std::vector<std::string> names;
    for (;;) {
        const auto found = list_users(w.services, w.admin, page);
        for (const auto& u : found.items) names.push_back(u.display_name);
        if (!found.next) break;
        page.after = *found.next;
    }
    EXPECT_EQ(names.size(), all_roles().size());
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [](char x, char y) { return std::tolower(x) < std::tolower(y); });
    }));
    EXPECT_THROW(list_users(w.services, w.as(Role::member), PageRequest{}), Failure);
}
