#pragma once
// The audit trail's hash chain, on every backend: appends chain, verification passes, and a row
// edited, deleted or moved behind the store's back (the append-only triggers dropped first, as
// anyone who can write the database can) is named. A factory provides exec() and
// drop_audit_guards().
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "app/audit.hpp"
#include "app/ports.hpp"

namespace assure::testing {

template <class Factory>
class AuditChainContract : public ::testing::Test {
protected:
    void SetUp() override {
        if constexpr (requires { Factory::skip_reason(); }) {
            if (const std::string why = Factory::skip_reason(); !why.empty()) GTEST_SKIP() << why;
        }
        store = Factory::make();
        store->write([&](Transaction& tx) {
            first = tx.partnerships().insert({PartnershipId{}, "p", "P"}, PartnershipRules());
            second = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, PartnershipRules());
        });
    }
    void TearDown() override {
        if (store) Factory::destroy();
    }
    // Rows 1..n, alternating between the two partnerships, some with an actor and some without.
    void append(int n) {
        for (int i = 1; i <= n; ++i) {
            store->write([&](Transaction& tx) {
                tx.audit().append(AuditEntry{0, i % 2 ? first : second, 1000 + i, i % 3 ? UserId{7} : UserId{}, "Ann <ann@x.org>",
                                             "agency.update", "agency", std::to_string(i), "{\"n\":" + std::to_string(i - 1) + "}",
                                             "{\"n\":" + std::to_string(i) + "}"});
            });
        }
    }
    AuditChainCheck verify(AuditCheckpoint from = {}) { return verify_audit_trail(*store, from); }

    std::unique_ptr<Store> store;
    PartnershipId first, second;
};

TYPED_TEST_SUITE_P(AuditChainContract);

TYPED_TEST_P(AuditChainContract, AnEmptyTrailAndAnAppendedOneVerify) {
    auto empty = this->verify();
    EXPECT_TRUE(empty.intact) << empty.problem;
    EXPECT_EQ(empty.rows, 0);
    this->append(5);
    const auto check = this->verify();
    EXPECT_TRUE(check.intact) << check.problem;
    EXPECT_EQ(check.rows, 5);
    EXPECT_EQ(check.head.id, 5);
    EXPECT_EQ(check.head.hash.size(), 64u);
}

TYPED_TEST_P(AuditChainContract, AnEditedRowIsNamed) {
    this->append(6);
    TypeParam::drop_audit_guards();
    TypeParam::exec("UPDATE audit_log SET after_json = '{\"n\":99}' WHERE id = 4");
    const auto check = this->verify();
    EXPECT_FALSE(check.intact);
    EXPECT_EQ(check.broken_row, 4);
    EXPECT_NE(check.problem.find("edited"), std::string::npos) << check.problem;
    EXPECT_EQ(check.head.id, 3);  // sound up to the row before
}

TYPED_TEST_P(AuditChainContract, ARowWhoseHashWasRewrittenIsNamed) {
    // The row's content and its hash both changed: the hash no longer covers the content.
    this->append(4);
    TypeParam::drop_audit_guards();
    TypeParam::exec("UPDATE audit_log SET actor_label = 'Nobody', row_hash = '" + std::string(64, 'a') + "' WHERE id = 2");
    const auto check = this->verify();
    EXPECT_FALSE(check.intact);
    EXPECT_EQ(check.broken_row, 2);
}

TYPED_TEST_P(AuditChainContract, ADeletedRowIsNamedByTheRowAfterIt) {
    this->append(6);
    TypeParam::drop_audit_guards();
    TypeParam::exec("DELETE FROM audit_log WHERE id = 3");
    const auto check = this->verify();
    EXPECT_FALSE(check.intact);
    EXPECT_EQ(check.broken_row, 4);
    EXPECT_NE(check.problem.find("deleted"), std::string::npos) << check.problem;
}

TYPED_TEST_P(AuditChainContract, RowsCutFromTheEndAreSeenFromTheHead) {
    this->append(5);
    TypeParam::drop_audit_guards();
    TypeParam::exec("DELETE FROM audit_log WHERE id >= 4");
    const auto check = this->verify();
    EXPECT_FALSE(check.intact);
    EXPECT_EQ(check.broken_row, 5);  // the head the last append recorded
    EXPECT_NE(check.problem.find("ends at row 3"), std::string::npos) << check.problem;
}

