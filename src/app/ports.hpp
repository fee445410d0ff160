#pragma once
// The ports the use cases need. Adapters live in store/, crypto/ and cli/; tests use fakes.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/date.hpp"
#include "core/governance.hpp"
#include "core/learning.hpp"
#include "core/partnership.hpp"
#include "core/reviews.hpp"
#include "core/session.hpp"
#include "core/user.hpp"

namespace assure {

struct Clock {
    virtual ~Clock() = default;
    [[nodiscard]] virtual Instant now() const = 0;
};

struct PasswordHasher {
    virtual ~PasswordHasher() = default;
    [[nodiscard]] virtual std::string hash(const std::string& password) const = 0;
    [[nodiscard]] virtual bool verify(const std::string& hash, const std::string& password) const = 0;
};

struct TokenSource {
    virtual ~TokenSource() = default;
    // An unguessable token (256 bits from a CSPRNG), URL-safe text.
    [[nodiscard]] virtual std::string random_token() const = 0;
    // The one-way digest under which a token is stored, so a database leak reveals no live token.
    [[nodiscard]] virtual std::string digest(const std::string& token) const = 0;
};

// Seals identifiable case details at rest (libsodium secretbox in production).
struct Sealer {
    virtual ~Sealer() = default;
    [[nodiscard]] virtual std::string seal(const std::string& plain) const = 0;
    // Throws Failure (unavailable) if the text was not sealed with this key.
    [[nodiscard]] virtual std::string open(const std::string& sealed) const = 0;
};

struct ApiToken {
    std::string token_hash;
    UserId user;
    std::string name;
    Instant created_at = 0;
    bool revoked = false;
};

struct PersonFilter {
    std::optional<AgencyId> agency;
    bool include_inactive = false;
};

struct PartnershipRepo {
    virtual ~PartnershipRepo() = default;
    virtual std::optional<Partnership> find(PartnershipId id) = 0;
    virtual std::optional<Partnership> find_by_slug(const std::string& slug) = 0;
    virtual std::vector<Partnership> list() = 0;
    virtual PartnershipId insert(const Partnership& p) = 0;
};

struct AgencyRepo {
    virtual ~AgencyRepo() = default;
    virtual std::vector<Agency> list(PartnershipId partnership, bool include_inactive) = 0;
    virtual std::optional<Agency> find(PartnershipId partnership, AgencyId id) = 0;
    // The active agencies, in every partnership on this server, of the organisation with this code.
    virtual std::vector<Agency> with_organisation(const std::string& code) = 0;
    virtual AgencyId insert(const Agency& agency) = 0;
    // Writes `agency` only if the stored version still equals agency.version, then bumps it.
    // Returns false (and writes nothing) for a stale version.
    virtual bool update(const Agency& agency) = 0;
};

struct PersonRepo {
    virtual ~PersonRepo() = default;
    virtual std::vector<Person> list(PartnershipId partnership, const PersonFilter& filter) = 0;
    virtual std::optional<Person> find(PartnershipId partnership, PersonId id) = 0;
    virtual std::optional<Person> find_by_email(PartnershipId partnership, const std::string& email) = 0;
    virtual PersonId insert(const Person& person) = 0;
    virtual bool update(const Person& person) = 0;  // optimistic, as AgencyRepo::update
};

struct UserRepo {
    virtual ~UserRepo() = default;
    virtual std::optional<User> find(UserId id) = 0;
    virtual std::optional<User> find_by_email(const std::string& email) = 0;
    virtual std::vector<User> list(PartnershipId partnership) = 0;
    virtual UserId insert(const User& user) = 0;
    virtual bool update(const User& user) = 0;  // role, active, person, password; optimistic
    // Failed-login bookkeeping is the system's, not a person's edit: no version bump.
    virtual void set_lock(UserId id, const LoginLock& lock) = 0;
};

struct SessionRepo {
    virtual ~SessionRepo() = default;
    virtual void insert(const Session& session) = 0;
    virtual std::optional<Session> find(const std::string& token_hash) = 0;
    virtual void touch(const std::string& token_hash, Instant at) = 0;
    virtual void remove(const std::string& token_hash) = 0;
    virtual void remove_for_user(UserId user) = 0;
};

struct ApiTokenRepo {
    virtual ~ApiTokenRepo() = default;
    virtual void insert(const ApiToken& token) = 0;
    virtual std::optional<ApiToken> find(const std::string& token_hash) = 0;
};

// A review's recommendation, to be turned into actions by the learning area.
struct Recommendation {
    RecommendationId id;
    CaseId case_id;
    PartnershipId partnership;
    int number = 0;
    std::string text;
    std::vector<AgencyId> agencies;
    std::string theme;  // the partnership priority it serves, e.g. "Neglect"
    int version = 1;
};

struct CaseRepo {
    virtual ~CaseRepo() = default;
    // Cases come back with their events; children carry pseudonyms only, the identifiable
    // details stay in Case::sealed_identities for the use case to open when allowed.
    virtual std::vector<Case> list(PartnershipId partnership) = 0;
    virtual std::optional<Case> find(PartnershipId partnership, CaseId id) = 0;
    virtual CaseId insert(const Case& c) = 0;
    // Writes the record (not its events) if the stored version still equals c.version.
    virtual bool update(const Case& c) = 0;
    virtual void append_event(CaseId id, const CaseEvent& e) = 0;
    virtual int count(PartnershipId partnership) = 0;
    virtual std::vector<Recommendation> recommendations(PartnershipId partnership, CaseId id) = 0;
    virtual RecommendationId add_recommendation(const Recommendation& r) = 0;
};

// Groups, their terms of reference, members, meetings, actions and declared interests.
struct GovernanceRepo {
    virtual ~GovernanceRepo() = default;
    virtual std::vector<Group> groups(PartnershipId partnership) = 0;
    virtual std::optional<Group> find_group(PartnershipId partnership, GroupId id) = 0;
    virtual GroupId insert_group(const Group& g) = 0;
    virtual bool update_group(const Group& g) = 0;  // optimistic on g.version

