#pragma once
// An in-memory Store for use-case tests: the same ports as SQLite, with all-or-nothing writes
// (the state is copied before a write and put back if the work throws).
#include <algorithm>
#include <cctype>
#include <tuple>
#include <map>

#include "app/ports.hpp"

namespace assure::testing {

struct MemoryState {
    std::vector<Partnership> partnerships;
    std::vector<Agency> agencies;
    std::vector<Person> people;
    std::vector<User> users;
    std::map<std::string, Session> sessions;
    std::map<std::string, ApiToken> tokens;
    std::vector<AuditEntry> audit;
    std::vector<Case> cases;
    std::vector<Recommendation> recommendations;
    std::vector<Group> groups;
    std::vector<TermsVersion> terms;
    std::vector<Membership> memberships;
    std::vector<Meeting> meetings;
    std::vector<ActionItem> actions;
    std::vector<Interest> interests;
    std::map<UserId, std::string> feed_tokens;
    std::vector<LearningSource> sources;
    std::vector<ImprovementAction> improvements;
    std::vector<AuditCycle> cycles;
    std::vector<AuditReturn> returns;
    std::vector<Briefing> briefings;
};

// Records of one kind, each with its partnership and an optimistic version, as SQL keeps them.
template <class T>
struct MemoryTable {
    std::vector<T>& rows;
    std::vector<T> list(PartnershipId p) const {
        std::vector<T> out;
        for (const auto& r : rows) if (r.partnership == p) out.push_back(r);
        return out;
    }
    std::optional<T> find(PartnershipId p, decltype(T::id) id) const {
        for (const auto& r : rows) if (r.partnership == p && r.id == id) return r;
        return std::nullopt;
    }
    decltype(T::id) insert(const T& r) {
        T copy = r;
        copy.id = decltype(T::id){static_cast<std::int64_t>(rows.size() + 1)};
        copy.version = 1;
        rows.push_back(copy);
        return copy.id;
    }
    bool update(const T& r) {
        for (auto& x : rows) {
            if (x.id != r.id || x.partnership != r.partnership) continue;
            if (x.version != r.version) return false;
            x = r;
            ++x.version;
            return true;
        }
        return false;
    }
};

struct MemoryLearning final : LearningRepo {
    explicit MemoryLearning(MemoryState& s) : state(s) {}
    MemoryState& state;
    MemoryTable<LearningSource> src() { return {state.sources}; }
    MemoryTable<ImprovementAction> act() { return {state.improvements}; }
    MemoryTable<AuditCycle> cyc() { return {state.cycles}; }
    MemoryTable<AuditReturn> ret() { return {state.returns}; }
    MemoryTable<Briefing> brf() { return {state.briefings}; }

