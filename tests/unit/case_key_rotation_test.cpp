// Which key sealed what, a case whose details cannot be opened, and rotating the case key, on
// the real store with the marking sealer (its mark stands for its key).
#include <gtest/gtest.h>

#include "app/reviews.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

CaseView notify_with_names(World& w, const std::string& pseudonym, const std::string& name) {
    IncidentInput in;
    in.became_aware_on = "2026-11-16";
    in.incident_on = "2026-11-15";
    in.kind = "serious_harm";
    in.summary = "Admitted to hospital";
    in.children = {{pseudonym, name, "2020-02-02", "Known to children's services"}};
    return notify_incident(w.services, w.as(Role::business_unit), in);
}

std::vector<SealedDetails> sealed(World& w) {
    return w.read([](Transaction& tx) { return tx.case_key().sealed_after(CaseId{0}, 100); });
}

Services with_sealer(const World& w, const Sealer& sealer) {
    Services s = w.services;
    s.sealer = &sealer;
    return s;
}

}  // namespace

TEST(CaseKeyIds, EachCasesSealedDetailsCarryTheIdOfTheKeyThatSealedThem) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    notify_with_names(w, "Child A", "Alex Example");
    const auto rows = sealed(w);
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].key_id, w.sealer.key_id());
    const auto check = w.read([](Transaction& tx) { return tx.case_key().find(); });
    ASSERT_TRUE(check);
    EXPECT_EQ(check->key_id, w.sealer.key_id()) << "the check names the database's key too";
}

// A database holding details that name another key (sealed under two keys, or copied in) is
// refused at start, even though the check itself opens: no server could read it whole.
TEST(CaseKeyIds, StartUpRefusesDetailsSealedUnderAnotherKeysId) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    const CaseId id = notify_with_names(w, "Child A", "Alex Example").record.id;
    MarkingSealer other("other-key:");
    w.store.write([&](Transaction& tx) { tx.case_key().reseal(id, other.seal("[]"), other.key_id()); });
    try {
        (void)check_case_key(w.services);
        ADD_FAILURE() << "a database with details under another key was let start";
    } catch (const Failure& f) {
        const std::string message = f.what();
        EXPECT_EQ(f.code(), FailureCode::unavailable);
        EXPECT_NE(message.find("1 case(s)"), std::string::npos) << message;
        EXPECT_NE(message.find("key id " + other.key_id()), std::string::npos) << message;
    }
}

// The case is still the partnership's work: everything but the names is shown, with a flag.
TEST(CaseKeyIds, ACaseWhoseDetailsCannotBeOpenedShowsEverythingElse) {
    World w;
    const CaseId id = notify_with_names(w, "Child A", "Alex Example").record.id;
    MarkingSealer other("other-key:");
    const Services elsewhere = with_sealer(w, other);
    Services reader = elsewhere;
    const CaseView v = read_case(reader, w.as(Role::business_unit), id);
    EXPECT_FALSE(v.identities_shown);
    EXPECT_TRUE(v.identities_unreadable);
    EXPECT_EQ(v.record.summary, "Admitted to hospital");
    ASSERT_EQ(v.record.children.size(), 1U);
    EXPECT_EQ(v.record.children[0].pseudonym, "Child A");
    EXPECT_EQ(v.record.children[0].name, "") << "nothing half-opened";
    EXPECT_FALSE(v.milestones.empty());
    const CaseView own = read_case(w.services, w.as(Role::business_unit), id);
    EXPECT_TRUE(own.identities_shown);
    EXPECT_FALSE(own.identities_unreadable);
    EXPECT_EQ(own.record.children[0].name, "Alex Example");
}