    virtual std::vector<TermsVersion> terms(GroupId group) = 0;  // oldest first
    virtual void add_terms(const TermsVersion& t) = 0;

    // Every membership of the partnership's groups, or of one group.
    virtual std::vector<Membership> memberships(PartnershipId partnership, std::optional<GroupId> group) = 0;
    virtual MembershipId insert_membership(const Membership& m) = 0;
    virtual bool update_membership(const Membership& m) = 0;

    virtual std::vector<Meeting> meetings(PartnershipId partnership, std::optional<GroupId> group) = 0;
    virtual std::optional<Meeting> find_meeting(PartnershipId partnership, MeetingId id) = 0;
    virtual MeetingId insert_meeting(const Meeting& m) = 0;
    virtual bool update_meeting(const Meeting& m) = 0;

    virtual std::vector<ActionItem> actions(PartnershipId partnership) = 0;
    virtual std::optional<ActionItem> find_action(PartnershipId partnership, ActionId id) = 0;
    virtual ActionId insert_action(const ActionItem& a) = 0;
    virtual bool update_action(const ActionItem& a) = 0;

    virtual std::vector<Interest> interests(PartnershipId partnership) = 0;
    virtual InterestId insert_interest(const Interest& i) = 0;

    // Private calendar-feed tokens, stored as digests: one live token per user.
    virtual void set_feed_token(UserId user, const std::string& token_hash, Instant at) = 0;
    virtual std::optional<UserId> feed_user(const std::string& token_hash) = 0;
};

// Learning sources, improvement actions, Section 11/175 cycles and returns, briefings.
struct LearningRepo {
    virtual ~LearningRepo() = default;
    virtual std::vector<LearningSource> sources(PartnershipId partnership) = 0;
    virtual std::optional<LearningSource> find_source(PartnershipId partnership, LearningSourceId id) = 0;
    virtual LearningSourceId insert_source(const LearningSource& s) = 0;
    virtual bool update_source(const LearningSource& s) = 0;  // optimistic on s.version

    virtual std::vector<ImprovementAction> improvements(PartnershipId partnership) = 0;
    virtual std::optional<ImprovementAction> find_improvement(PartnershipId partnership, ImprovementId id) = 0;
    virtual ImprovementId insert_improvement(const ImprovementAction& a) = 0;
    virtual bool update_improvement(const ImprovementAction& a) = 0;

    virtual std::vector<AuditCycle> cycles(PartnershipId partnership) = 0;
    virtual std::optional<AuditCycle> find_cycle(PartnershipId partnership, AuditCycleId id) = 0;
    virtual AuditCycleId insert_cycle(const AuditCycle& c) = 0;
    virtual bool update_cycle(const AuditCycle& c) = 0;

    virtual std::vector<AuditReturn> returns(PartnershipId partnership) = 0;
    virtual std::optional<AuditReturn> find_return(PartnershipId partnership, AuditReturnId id) = 0;
    virtual AuditReturnId insert_return(const AuditReturn& r) = 0;
    virtual bool update_return(const AuditReturn& r) = 0;

    virtual std::vector<Briefing> briefings(PartnershipId partnership) = 0;
    virtual BriefingId insert_briefing(const Briefing& b) = 0;
};

struct AuditRepo {
    virtual ~AuditRepo() = default;
    virtual void append(const AuditEntry& entry) = 0;
    virtual std::vector<AuditEntry> query(const AuditFilter& filter) = 0;
    virtual int count(const AuditFilter& filter) = 0;
};

// One unit of work. Everything done through one Transaction commits together or not at all.
struct Transaction {
    virtual ~Transaction() = default;
    virtual PartnershipRepo& partnerships() = 0;
    virtual AgencyRepo& agencies() = 0;
    virtual PersonRepo& people() = 0;
    virtual UserRepo& users() = 0;
    virtual SessionRepo& sessions() = 0;
    virtual ApiTokenRepo& api_tokens() = 0;
    virtual AuditRepo& audit() = 0;
    virtual CaseRepo& cases() = 0;
    virtual GovernanceRepo& governance() = 0;
    virtual LearningRepo& learning() = 0;
};

struct Store {
    virtual ~Store() = default;
    // Runs `work` in a read transaction (a consistent snapshot).
    virtual void read(const std::function<void(Transaction&)>& work) = 0;
    // Runs `work` in a write transaction; commits if it returns, rolls back if it throws.
    virtual void write(const std::function<void(Transaction&)>& work) = 0;
};

}  // namespace assure