    std::vector<LearningSource> sources(PartnershipId p) override { return src().list(p); }
    std::optional<LearningSource> find_source(PartnershipId p, LearningSourceId id) override { return src().find(p, id); }
    LearningSourceId insert_source(const LearningSource& s) override { return src().insert(s); }
    bool update_source(const LearningSource& s) override { return src().update(s); }
    std::vector<ImprovementAction> improvements(PartnershipId p) override { return act().list(p); }
    std::optional<ImprovementAction> find_improvement(PartnershipId p, ImprovementId id) override { return act().find(p, id); }
    ImprovementId insert_improvement(const ImprovementAction& a) override { return act().insert(a); }
    bool update_improvement(const ImprovementAction& a) override { return act().update(a); }
    std::vector<AuditCycle> cycles(PartnershipId p) override { return cyc().list(p); }
    std::optional<AuditCycle> find_cycle(PartnershipId p, AuditCycleId id) override { return cyc().find(p, id); }
    AuditCycleId insert_cycle(const AuditCycle& c) override { return cyc().insert(c); }
    bool update_cycle(const AuditCycle& c) override { return cyc().update(c); }
    std::vector<AuditReturn> returns(PartnershipId p) override { return ret().list(p); }
    std::optional<AuditReturn> find_return(PartnershipId p, AuditReturnId id) override { return ret().find(p, id); }
    AuditReturnId insert_return(const AuditReturn& r) override {
        for (const auto& x : state.returns) {
            if (x.cycle == r.cycle && x.agency == r.agency) throw std::runtime_error("one return per agency per cycle");
        }
        return ret().insert(r);
    }
    bool update_return(const AuditReturn& r) override { return ret().update(r); }
    std::vector<Briefing> briefings(PartnershipId p) override { return brf().list(p); }
    BriefingId insert_briefing(const Briefing& b) override { return brf().insert(b); }
};

// API tokens and sessions share a lookup signature, so tokens get their own object.
struct MemoryTokens final : ApiTokenRepo {
    explicit MemoryTokens(MemoryState& s) : state(s) {}
    MemoryState& state;
    void insert(const ApiToken& t) override { state.tokens[t.token_hash] = t; }
    std::optional<ApiToken> find(const std::string& hash) override {
        auto it = state.tokens.find(hash);
        return it == state.tokens.end() ? std::nullopt : std::optional<ApiToken>(it->second);
    }
};

// Cases keep their events inside; identifiable details stay sealed as the SQL store keeps them.
struct MemoryCases final : CaseRepo {
    explicit MemoryCases(MemoryState& s) : state(s) {}
    MemoryState& state;
    static Case stored(Case c) {
        for (auto& child : c.children) child = Child{child.pseudonym};
        return c;
    }
    std::vector<Case> list(PartnershipId p) override {
        std::vector<Case> out;
        for (const auto& c : state.cases) if (c.partnership == p) out.push_back(c);
        return out;
    }
    std::optional<Case> find(PartnershipId p, CaseId id) override {
        for (const auto& c : state.cases) if (c.partnership == p && c.id == id) return c;
        return std::nullopt;
    }
    CaseId insert(const Case& c) override {
        Case copy = stored(c);
        copy.id = CaseId{static_cast<std::int64_t>(state.cases.size() + 1)};
        copy.version = 1;
        state.cases.push_back(copy);
        return copy.id;
    }
    bool update(const Case& c) override {
        for (auto& x : state.cases) {
            if (x.id != c.id || x.partnership != c.partnership) continue;
            if (x.version != c.version) return false;
            auto events = x.events;
            x = stored(c);
            x.events = events;
            ++x.version;
            return true;
        }
        return false;
    }
    void append_event(CaseId id, const CaseEvent& e) override {
        for (auto& x : state.cases) if (x.id == id) x.events.push_back(e);
    }
    int count(PartnershipId p) override { return static_cast<int>(list(p).size()); }
    std::vector<Recommendation> recommendations(PartnershipId p, CaseId id) override {
        std::vector<Recommendation> out;
        for (const auto& r : state.recommendations) if (r.partnership == p && r.case_id == id) out.push_back(r);
        return out;
    }
    RecommendationId add_recommendation(const Recommendation& r) override {
        auto copy = r;
        copy.id = RecommendationId{static_cast<std::int64_t>(state.recommendations.size() + 1)};
        state.recommendations.push_back(copy);
        return copy.id;
    }
};

// Governance records, versioned as the SQL store versions them.
struct MemoryGovernance final : GovernanceRepo {
    explicit MemoryGovernance(MemoryState& s) : state(s) {}
    MemoryState& state;

    template <class T>
    static auto next_id(const std::vector<T>& v) { return decltype(T::id){static_cast<std::int64_t>(v.size() + 1)}; }
    template <class T, class Same>
    static bool replace(std::vector<T>& v, const T& item, Same same) {
        for (auto& x : v) {
            if (x.id != item.id || !same(x)) continue;
            if (x.version != item.version) return false;
            x = item;
            ++x.version;
            return true;
        }
        return false;
    }
    PartnershipId partnership_of(GroupId g) const {
        for (const auto& x : state.groups) if (x.id == g) return x.partnership;
        return PartnershipId{};
    }