TEST(CaseKeyRotation, EveryCaseIsResealedWithTheNewKeyAndTheCheckFollows) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    const CaseId a = notify_with_names(w, "Child A", "Alex Example").record.id;
    const PartnershipId other_partnership = w.add_partnership("other", "Other Partnership");
    const CaseId b = notify_with_names(w, "Child B", "Billie Example").record.id;
    {
        // A case of another partnership: the key is the server's, so its cases are re-sealed too.
        const PersonId p = w.add_person({PersonId{}, other_partnership, "Other Unit", "Officer", AgencyId{}, "unit@other.example"});
        IncidentInput in;
        in.became_aware_on = "2026-11-16";
        in.incident_on = "2026-11-15";
        in.kind = "death";
        in.summary = "Elsewhere";
        in.children = {{"Child C", "Casey Example", "", ""}};
        (void)notify_incident(w.services, w.add_user(p, Role::business_unit, other_partnership), in);
    }
    const auto audit_before = w.audit_count();
    w.clock.at += 3600;

    MarkingSealer next("next-key:");
    const CaseKeyRotation done = rotate_case_key(w.services, next);
    EXPECT_EQ(done.cases, 3);
    EXPECT_EQ(done.from_key_id, w.sealer.key_id());
    EXPECT_EQ(done.to_key_id, next.key_id());

    for (const auto& d : sealed(w)) {
        EXPECT_EQ(d.key_id, next.key_id()) << d.reference;
        EXPECT_NO_THROW((void)next.open(d.sealed)) << d.reference;
        EXPECT_THROW((void)w.sealer.open(d.sealed), Failure) << d.reference << " still opens with the old key";
    }
    const Services after = with_sealer(w, next);
    Services after_copy = after;
    EXPECT_EQ(check_case_key(after_copy), CaseKeyCheck::matched) << "the new key is the database's now";
    EXPECT_THROW((void)check_case_key(w.services), Failure) << "the old key is refused";
    EXPECT_EQ(read_case(after_copy, w.as(Role::business_unit), a).record.children[0].name, "Alex Example");
    EXPECT_EQ(read_case(after_copy, w.as(Role::business_unit), b).record.children[0].name, "Billie Example");

    // Audited in each partnership, with counts and key ids only, never a name.
    EXPECT_EQ(w.audit_count(), audit_before + 1);
    const AuditEntry row = w.last_audit();
    EXPECT_EQ(row.action, "case_key.rotate");
    EXPECT_EQ(row.at, w.clock.at);
    EXPECT_NE(row.after_json.find("\"cases_resealed\":2"), std::string::npos) << row.after_json;
    EXPECT_NE(row.after_json.find("\"cases_resealed_all_partnerships\":3"), std::string::npos) << row.after_json;
    EXPECT_EQ(row.after_json.find("Example"), std::string::npos) << row.after_json;
    EXPECT_EQ(w.last_audit(other_partnership).action, "case_key.rotate");
    EXPECT_NE(w.last_audit(other_partnership).after_json.find("\"cases_resealed\":1"), std::string::npos);
}

// Half-way through, a case the current key cannot open: every earlier re-seal is undone.
TEST(CaseKeyRotation, AFailureHalfWayChangesNothing) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    notify_with_names(w, "Child A", "Alex Example");
    const CaseId broken = notify_with_names(w, "Child B", "Billie Example").record.id;
    MarkingSealer stranger("stranger:");
    w.store.write([&](Transaction& tx) { tx.case_key().reseal(broken, stranger.seal("[]"), w.sealer.key_id()); });
    const auto rows_before = sealed(w);
    const auto check_before = w.read([](Transaction& tx) { return tx.case_key().find(); });
    const auto audit_before = w.audit_count();

    MarkingSealer next("next-key:");
    try {
        (void)rotate_case_key(w.services, next);
        ADD_FAILURE() << "a rotation with unopenable details went through";
    } catch (const Failure& f) {
        const std::string message = f.what();
        EXPECT_EQ(f.code(), FailureCode::unavailable);
        EXPECT_NE(message.find("SI-2026-02"), std::string::npos) << message;
        EXPECT_NE(message.find("nothing was re-sealed"), std::string::npos) << message;
    }
    const auto rows_after = sealed(w);
    ASSERT_EQ(rows_after.size(), rows_before.size());
    for (std::size_t i = 0; i < rows_after.size(); ++i) {
        EXPECT_EQ(rows_after[i].sealed, rows_before[i].sealed);
        EXPECT_EQ(rows_after[i].key_id, rows_before[i].key_id);
    }
    const auto check_after = w.read([](Transaction& tx) { return tx.case_key().find(); });
    EXPECT_EQ(check_after->sealed, check_before->sealed);
    EXPECT_EQ(check_after->key_id, check_before->key_id);
    EXPECT_EQ(w.audit_count(), audit_before);
    EXPECT_EQ(check_case_key(w.services), CaseKeyCheck::matched) << "the old key is still the database's";
}