TYPED_TEST_P(AuditChainContract, ReorderedRowsAreNamed) {
    this->append(5);
    TypeParam::drop_audit_guards();
    TypeParam::exec("UPDATE audit_log SET id = -2 WHERE id = 2");
    TypeParam::exec("UPDATE audit_log SET id = 2 WHERE id = 3");
    TypeParam::exec("UPDATE audit_log SET id = 3 WHERE id = -2");
    const auto check = this->verify();
    EXPECT_FALSE(check.intact);
    EXPECT_EQ(check.broken_row, 2);
}

TYPED_TEST_P(AuditChainContract, AppendsAfterATamperedEndDoNotHideIt) {
    this->append(4);
    TypeParam::drop_audit_guards();
    TypeParam::exec("DELETE FROM audit_log WHERE id = 4");
    this->append(2);  // the next rows chain onto the deleted row's hash, kept in the head
    const auto check = this->verify();
    EXPECT_FALSE(check.intact);
    EXPECT_EQ(check.broken_row, 5);
}

TYPED_TEST_P(AuditChainContract, AVerificationFromACheckpointReadsOnlyLaterRowsAndSeesTheCheckpointChanged) {
    this->append(3);
    const auto at_three = this->verify().head;
    this->append(2);
    const auto later = this->verify(at_three);
    EXPECT_TRUE(later.intact) << later.problem;
    EXPECT_EQ(later.rows, 2);
    EXPECT_EQ(later.head.id, 5);
    TypeParam::drop_audit_guards();
    TypeParam::exec("DELETE FROM audit_log WHERE id = 3");
    const auto gone = this->verify(at_three);
    EXPECT_FALSE(gone.intact);
    EXPECT_EQ(gone.broken_row, 3);
}

TYPED_TEST_P(AuditChainContract, ConcurrentWritersKeepOneChain) {
    constexpr int threads = 6, each = 15;
    std::vector<std::thread> workers;
    std::atomic<int> failed{0};
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < each; ++i) {
                try {
                    this->store->write([&](Transaction& tx) {
                        tx.audit().append(AuditEntry{0, this->first, 50 + i, UserId{}, "w" + std::to_string(t), "a", "t",
                                                     std::to_string(i), "", ""});
                        tx.audit().append(AuditEntry{0, this->second, 50 + i, UserId{}, "w" + std::to_string(t), "b", "t",
                                                     std::to_string(i), "", ""});
                    });
                } catch (...) {
                    ++failed;
                }
            }
        });
    }
    for (auto& w : workers) w.join();
    EXPECT_EQ(failed.load(), 0);
    const auto check = this->verify();
    EXPECT_TRUE(check.intact) << check.problem << " at row " << check.broken_row;
    EXPECT_EQ(check.rows, threads * each * 2);
}

TYPED_TEST_P(AuditChainContract, TheWatchKeepsABreakUntilAWholeCheckFindsTheTrailSound) {
    this->append(3);
    AuditTrailWatch watch;
    EXPECT_FALSE(watch.latest().checked);
    EXPECT_TRUE(watch.check(*this->store, true, 100).intact);
    this->append(2);
    const auto incremental = watch.check(*this->store, false, 200);
    EXPECT_TRUE(incremental.intact);
    EXPECT_EQ(incremental.rows, 5);
    TypeParam::drop_audit_guards();
    TypeParam::exec("UPDATE audit_log SET action = 'x' WHERE id = 5");
    this->append(1);
    // A check from the last sound head (row 5) sees row 5 changed.
    EXPECT_FALSE(watch.check(*this->store, false, 300).intact);
    const auto finding = watch.latest();
    EXPECT_TRUE(finding.checked);
    EXPECT_FALSE(finding.check.intact);
    EXPECT_EQ(finding.check.broken_row, 5);
    EXPECT_EQ(finding.at, 300);
}

REGISTER_TYPED_TEST_SUITE_P(AuditChainContract, AnEmptyTrailAndAnAppendedOneVerify, AnEditedRowIsNamed,
                            ARowWhoseHashWasRewrittenIsNamed, ADeletedRowIsNamedByTheRowAfterIt,
                            RowsCutFromTheEndAreSeenFromTheHead, ReorderedRowsAreNamed, AppendsAfterATamperedEndDoNotHideIt,
                            AVerificationFromACheckpointReadsOnlyLaterRowsAndSeesTheCheckpointChanged,
                            ConcurrentWritersKeepOneChain, TheWatchKeepsABreakUntilAWholeCheckFindsTheTrailSound);

}  // namespace assure::testing