    std::vector<Group> groups(PartnershipId p) override {
        std::vector<Group> out;
        for (const auto& g : state.groups) if (g.partnership == p) out.push_back(g);
        return out;
    }
    std::optional<Group> find_group(PartnershipId p, GroupId id) override {
        for (const auto& g : state.groups) if (g.partnership == p && g.id == id) return g;
        return std::nullopt;
    }
    GroupId insert_group(const Group& g) override {
        auto copy = g;
        copy.id = next_id(state.groups);
        copy.version = 1;
        state.groups.push_back(copy);
        return copy.id;
    }
    bool update_group(const Group& g) override {
        return replace(state.groups, g, [&](const Group& x) { return x.partnership == g.partnership; });
    }
    std::vector<TermsVersion> terms(GroupId group) override {
        std::vector<TermsVersion> out;
        for (const auto& t : state.terms) if (t.group == group) out.push_back(t);
        return out;
    }
    void add_terms(const TermsVersion& t) override { state.terms.push_back(t); }
    std::vector<Membership> memberships(PartnershipId p, std::optional<GroupId> group) override {
        std::vector<Membership> out;
        for (const auto& m : state.memberships) {
            if (partnership_of(m.group) == p && (!group || m.group == *group)) out.push_back(m);
        }
        return out;
    }
    MembershipId insert_membership(const Membership& m) override {
        auto copy = m;
        copy.id = next_id(state.memberships);
        copy.version = 1;
        state.memberships.push_back(copy);
        return copy.id;
    }
    bool update_membership(const Membership& m) override {
        return replace(state.memberships, m, [&](const Membership& x) { return x.group == m.group; });
    }
    // A keyset page over rows already in the list's order, keyed by (date, id) as the store keys them.
    template <class T, class Key>
    static Page<T> page_in(const std::vector<T>& rows, const PageRequest& page, Key key, bool descending) {
        std::vector<T> out;
        const auto cursor = page.after.empty() ? std::nullopt : decode_cursor(page.after, 2);
        for (const auto& r : rows) {
            if (cursor) {
                const auto [date, id] = key(r);
                const auto after = std::make_pair((*cursor)[0], static_cast<std::int64_t>(std::stoll((*cursor)[1])));
                const auto here = std::make_pair(date, id);
                if (descending ? !(here < after) : !(after < here)) continue;
            }
            out.push_back(r);
        }
        return page_of(std::move(out), page.limit, [&](const T& r) {
            const auto [date, id] = key(r);
            return std::vector<std::string>{date, std::to_string(id)};
        });
    }
    std::vector<Membership> memberships_of(PartnershipId p, PersonId person) override {
        std::vector<Membership> out;
        for (const auto& m : memberships(p, std::nullopt)) if (m.person == person) out.push_back(m);
        return out;
    }
    std::map<GroupId, int> count_members_on(PartnershipId p, Date on) override {
        std::map<GroupId, int> out;
        for (const auto& m : memberships(p, std::nullopt)) if (member_on(m, on)) ++out[m.group];
        return out;
    }
    Page<Meeting> meetings(const MeetingQuery& q) override {
        std::vector<Meeting> rows;
        for (const auto& m : state.meetings) {
            if (m.partnership != q.partnership || (q.group && m.group != *q.group) || (q.from && m.on < *q.from) ||
                (q.to && *q.to < m.on)) continue;
            if (!q.statuses.empty() && std::find(q.statuses.begin(), q.statuses.end(), m.status) == q.statuses.end()) continue;
            rows.push_back(m);
        }
        std::sort(rows.begin(), rows.end(), [&](const Meeting& a, const Meeting& b) {
            return q.newest_first ? std::tie(b.on, b.id) < std::tie(a.on, a.id) : std::tie(a.on, a.id) < std::tie(b.on, b.id);
        });
        return page_in(rows, q.page, [](const Meeting& m) { return std::make_pair(m.on.iso(), m.id.value); }, q.newest_first);
    }
    std::map<GroupId, LastAndNext> last_and_next_meetings(PartnershipId p, Date today) override {
        std::map<GroupId, LastAndNext> out;
        for (const auto& g : groups(p)) {
            MeetingQuery q;
            q.partnership = p;
            q.group = g.id;
            q.page.limit = PageRequest::max_limit;
            const auto c = cadence_of(g, meetings(q).items, today);
            if (c.last_held || c.next_planned) out[g.id] = {c.last_held, c.next_planned};
        }
        return out;
    }
    std::map<MeetingId, Date> meeting_dates(PartnershipId p, const std::vector<MeetingId>& ids) override {
        std::map<MeetingId, Date> out;
        for (const auto& m : state.meetings) {
            if (m.partnership == p && std::find(ids.begin(), ids.end(), m.id) != ids.end()) out[m.id] = m.on;
        }
        return out;
    }
    std::optional<Meeting> find_meeting(PartnershipId p, MeetingId id) override {
        for (const auto& m : state.meetings) if (m.partnership == p && m.id == id) return m;
        return std::nullopt;
    }
    MeetingId insert_meeting(const Meeting& m) override {
        auto copy = m;
        copy.id = next_id(state.meetings);
        copy.version = 1;
        state.meetings.push_back(copy);
        return copy.id;
    }
    bool update_meeting(const Meeting& m) override {
        return replace(state.meetings, m, [&](const Meeting& x) { return x.partnership == m.partnership; });
    }
    std::vector<ActionItem> matching(const ActionQuery& q) const {
        std::vector<ActionItem> rows;
        for (const auto& a : state.actions) {
            if (a.partnership != q.partnership || (q.owner && a.owner != *q.owner) || (q.group && a.group != *q.group) ||
                (q.meeting && a.meeting != *q.meeting) || (q.overdue_on && !action_overdue(a, *q.overdue_on))) continue;
            if (!q.states.empty() && std::find(q.states.begin(), q.states.end(), a.status) == q.states.end()) continue;
            if (!q.text.empty() && lower(a.text).find(lower(q.text)) == std::string::npos) continue;
            rows.push_back(a);
        }
        std::sort(rows.begin(), rows.end(), [](const ActionItem& a, const ActionItem& b) { return std::tie(a.due, a.id) < std::tie(b.due, b.id); });
        return rows;
    }
    static std::string lower(std::string t) {
        for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return t;
    }
    Page<ActionItem> actions(const ActionQuery& q) override {
        return page_in(matching(q), q.page, [](const ActionItem& a) { return std::make_pair(a.due.iso(), a.id.value); }, false);
    }
    ActionCounts count_actions(const ActionQuery& q, Date today) override {
        ActionCounts out;
        for (const auto& a : matching(q)) {
            if (a.status == ActionStatus::open) ++out.open;
            if (a.status == ActionStatus::done) ++out.done;
            if (a.status == ActionStatus::dropped) ++out.dropped;
            if (action_overdue(a, today)) ++out.overdue;
        }
        return out;
    }
    std::vector<std::pair<PersonId, int>> count_overdue_by_owner(const ActionQuery& q, Date today) override {
        std::map<PersonId, int> by;
        for (const auto& a : matching(q)) if (action_overdue(a, today)) ++by[a.owner];
        return {by.begin(), by.end()};
    }
    std::optional<ActionItem> find_action(PartnershipId p, ActionId id) override {
        for (const auto& a : state.actions) if (a.partnership == p && a.id == id) return a;
        return std::nullopt;
    }
    ActionId insert_action(const ActionItem& a) override {
        auto copy = a;
        copy.id = next_id(state.actions);
        copy.version = 1;
        state.actions.push_back(copy);
        return copy.id;
    }
    bool update_action(const ActionItem& a) override {
        return replace(state.actions, a, [&](const ActionItem& x) { return x.partnership == a.partnership; });
    }
    Page<Interest> interests(const InterestQuery& q) override {
        std::vector<Interest> rows;
        for (const auto& i : state.interests) {
            if (i.partnership == q.partnership && (!q.person || i.person == *q.person) && (!q.meeting || i.meeting == *q.meeting)) rows.push_back(i);
        }
        std::sort(rows.begin(), rows.end(), [](const Interest& a, const Interest& b) {
            return std::tie(b.declared_on, b.id) < std::tie(a.declared_on, a.id);
        });
        return page_in(rows, q.page, [](const Interest& i) { return std::make_pair(i.declared_on.iso(), i.id.value); }, true);
    }
    InterestId insert_interest(const Interest& i) override {
        auto copy = i;
        copy.id = next_id(state.interests);
        state.interests.push_back(copy);
        return copy.id;
    }
    void set_feed_token(UserId user, const std::string& hash, Instant) override { state.feed_tokens[user] = hash; }
    std::optional<UserId> feed_user(const std::string& hash) override {
        for (const auto& [u, h] : state.feed_tokens) if (h == hash) return u;
        return std::nullopt;
    }
};

class MemoryStore final : public Store, private Transaction, PartnershipRepo, AgencyRepo, PersonRepo, UserRepo,
                          SessionRepo, AuditRepo {
public:
    MemoryState state;
    MemoryTokens tokens{state};
    MemoryCases case_repo{state};
    MemoryGovernance governance_repo{state};
    MemoryLearning learning_repo{state};

    void read(const std::function<void(Transaction&)>& work) override { work(*this); }
    void write(const std::function<void(Transaction&)>& work) override {
        const MemoryState saved = state;
        try {
            work(*this);
        } catch (...) {
            state = saved;
            throw;
        }
    }

private:
    PartnershipRepo& partnerships() override { return *this; }
    AgencyRepo& agencies() override { return *this; }
    PersonRepo& people() override { return *this; }
    UserRepo& users() override { return *this; }
    SessionRepo& sessions() override { return *this; }
    ApiTokenRepo& api_tokens() override { return tokens; }
    AuditRepo& audit() override { return *this; }
    CaseRepo& cases() override { return case_repo; }
    GovernanceRepo& governance() override { return governance_repo; }
    LearningRepo& learning() override { return learning_repo; }

    template <class T, class Pred>
    static std::optional<T> first(const std::vector<T>& v, Pred p) {
        auto it = std::find_if(v.begin(), v.end(), p);
        return it == v.end() ? std::nullopt : std::optional<T>(*it);
    }

    // PartnershipRepo
    std::optional<Partnership> find(PartnershipId id) override {
        return first(state.partnerships, [&](auto& p) { return p.id == id; });
    }
    std::optional<Partnership> find_by_slug(const std::string& slug) override {
        return first(state.partnerships, [&](auto& p) { return p.slug == slug; });
    }
    std::vector<Partnership> list() override { return state.partnerships; }
    PartnershipId insert(const Partnership& p) override {
        auto copy = p;
        copy.id = PartnershipId{static_cast<std::int64_t>(state.partnerships.size() + 1)};
        state.partnerships.push_back(copy);
        return copy.id;
    }

    // AgencyRepo
    std::vector<Agency> list(PartnershipId pid, bool include_inactive) override {
        std::vector<Agency> out;
        for (auto& a : state.agencies) {
            if (a.partnership == pid && (a.active || include_inactive)) out.push_back(a);
        }
        return out;
    }
    std::optional<Agency> find(PartnershipId pid, AgencyId id) override {
        return first(state.agencies, [&](auto& a) { return a.partnership == pid && a.id == id; });
    }
    std::vector<Agency> with_organisation(const std::string& code) override {
        std::vector<Agency> out;
        for (auto& a : state.agencies) {
            if (a.organisation_code == code && a.active) out.push_back(a);
        }
        return out;
    }
    AgencyId insert(const Agency& a) override {
        auto copy = a;
        copy.id = AgencyId{static_cast<std::int64_t>(state.agencies.size() + 1)};
        copy.version = 1;
        state.agencies.push_back(copy);
        return copy.id;
    }
    bool update(const Agency& a) override {
        for (auto& stored : state.agencies) {
            if (stored.id == a.id && stored.partnership == a.partnership && stored.version == a.version) {
                stored = a;
                stored.version = a.version + 1;
                return true;
            }
        }
        return false;
    }

    // PersonRepo
    std::vector<Person> list(PartnershipId pid, const PersonFilter& f) override {
        std::vector<Person> out;
        for (auto& p : state.people) {
            if (p.partnership == pid && (p.active || f.include_inactive) && (!f.agency || p.agency == *f.agency)) {
                out.push_back(p);
            }
        }
        return out;
    }
    std::optional<Person> find(PartnershipId pid, PersonId id) override {
        return first(state.people, [&](auto& p) { return p.partnership == pid && p.id == id; });
    }
    std::optional<Person> find_by_email(PartnershipId pid, const std::string& email) override {
        return first(state.people, [&](auto& p) { return p.partnership == pid && p.email == email; });
    }
    PersonId insert(const Person& p) override {
        auto copy = p;
        copy.id = PersonId{static_cast<std::int64_t>(state.people.size() + 1)};
        copy.version = 1;
        state.people.push_back(copy);
        return copy.id;
    }
    bool update(const Person& p) override {
        for (auto& stored : state.people) {
            if (stored.id == p.id && stored.partnership == p.partnership && stored.version == p.version) {
                stored = p;
                stored.version = p.version + 1;
                return true;
            }
        }
        return false;
    }

    // UserRepo
    std::optional<User> find(UserId id) override { return first(state.users, [&](auto& u) { return u.id == id; }); }
    std::optional<User> find_by_email(const std::string& email) override {
        return first(state.users, [&](auto& u) { return u.email == email; });
    }
    std::vector<User> list(PartnershipId pid) override {
        std::vector<User> out;
        for (auto& u : state.users) {
            if (u.partnership == pid) out.push_back(u);
        }
        return out;
    }
    UserId insert(const User& u) override {
        auto copy = u;
        copy.id = UserId{static_cast<std::int64_t>(state.users.size() + 1)};
        copy.version = 1;
        state.users.push_back(copy);
        return copy.id;
    }
    bool update(const User& u) override {
        for (auto& stored : state.users) {
            if (stored.id == u.id && stored.version == u.version) {
                stored = u;
                stored.version = u.version + 1;
                return true;
            }
        }
        return false;
    }
    void set_lock(UserId id, const LoginLock& lock) override {
        for (auto& u : state.users) {
            if (u.id == id) u.lock = lock;
        }
    }

    // SessionRepo
    void insert(const Session& s) override { state.sessions[s.token_hash] = s; }
    std::optional<Session> find(const std::string& hash) override {
        auto it = state.sessions.find(hash);
        return it == state.sessions.end() ? std::nullopt : std::optional<Session>(it->second);
    }
    void touch(const std::string& hash, Instant at) override { state.sessions[hash].last_seen_at = at; }
    void remove(const std::string& hash) override { state.sessions.erase(hash); }
    void remove_for_user(UserId user) override {
        std::erase_if(state.sessions, [&](const auto& kv) { return kv.second.user == user; });
    }

    // AuditRepo
    void append(const AuditEntry& e) override {
        auto copy = e;
        copy.id = static_cast<std::int64_t>(state.audit.size() + 1);
        state.audit.push_back(copy);
    }
    std::vector<AuditEntry> query(const AuditFilter& f) override {
        std::vector<AuditEntry> out;
        for (auto it = state.audit.rbegin(); it != state.audit.rend(); ++it) {
            if (it->partnership == f.partnership && (f.entity_type.empty() || it->entity_type == f.entity_type)) {
                out.push_back(*it);
            }
        }
        return out;
    }
    int count(const AuditFilter& f) override { return static_cast<int>(query(f).size()); }
};

}  // namespace assure::testing