TEST(CaseKeyRotation, TheKeyInUseIsRefusedAsTheNewKey) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    MarkingSealer same;  // the same mark: the same key
    try {
        (void)rotate_case_key(w.services, same);
        ADD_FAILURE() << "rotated to the same key";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        ASSERT_EQ(f.fields().size(), 1U);
        EXPECT_NE(f.fields()[0].message.find("is the key in use"), std::string::npos) << f.fields()[0].message;
    }
}

// Children's digests in the dataset are made with a key derived from the first case key; after
// a rotation the database keeps that key, so the same child has the same digest as before.
TEST(CaseKeyRotation, TheDatasetsDigestsStayTheSameAfterARotation) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    const std::string before = w.sealer.keyed_digest("dataset-child:1", "CHILD-0001");
    EXPECT_FALSE(kept_digest_key(w.services)) << "before any rotation the key is derived from the case key";

    MarkingSealer next("next-key:");
    (void)rotate_case_key(w.services, next);
    EXPECT_NE(next.keyed_digest("dataset-child:1", "CHILD-0001"), before) << "the new key alone would change digests";
    Services restarted = with_sealer(w, next);
    const auto kept = kept_digest_key(restarted);
    ASSERT_TRUE(kept);
    next.use_digest_key(*kept);
    EXPECT_EQ(next.keyed_digest("dataset-child:1", "CHILD-0001"), before);

    // A second rotation keeps the same pseudonym key, not one derived from the second key.
    MarkingSealer third("third-key:");
    (void)rotate_case_key(restarted, third);
    Services again = with_sealer(w, third);
    third.use_digest_key(*kept_digest_key(again));
    EXPECT_EQ(third.keyed_digest("dataset-child:1", "CHILD-0001"), before);
}

// Issue 14, item 7: a server still running with the old key after a rotation must not seal new
// details under it (no server started with the new key could open them). Each seal checks the
// database's key id in the same transaction.
TEST(CaseKeyRotation, AServerStillHoldingTheOldKeyRefusesToSealAndSavesNothing) {
    World w;
    ASSERT_EQ(check_case_key(w.services), CaseKeyCheck::stored);
    (void)notify_with_names(w, "Child A", "Alex Example");
    MarkingSealer next("next-key:");
    (void)rotate_case_key(w.services, next);
    const auto cases_before = sealed(w).size();
    const auto audit_before = w.audit_count();
    try {
        (void)notify_with_names(w, "Child B", "Billie Example");
        ADD_FAILURE() << "the old key sealed a new case after the rotation";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unavailable);
        EXPECT_NE(f.detail().find(next.key_id()), std::string::npos) << f.detail();
    }
    EXPECT_EQ(sealed(w).size(), cases_before) << "nothing was saved";
    EXPECT_EQ(w.audit_count(), audit_before);

    // A case with pseudonyms only seals nothing, so it is saved whatever the key.
    IncidentInput plain;
    plain.became_aware_on = "2026-11-16";
    plain.incident_on = "2026-11-15";
    plain.kind = "serious_harm";
    plain.summary = "Pseudonyms only";
    plain.children = {{"Child C", "", "", ""}};
    EXPECT_NO_THROW((void)notify_incident(w.services, w.as(Role::business_unit), plain));

    // The server restarted with the new key seals again, under the new key's id.
    Services restarted = with_sealer(w, next);
    IncidentInput in = plain;
    in.children = {{"Child B", "Billie Example", "", ""}};
    (void)notify_incident(restarted, w.as(Role::business_unit), in);
    const auto rows = sealed(w);
    ASSERT_EQ(rows.size(), cases_before + 1);
    EXPECT_EQ(rows.back().key_id, next.key_id());
}
