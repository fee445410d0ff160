// The case key check on the real store: the first start-up with a key stores the check, a
// start-up with the same key passes, one with another key is refused, saying what to do.
#include <gtest/gtest.h>

#include "app/reviews.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

std::optional<CaseKeyCanary> stored_check(World& w) {
    return w.read([](Transaction& tx) { return tx.case_key().find(); });
}

}  // namespace

TEST(CaseKeyCheck, TheFirstStartUpStoresTheCheckSealedWithItsKey) {
    World w;
    ASSERT_FALSE(stored_check(w)) << "a new database has no check until a server with a key starts";
    EXPECT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    const auto check = stored_check(w);
    ASSERT_TRUE(check);
    EXPECT_EQ(check->made_at, w.clock.at);
    EXPECT_EQ(check->sealed.rfind("sealed:", 0), 0U) << "sealed with this server's key: " << check->sealed;
    EXPECT_NO_THROW((void)w.sealer.open(check->sealed));
}

TEST(CaseKeyCheck, TheSameKeyPassesAndKeepsTheFirstCheck) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    const auto first = stored_check(w);
    w.clock.at += 86'400;
    MarkingSealer same_key;  // another server, configured with the same key
    Services restarted = w.services;
    restarted.sealer = &same_key;
    EXPECT_EQ(check_case_key(restarted), CaseKeyCheck::matched);
    const auto after = stored_check(w);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->sealed, first->sealed);
    EXPECT_EQ(after->made_at, first->made_at);
}

TEST(CaseKeyCheck, AnotherKeyIsRefusedWithWhatToDoAndChangesNothing) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    const auto first = stored_check(w);
    MarkingSealer other_key("other-key:");
    Services other_server = w.services;
    other_server.sealer = &other_key;
    try {
        (void)check_case_key(other_server);
        ADD_FAILURE() << "a server with another key was let start";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unavailable);
        const std::string message = f.what();
        EXPECT_NE(message.find("case key is not the database's case key"), std::string::npos) << message;
        EXPECT_NE(message.find("the same ASSURE_CASE_KEY"), std::string::npos) << message;
        EXPECT_NE(message.find("case_key_file"), std::string::npos) << message;
        EXPECT_NE(message.find("restore the case key that was backed up with it"), std::string::npos) << message;
    }
    const auto after = stored_check(w);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->sealed, first->sealed) << "the refused server's check did not replace the first";
    EXPECT_EQ(check_case_key(w.services), CaseKeyCheck::matched) << "the first key still passes";
}

TEST(CaseKeyCheck, WithNoKeyConfiguredNothingIsCheckedOrStored) {
    World w;
    Services keyless = w.services;
    keyless.sealer = nullptr;
    EXPECT_EQ(check_case_key(keyless), CaseKeyCheck::no_key);
    EXPECT_FALSE(stored_check(w));
}

// A database from before the check, already holding sealed details: the first key checked must
// open them, or a wrong key would become the database's and lock the right one out.
TEST(CaseKeyCheck, TheFirstCheckOfAnUpgradedDatabaseMustOpenItsSealedDetails) {
    World w;
    IncidentInput in;
    in.became_aware_on = "2026-11-16";
    in.incident_on = "2026-11-15";
    in.kind = "serious_harm";
    in.summary = "Admitted to hospital";
    in.children = {{"Child T", "Taylor Example", "2020-02-02", ""}};
    const CaseView notified = notify_incident(w.services, w.as(Role::business_unit), in);
    ASSERT_TRUE(notified.identities_shown) << "the case holds sealed details";
    ASSERT_FALSE(stored_check(w));

    MarkingSealer other_key("other-key:");
    Services restored_with_another_key = w.services;
    restored_with_another_key.sealer = &other_key;
    try {
        (void)check_case_key(restored_with_another_key);
        ADD_FAILURE() << "a key that cannot open the stored details became the database's";
    } catch (const Failure& f) {
        const std::string message = f.what();
        EXPECT_NE(message.find("cannot open the children's details already sealed in this database"), std::string::npos)
            << message;
        EXPECT_NE(message.find("the same ASSURE_CASE_KEY"), std::string::npos) << message;
    }
    EXPECT_FALSE(stored_check(w)) << "nothing was stored for the wrong key";
    EXPECT_EQ(check_case_key(w.services), CaseKeyCheck::stored) << "the key the details were sealed with is taken";
}
