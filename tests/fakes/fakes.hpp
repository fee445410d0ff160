#pragma once
// What a use-case test runs on. The ports a test should control are fakes: a clock that moves
// only when told, a fast reversible "hasher", predictable tokens and a sealer that marks what it
// seals. The store is the real SQLite store on a fresh file per test: a hand-written stand-in
// would be another implementation of the ports that the contract suite never proves (decision 0007).
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "app/context.hpp"
#include "ingest/libxml2_xml_reader.hpp"
#include "store/sqlite/store.hpp"

namespace assure::testing {

struct FrozenClock final : Clock {
    Instant at = 1'795'000'000;  // 2026-11-18
    [[nodiscard]] Instant now() const override { return at; }
};

struct PlainHasher final : PasswordHasher {
    [[nodiscard]] std::string hash(const std::string& p) const override { return "hashed:" + p; }
    [[nodiscard]] bool verify(const std::string& h, const std::string& p) const override { return h == "hashed:" + p; }
};

struct CountingTokens final : TokenSource {
    mutable int next = 0;
    [[nodiscard]] std::string random_token() const override { return "token-" + std::to_string(++next); }
    [[nodiscard]] std::string digest(const std::string& t) const override { return "digest:" + t; }
};

// Marks what it seals so a test can see that nothing identifiable is stored in the clear. Its
// mark stands for its key: a sealer with another mark cannot open what this one sealed.
struct MarkingSealer final : Sealer {
    MarkingSealer() = default;
    explicit MarkingSealer(std::string mark) : mark_(std::move(mark)) {}
    [[nodiscard]] std::string seal(const std::string& p) const override {
        return mark_ + std::string(p.rbegin(), p.rend());
    }
    [[nodiscard]] std::string open(const std::string& s) const override {
        if (s.rfind(mark_, 0) != 0) throw Failure(FailureCode::unavailable, "not sealed with this key");
        return {s.rbegin(), s.rend() - static_cast<std::ptrdiff_t>(mark_.size())};
    }
    // Stable within a test run and free of the text, so a test can look for the raw id and not find it.
    [[nodiscard]] std::string keyed_digest(std::string_view context, std::string_view text) const override {
        return "k" + std::to_string(std::hash<std::string>{}(digest_key_ + "|" + std::string(context) + "|" + std::string(text)));
    }
    [[nodiscard]] std::string key_id() const override { return "id-" + mark_; }
    [[nodiscard]] std::string digest_key() const override { return digest_key_; }
    void use_digest_key(std::string key) override { digest_key_ = std::move(key); }

private:
    std::string mark_ = "sealed:";
    std::string digest_key_ = mark_;
};

// A new SQLite file in the temporary folder, removed with its -wal and -shm files. Given a
// closed database, it starts as a copy of it.
class TemporaryDatabase {
public:
    explicit TemporaryDatabase(const std::string& copy_of = {});
    ~TemporaryDatabase();
    TemporaryDatabase(const TemporaryDatabase&) = delete;
    TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
};

// One partnership on a real store, with an administrator and one user of every other role, and
// the fakes wired into Services. A test adds the records it needs through the ports (the
// database enforces foreign keys) and reads back through the ports what it asserts on.
//
// Every World starts from one template database per test process, migrated and seeded once and
// copied for each test: running every migration for every test was most of the suite's time.
// Each test still has its own file, so tests stay isolated.
struct World {
    TemporaryDatabase database{template_path()};  // first, so the store has closed it before it is removed
    sqlite::SqliteStore store{database.path()};
    FrozenClock clock;
    PlainHasher hasher;
    CountingTokens tokens;
    MarkingSealer sealer;
    ingest::Libxml2XmlReader xml;  // the real reader: parsing XML is nothing to fake
    Services services{store, clock, hasher, tokens, SessionPolicy{}, &sealer};
    PartnershipId partnership;
    Actor admin;

    World();
    // The World's user with this role, in the World's partnership.
    [[nodiscard]] Actor as(Role role) const { return users_by_role_.at(role); }

    // Setup through the ports. A record's partnership, when not given, is the World's.
    PartnershipId add_partnership(const std::string& slug, const std::string& name);
    AgencyId add_agency(Agency agency);
    PersonId add_person(Person person);
    // A user account signing in with the person's email, as the actor the use cases receive.
    Actor add_user(PersonId person, Role role, PartnershipId in = {});
    // The World's partner lead approves the account's role waiting for approval (decision 0029),
    // as after an administrator gives a business unit or partner lead role. Answers the account.
    User approve_role(UserId account);

    // What `question` answers in a read transaction: w.read([&](Transaction& tx) { return ...; }).
    template <class Question>
    auto read(Question question) {
        std::invoke_result_t<Question, Transaction&> answer{};
        store.read([&](Transaction& tx) { answer = question(tx); });
        return answer;
    }
    // A partnership's audit trail, oldest first: every row, whatever the page size.
    std::vector<AuditEntry> audit_trail(PartnershipId in = {});
    std::vector<std::string> audit_actions(PartnershipId in = {});
    std::size_t audit_count(PartnershipId in = {});
    AuditEntry last_audit(PartnershipId in = {});

private:
    // The template's path, made on first use: migrated, with the partnership and its users.
    static const std::string& template_path();
    [[nodiscard]] PartnershipId or_ours(PartnershipId p) const { return p.valid() ? p : partnership; }
    std::map<Role, Actor> users_by_role_;
};

}  // namespace assure::testing
