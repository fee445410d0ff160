// Case key faults an operator meets (issue 14, item 7), through the assure command: key files
// of 64 hexadecimal characters or 32 raw bytes are the same key and anything else is refused; a
// key file others may read is refused; a missing key file is not silently replaced; and
// `assure key rotate` re-seals every child's details in one transaction, on SQLite and
// PostgreSQL, leaving everything as it was when it fails half-way.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "app/reviews.hpp"
#include "cli/runtime.hpp"
#include "crypto/case_key_file.hpp"
#include "crypto/sodium.hpp"
#include "security/run.hpp"
#include "store/open.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite/store.hpp"
#include "store/table_contents.hpp"

namespace assure::testing {
namespace {

namespace fs = std::filesystem;

const std::string kOldHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const std::string kNewHex = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f";

void write_key_file(const std::string& path, const std::string& content, fs::perms mode = fs::perms::owner_read | fs::perms::owner_write) {
    fs::remove(path);
    std::ofstream(path, std::ios::binary) << content;
    fs::permissions(path, mode);
}

crypto::SecretboxSealer sealer_of(const std::string& hex) { return crypto::SecretboxSealer(crypto::case_key_from_hex(hex, "test key")); }

// Cases with children's names, sealed with `hex`'s key as a server with that key would.
void notify_sealed_cases(const std::string& db, const std::string& hex, int n) {
    crypto::initialise();
    auto store = store::open_store(db);
    cli::SystemClock clock;
    crypto::Argon2idHasher hasher;
    crypto::SodiumTokens tokens;
    const auto sealer = sealer_of(hex);
    Services s{*store, clock, hasher, tokens, SessionPolicy{}, &sealer};
    PartnershipId p;
    const PartnershipRules rules{};
    store->write([&](Transaction& tx) { p = tx.partnerships().insert({PartnershipId{}, "k", "Knowsley"}, rules); });
    for (int i = 1; i <= n; ++i) {
        IncidentInput in;
        in.became_aware_on = "2025-12-19";
        in.incident_on = "2025-12-18";
        in.kind = "serious_harm";
        in.summary = "Case " + std::to_string(i);
        in.children = {{"Child " + std::to_string(i), "Named Child " + std::to_string(i), "2020-01-01", ""}};
        (void)notify_incident(s, Actor{UserId{}, p, Role::business_unit, "Unit"}, in);
    }
}

std::vector<SealedDetails> sealed_rows(const std::string& db) {
    auto store = store::open_store(db);
    std::vector<SealedDetails> rows;
    store->read([&](Transaction& tx) { rows = tx.case_key().sealed_after(CaseId{0}, 1000); });
    return rows;
}

bool opens(const crypto::SecretboxSealer& sealer, const std::string& sealed) {
    try {
        return sealer.open(sealed).find("Named Child") != std::string::npos;
    } catch (const Failure&) {
        return false;
    }
}

std::map<std::string, std::vector<std::string>> contents(const std::string& path) {
    sqlite::Driver driver(path);
    sqlite::Connection db(path, true);
    return table_contents(driver, db);
}

}  // namespace

// A child's digest in the dataset is the first 15 hex characters of BLAKE2b over the context,
// a zero byte and the id, under the pseudonym key: the same prefix the 32 characters kept before
// migration 0063 began with (decision 0046), so a child stays the same child across it.
TEST(DatasetDigest, AChildsDigestIsTheFirst15HexCharactersOfItsKeyedBlake2b) {
    crypto::initialise();
    const auto sealer = sealer_of(kOldHex);
    const std::string digest = sealer.keyed_digest("dataset-child:1", "LA0001");
    const std::string message = std::string("dataset-child:1") + '\0' + "LA0001";
    const std::string key = sealer.digest_key();
    unsigned char full[16];
    crypto_generichash(full, sizeof full, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    char hex[sizeof full * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, full, sizeof full);
    EXPECT_EQ(digest, std::string(hex, 15));
    EXPECT_EQ(digest.size(), 15U);
    EXPECT_EQ(sealer.keyed_digest("dataset-child:1", "LA0001"), digest) << "the same child, the same digest";
    EXPECT_NE(sealer.keyed_digest("dataset-child:2", "LA0001"), digest) << "another partnership's child";
    EXPECT_NE(sealer.keyed_digest("dataset-child:1", "LA0002"), digest);
    EXPECT_NE(sealer.keyed_digest("dataset-child:", "1LA0001"), digest) << "the context and the id are kept apart";
}

TEST(CaseKeyFiles, HexAndRawKeyFilesAreTheSameKeyAndAnythingElseIsRefused) {
    TempDir dir;
    const std::string db = dir / "k.db", key = db + ".key";
    ASSERT_EQ(run("migrate --db " + db, "ASSURE_CASE_KEY=" + kOldHex).status, 0);

    write_key_file(key, kOldHex + "\n");
    auto r = run("migrate --db " + db);
    EXPECT_EQ(r.status, 0) << "64 hexadecimal characters are the key they spell: " << r.text;
    write_key_file(key, crypto::case_key_from_hex(kOldHex, "test key"));
    r = run("migrate --db " + db);
    EXPECT_EQ(r.status, 0) << "32 raw bytes are the key: " << r.text;

    write_key_file(key, "0123");
    r = run("migrate --db " + db);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("must hold the key as 64 hexadecimal characters or as 32 raw bytes; it holds 4 bytes"), std::string::npos)
        << r.text;
    write_key_file(key, std::string(64, 'z'));
    r = run("migrate --db " + db);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("not all of them hexadecimal"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find(std::string(64, 'z')), std::string::npos) << "the file's content was shown";
}

TEST(CaseKeyFiles, AKeyFileOthersMayReadIsRefusedSayingChmod600) {
    TempDir dir;
    const std::string db = dir / "k.db", key = db + ".key";
    ASSERT_EQ(run("migrate --db " + db).status, 0);
    ASSERT_EQ(fs::status(key).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none)
        << "a key Assure makes is its owner's only";
    const std::string made = [&] {
        std::ifstream in(key, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    using p = fs::perms;
    for (const auto mode : {p::owner_read | p::owner_write | p::group_read | p::others_read, p::owner_read | p::group_read}) {
        fs::permissions(key, mode);
        const auto r = run("migrate --db " + db);
        EXPECT_EQ(r.status, 1) << r.text;
        EXPECT_NE(r.text.find("can be read by others"), std::string::npos) << r.text;
        EXPECT_NE(r.text.find("chmod 600 " + key), std::string::npos) << r.text;
    }
    fs::permissions(key, p::owner_read | p::owner_write);
    EXPECT_EQ(run("migrate --db " + db).status, 0) << "the same file, made private, is taken";
    std::ifstream in(key, std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), made) << "never replaced";
}

// The probe's fault: a missing key file was silently replaced by a new key. Now the new key is
// removed again and the command says what happened.
TEST(CaseKeyFiles, AMissingKeyFileIsNotReplacedWithANewKey) {
    TempDir dir;
    const std::string db = dir / "k.db", key = db + ".key", kept = dir / "kept.key";
    ASSERT_EQ(run("migrate --db " + db).status, 0);
    fs::copy_file(key, kept);
    fs::remove(key);
    const auto r = run("migrate --db " + db);
    EXPECT_EQ(r.status, 1) << r.text;
    EXPECT_NE(r.text.find("The case key file " + key + " was missing"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Restore the key file backed up with the database"), std::string::npos) << r.text;
    EXPECT_FALSE(fs::exists(key)) << "a wrong key left waiting for the next start";
    fs::copy_file(kept, key);
    EXPECT_EQ(run("migrate --db " + db).status, 0);
}

TEST(CaseKeyRotate, EveryChildsDetailsOpenWithTheNewKeyAndNotTheOld) {
    TempDir dir;
    const std::string db = dir / "r.db", new_key = dir / "new.key";
    const std::string old_env = "ASSURE_CASE_KEY=" + kOldHex;
    ASSERT_EQ(run("migrate --db " + db, old_env).status, 0);
    notify_sealed_cases(db, kOldHex, 3);
    const auto old_sealer = sealer_of(kOldHex), new_sealer = sealer_of(kNewHex);

    // A new key file others may read is refused before anything changes.
    write_key_file(new_key, kNewHex + "\n", fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    auto r = run("key rotate --db " + db + " --new-key-file " + new_key, old_env);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("chmod 600 " + new_key), std::string::npos) << r.text;
    for (const auto& row : sealed_rows(db)) EXPECT_TRUE(opens(old_sealer, row.sealed)) << row.reference;

    write_key_file(new_key, kNewHex + "\n");
    r = run("key rotate --db " + db + " --new-key-file " + new_key, old_env);
    ASSERT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("Re-sealed the children's details of 3 case(s)"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find(kNewHex), std::string::npos) << "the key was shown";
    const auto rows = sealed_rows(db);
    ASSERT_EQ(rows.size(), 3U);
    for (const auto& row : rows) {
        EXPECT_TRUE(opens(new_sealer, row.sealed)) << row.reference;
        EXPECT_FALSE(opens(old_sealer, row.sealed)) << row.reference;
        EXPECT_EQ(row.key_id, new_sealer.key_id()) << row.reference;
    }
    r = run("migrate --db " + db, old_env);
    EXPECT_EQ(r.status, 1) << "the old key is no longer the database's: " << r.text;
    EXPECT_EQ(run("migrate --db " + db, "ASSURE_CASE_KEY=" + kNewHex).status, 0);
    fs::copy_file(new_key, db + ".key");
    EXPECT_EQ(run("migrate --db " + db).status, 0) << "the new key file, put in place, opens it";
    r = run("audit verify --db " + db);
    EXPECT_EQ(r.status, 0) << "the rotation's audit row is in the chain: " << r.text;
}

TEST(CaseKeyRotate, AFailureHalfWayChangesNothing) {
    TempDir dir;
    const std::string db = dir / "r.db";
    const std::string old_env = "ASSURE_CASE_KEY=" + kOldHex;
    ASSERT_EQ(run("migrate --db " + db, old_env).status, 0);
    notify_sealed_cases(db, kOldHex, 3);
    {
        // The second case's details sealed with a key nobody has: the first is re-sealed
        // before the rotation reaches it.
        auto store = store::open_store(db);
        const auto stranger = sealer_of(std::string(64, '7'));
        const auto rows = sealed_rows(db);
        store->write([&](Transaction& tx) { tx.case_key().reseal(rows[1].id, stranger.seal("[]"), rows[1].key_id); });
    }
    ASSERT_EQ(run("migrate --db " + db, old_env).status, 0);  // whatever a first start settles, settled before
    const auto before = contents(db);
    const auto r = run("key rotate --db " + db, old_env + " ASSURE_NEW_CASE_KEY=" + kNewHex);
    EXPECT_EQ(r.status, 1) << r.text;
    EXPECT_NE(r.text.find("case SI-2025-02"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("nothing was re-sealed and the database is as it was"), std::string::npos) << r.text;
    EXPECT_EQ(contents(db), before) << "every table as it was";
    EXPECT_EQ(run("migrate --db " + db, old_env).status, 0) << "the old key is still the database's";
}

TEST(CaseKeyRotate, TheNewKeyIsGivenOnceAndIsNotTheKeyInUse) {
    TempDir dir;
    const std::string db = dir / "r.db";
    const std::string old_env = "ASSURE_CASE_KEY=" + kOldHex;
    ASSERT_EQ(run("migrate --db " + db, old_env).status, 0);
    auto r = run("key rotate --db " + db, old_env);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("give the new case key in one place"), std::string::npos) << r.text;
    r = run("key rotate --db " + db, old_env + " ASSURE_NEW_CASE_KEY=" + kOldHex);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("The new case key is the key in use"), std::string::npos) << r.text;
    r = run("key rotate --db " + db, old_env + " ASSURE_NEW_CASE_KEY=abc");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("ASSURE_NEW_CASE_KEY must be 64 hexadecimal characters"), std::string::npos) << r.text;
    EXPECT_EQ(run("migrate --db " + db, old_env).status, 0);
}

TEST(CaseKeyRotateOnPostgres, EveryChildsDetailsOpenWithTheNewKeyAndNotTheOld) {
    if (test_postgres_url().empty()) GTEST_SKIP() << kNoPostgres;
    ScratchSchema scratch;
    const std::string url = scratch.url();
    const std::string old_env = "ASSURE_CASE_KEY=" + kOldHex;
    ASSERT_EQ(run("migrate --db '" + url + "'", old_env).status, 0);
    notify_sealed_cases(url, kOldHex, 2);
    const auto r = run("key rotate --db '" + url + "'", old_env + " ASSURE_NEW_CASE_KEY=" + kNewHex);
    ASSERT_EQ(r.status, 0) << r.text;
    const auto old_sealer = sealer_of(kOldHex), new_sealer = sealer_of(kNewHex);
    const auto rows = sealed_rows(url);
    ASSERT_EQ(rows.size(), 2U);
    for (const auto& row : rows) {
        EXPECT_TRUE(opens(new_sealer, row.sealed)) << row.reference;
        EXPECT_FALSE(opens(old_sealer, row.sealed)) << row.reference;
    }
    EXPECT_EQ(run("migrate --db '" + url + "'", old_env).status, 1);
    EXPECT_EQ(run("migrate --db '" + url + "'", "ASSURE_CASE_KEY=" + kNewHex).status, 0);
}

}  // namespace assure::testing
