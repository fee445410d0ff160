#pragma once
// The store contract for role approvals (decision 0029): a request is stored and read back
// whole; one request per account waits at a time; a decision is recorded once, and only while
// the request waits; lists are the partnership's own, in their order.
#include "app/ports/role_grants.hpp"
#include "store/directory_contract.hpp"

namespace assure::testing {

template <class Factory>
class RoleGrantsContract : public DirectoryContract<Factory> {
protected:
    UserId account(const std::string& name) { return this->member_account(this->person(name, AgencyId{}, name + "@x.org")); }
    RoleGrant asked(UserId user, Instant at, UserId by = {}) {
        RoleGrant g;
        g.partnership = this->partnership;
        g.user = user;
        g.role = Role::business_unit;
        g.role_before = Role::member;
        g.asked_by = by;
        g.asked_by_label = by.valid() ? "Admin <admin@x.org>" : "system";
        g.asked_at = at;
        return g;
    }
    template <class Work>
    void in_write(Work work) {
        this->store->write([&](Transaction& tx) { work(dynamic_cast<RoleGrantTransaction&>(tx).role_grants()); });
    }
    template <class Work>
    void in_read(Work work) {
        this->store->read([&](Transaction& tx) { work(dynamic_cast<RoleGrantTransaction&>(tx).role_grants()); });
    }
};

TYPED_TEST_SUITE_P(RoleGrantsContract);

TYPED_TEST_P(RoleGrantsContract, ARequestIsStoredWholeAndWaits) {
    const UserId admin = this->account("Admin");
    const UserId sam = this->account("Sam");
    RoleGrantId id;
    this->in_write([&](RoleGrantRepo& r) { id = r.insert(this->asked(sam, 100, admin)); });
    this->in_read([&](RoleGrantRepo& r) {
        const auto g = r.find(this->partnership, id);
        ASSERT_TRUE(g);
        EXPECT_EQ(g->user, sam);
        EXPECT_EQ(g->role, Role::business_unit);
        EXPECT_EQ(g->role_before, Role::member);
        EXPECT_EQ(g->asked_by, admin);
        EXPECT_EQ(g->asked_by_label, "Admin <admin@x.org>");
        EXPECT_EQ(g->asked_at, 100);
        EXPECT_EQ(g->status, GrantStatus::waiting);
        EXPECT_FALSE(g->decided_by.valid());
        EXPECT_EQ(r.waiting_for(sam)->id, id);
        EXPECT_FALSE(r.waiting_for(admin));
    });
    // Asked by the system: nobody's account.
    const UserId kit = this->account("Kit");
    this->in_write([&](RoleGrantRepo& r) { r.insert(this->asked(kit, 101)); });
    this->in_read([&](RoleGrantRepo& r) { EXPECT_FALSE(r.waiting_for(kit)->asked_by.valid()); });
}

TYPED_TEST_P(RoleGrantsContract, OneRequestWaitsPerAccount) {
    const UserId sam = this->account("Sam");
    this->in_write([&](RoleGrantRepo& r) { r.insert(this->asked(sam, 100)); });
    EXPECT_ANY_THROW(this->in_write([&](RoleGrantRepo& r) { r.insert(this->asked(sam, 101)); }));
    this->in_read([&](RoleGrantRepo& r) { EXPECT_EQ(r.waiting(this->partnership).size(), 1u); });
}

TYPED_TEST_P(RoleGrantsContract, ADecisionIsRecordedOnceAndOnlyWhileWaiting) {
    const UserId lead = this->account("Lead");
    const UserId sam = this->account("Sam");
    RoleGrant g = this->asked(sam, 100);
    this->in_write([&](RoleGrantRepo& r) { g.id = r.insert(g); });
    g.status = GrantStatus::refused;
    g.decided_by = lead;
    g.decided_by_label = "Lead <lead@x.org>";
    g.decided_at = 200;
    g.reason = "not in the unit";
    bool first = false, second = true;
    this->in_write([&](RoleGrantRepo& r) { first = r.decide(g); });
    RoleGrant again = g;
    again.status = GrantStatus::approved;
    this->in_write([&](RoleGrantRepo& r) { second = r.decide(again); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second) << "a decided request is not decided again";
    this->in_read([&](RoleGrantRepo& r) {
        const auto stored = r.find(this->partnership, g.id);
        EXPECT_EQ(stored->status, GrantStatus::refused);
        EXPECT_EQ(stored->decided_by, lead);
        EXPECT_EQ(stored->decided_by_label, "Lead <lead@x.org>");
        EXPECT_EQ(stored->decided_at, 200);
        EXPECT_EQ(stored->reason, "not in the unit");
        EXPECT_FALSE(r.waiting_for(sam));
    });
    // Once decided, the account may be asked for again.
    this->in_write([&](RoleGrantRepo& r) { r.insert(this->asked(sam, 300)); });
    this->in_read([&](RoleGrantRepo& r) { EXPECT_EQ(r.waiting_for(sam)->asked_at, 300); });
}

TYPED_TEST_P(RoleGrantsContract, ListsAreThePartnershipsOwnInTheirOrder) {
    const UserId a = this->account("A"), b = this->account("B"), c = this->account("C");
    std::vector<RoleGrant> made;
    this->in_write([&](RoleGrantRepo& r) {
        for (const auto& [user, at] : std::vector<std::pair<UserId, Instant>>{{a, 300}, {b, 100}, {c, 200}}) {
            RoleGrant g = this->asked(user, at);
            g.id = r.insert(g);
            made.push_back(g);
        }
    });
    for (auto& g : made) {
        if (g.user == a) continue;
        g.status = GrantStatus::withdrawn;
        g.decided_at = g.user == b ? 500 : 400;
        g.decided_by_label = "system";
        this->in_write([&](RoleGrantRepo& r) { ASSERT_TRUE(r.decide(g)); });
    }
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "o", "O"}, shipped_rules()); });
    this->in_read([&](RoleGrantRepo& r) {
        const auto waiting = r.waiting(this->partnership);
        ASSERT_EQ(waiting.size(), 1u);
        EXPECT_EQ(waiting[0].user, a);
        const auto decided = r.decided(this->partnership, 10);
        ASSERT_EQ(decided.size(), 2u);
        EXPECT_EQ(decided[0].user, b) << "newest decision first";
        EXPECT_EQ(decided[1].user, c);
        EXPECT_EQ(r.decided(this->partnership, 1).size(), 1u);
        EXPECT_TRUE(r.waiting(other).empty());
        EXPECT_TRUE(r.decided(other, 10).empty());
        EXPECT_FALSE(r.find(other, made[0].id)) << "another partnership's id finds nothing";
    });
}

REGISTER_TYPED_TEST_SUITE_P(RoleGrantsContract, ARequestIsStoredWholeAndWaits, OneRequestWaitsPerAccount,
                            ADecisionIsRecordedOnceAndOnlyWhileWaiting, ListsAreThePartnershipsOwnInTheirOrder);

}  // namespace assure::testing
