#pragma once
// The repositories, written once in SQL that SQLite and PostgreSQL both accept. Each works on
// the transaction's one connection.
#include "app/ports.hpp"
#include "app/ports/cases_due.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlPartnerships final : public PartnershipRepo {
public:
    explicit SqlPartnerships(Connection& db) : db_(db) {}
    std::optional<Partnership> find(PartnershipId id) override;
    std::optional<Partnership> find_by_slug(const std::string& slug) override;
    std::vector<Partnership> list() override;
    PartnershipId insert(const Partnership& p, const PartnershipRules& rules) override;
    bool update(const Partnership& p, const PartnershipRules& rules) override;
    std::optional<PartnershipRules> rules(PartnershipId id) override;
    bool adopt_rules(PartnershipId id, const PartnershipRules& rules) override;

private:
    Connection& db_;
};

class SqlAgencies final : public AgencyRepo {
public:
    explicit SqlAgencies(Connection& db) : db_(db) {}
    std::vector<Agency> list(PartnershipId partnership, bool include_inactive) override;
    Page<Agency> query(const AgencyQuery& query) override;
    std::map<AgencyId, std::string> names(PartnershipId partnership, const std::vector<AgencyId>& ids) override;
    std::optional<Agency> find(PartnershipId partnership, AgencyId id) override;
    std::vector<Agency> linked(AgencyId agency) override;
    AgencyId insert(const Agency& agency) override;
    bool update(const Agency& agency) override;

private:
    Connection& db_;
};

// Links between agencies of different partnerships (store/sql/agency_links.cpp).
class SqlAgencyLinks final : public AgencyLinkRepo {
public:
    explicit SqlAgencyLinks(Connection& db) : db_(db) {}
    Page<AgencyLink> query(const AgencyLinkQuery& query) override;
    std::optional<AgencyLink> find(PartnershipId partnership, std::int64_t id) override;
    std::vector<AgencyLink> between(AgencyId from, PartnershipId to_partnership, AgencyId to) override;
    std::int64_t insert(const AgencyLink& link) override;
    bool accept(const AgencyLink& link) override;
    bool remove(std::int64_t id, int version) override;

private:
    Connection& db_;
};

class SqlPeople final : public PersonRepo {
public:
    explicit SqlPeople(Connection& db) : db_(db) {}
    std::vector<Person> list(PartnershipId partnership, const PersonFilter& filter) override;
    Page<Person> query(const PersonQuery& query) override;
    std::map<PersonId, std::string> names(PartnershipId partnership, const std::vector<PersonId>& ids) override;
    std::map<PersonId, AgencyId> agencies_of(PartnershipId partnership, const std::vector<PersonId>& ids) override;
    std::optional<Person> find(PartnershipId partnership, PersonId id) override;
    std::optional<Person> find_by_email(PartnershipId partnership, const std::string& email) override;
    PersonId insert(const Person& person) override;
    bool update(const Person& person) override;

private:
    Connection& db_;
};

class SqlUsers final : public UserRepo {
public:
    explicit SqlUsers(Connection& db) : db_(db) {}
    std::optional<User> find(UserId id) override;
    std::optional<User> find_by_email(const std::string& email) override;
    std::vector<User> list(PartnershipId partnership) override;
    Page<User> query(const UserQuery& query) override;
    UserId insert(const User& user) override;
    bool update(const User& user) override;
    void set_lock(UserId id, const LoginLock& lock) override;

private:
    Connection& db_;
};

class SqlSessions final : public SessionRepo {
public:
    explicit SqlSessions(Connection& db) : db_(db) {}
    void insert(const Session& session) override;
    std::optional<Session> find(const std::string& token_hash) override;
    void touch(const std::string& token_hash, Instant at) override;
    void remove(const std::string& token_hash) override;
    void remove_for_user(UserId user) override;

private:
    Connection& db_;
};

class SqlApiTokens final : public ApiTokenRepo {
public:
    explicit SqlApiTokens(Connection& db) : db_(db) {}
    void insert(const ApiToken& token) override;
    std::optional<ApiToken> find(const std::string& token_hash) override;
    int revoke_for_user(UserId user, Instant at) override;
    std::optional<ApiToken> find_by_id(std::int64_t id) override;
    Page<ApiToken> list_for_user(UserId user, const PageRequest& page) override;
    bool revoke(std::int64_t id, Instant at) override;
    void touch(std::int64_t id, Instant at) override;

private:
    Connection& db_;
};

class SqlAudit final : public AuditRepo {
public:
    explicit SqlAudit(Connection& db) : db_(db) {}
    void append(const AuditEntry& entry) override;
    Page<AuditEntry> query(const AuditFilter& filter, const PageRequest& page) override;
    int count(const AuditFilter& filter) override;
    int count_up_to(const AuditFilter& filter, int at_most) override;
    AuditChainCheck verify_chain(const AuditCheckpoint& from) override;

private:
    Connection& db_;
};

class SqlAccessEntries final : public AccessEntryRepo {
public:
    explicit SqlAccessEntries(Connection& db) : db_(db) {}
    void append(const std::vector<AccessEntry>& entries) override;
    Page<AccessEntry> query(const AccessQuery& query) override;

private:
    Connection& db_;
};

class SqlCases final : public CaseRepo, public CasesDueRepo {
public:
    explicit SqlCases(Connection& db) : db_(db) {}
    Page<Case> list(const CaseQuery& query) override;
    CaseCounts counts(const CaseQuery& query, Date today) override;
    std::vector<TimelinessYear> timeliness(const CaseQuery& query, Date today) override;
    std::vector<Case> soonest_due(const CaseQuery& query, int limit) override;  // CasesDueRepo
    std::optional<Case> find(PartnershipId partnership, CaseId id) override;
    CaseId insert(const Case& c, const CaseStanding& standing) override;
    bool update(const Case& c, const CaseStanding& standing) override;
    void append_event(CaseId id, const CaseEvent& e) override;
    int count(PartnershipId partnership) override;
    std::vector<Case> unsettled(int limit) override;
    void settle(const Case& c, const CaseStanding& standing) override;
    std::vector<Recommendation> recommendations(PartnershipId partnership, CaseId id) override;
    RecommendationId add_recommendation(const Recommendation& r) override;

private:
    Connection& db_;
};

class SqlGovernance final : public GovernanceRepo {
public:
    explicit SqlGovernance(Connection& db) : db_(db) {}
    std::vector<Group> groups(PartnershipId partnership) override;
    std::optional<Group> find_group(PartnershipId partnership, GroupId id) override;
    GroupId insert_group(const Group& g) override;
    bool update_group(const Group& g) override;
    std::vector<TermsVersion> terms(GroupId group) override;
    void add_terms(const TermsVersion& t) override;
    std::vector<Membership> memberships(PartnershipId partnership, std::optional<GroupId> group) override;
    std::vector<Membership> memberships_of(PartnershipId partnership, PersonId person) override;
    std::map<GroupId, int> count_members_on(PartnershipId partnership, Date on) override;
    MembershipId insert_membership(const Membership& m) override;
    bool update_membership(const Membership& m) override;
    Page<Meeting> meetings(const MeetingQuery& query) override;
    std::map<GroupId, LastAndNext> last_and_next_meetings(PartnershipId partnership, Date today) override;
    std::map<MeetingId, Date> meeting_dates(PartnershipId partnership, const std::vector<MeetingId>& ids) override;
    std::optional<Meeting> find_meeting(PartnershipId partnership, MeetingId id) override;
    MeetingId insert_meeting(const Meeting& m) override;
    bool update_meeting(const Meeting& m) override;
    Page<ActionItem> actions(const ActionQuery& query) override;
    ActionCounts count_actions(const ActionQuery& query, Date today) override;
    std::vector<std::pair<PersonId, int>> count_overdue_by_owner(const ActionQuery& query, Date today) override;
    std::optional<ActionItem> find_action(PartnershipId partnership, ActionId id) override;
    ActionId insert_action(const ActionItem& a) override;
    bool update_action(const ActionItem& a) override;
    Page<Interest> interests(const InterestQuery& query) override;
    InterestId insert_interest(const Interest& i) override;
    void set_feed_token(UserId user, const std::string& token_hash, Instant at) override;
    std::optional<UserId> feed_user(const std::string& token_hash) override;

private:
    Connection& db_;
};

class SqlLearning final : public LearningRepo {
public:
    explicit SqlLearning(Connection& db) : db_(db) {}
    Page<LearningSource> sources(const SourceQuery& query) override;
    std::optional<LearningSource> find_source(PartnershipId partnership, LearningSourceId id) override;
    std::map<LearningSourceId, std::string> source_titles(PartnershipId partnership, const std::vector<LearningSourceId>& ids) override;
    int count_sources(const SourceQuery& query) override;
    std::vector<PriorityRecommendation> recommendations_for(PartnershipId partnership, const std::string& priority) override;
    int count_recommendations_for(PartnershipId partnership, const std::string& priority) override;
    LearningSourceId insert_source(const LearningSource& s) override;
    bool update_source(const LearningSource& s) override;
    Page<ImprovementAction> improvements(const ImprovementQuery& query) override;
    ImprovementCounts count_improvements(const ImprovementQuery& query, Date today) override;
    std::vector<ImprovementTrendPoint> improvement_trend(const ImprovementQuery& query, const std::vector<Date>& days) override;
    std::optional<ImprovementAction> find_improvement(PartnershipId partnership, ImprovementId id) override;
    ImprovementId insert_improvement(const ImprovementAction& a) override;
    bool update_improvement(const ImprovementAction& a) override;
    std::vector<AuditCycle> cycles(PartnershipId partnership) override;
    std::optional<AuditCycle> find_cycle(PartnershipId partnership, AuditCycleId id) override;
    AuditCycleId insert_cycle(const AuditCycle& c) override;
    bool update_cycle(const AuditCycle& c) override;
    std::optional<AuditReturn> find_return(PartnershipId partnership, AuditReturnId id) override;
    std::optional<AuditReturn> find_return(PartnershipId partnership, AuditCycleId cycle, AgencyId agency) override;
    std::vector<AuditReturn> returns_of(PartnershipId partnership, AuditCycleId cycle) override;
    std::optional<EarlierReturn> earlier_return(PartnershipId partnership, AgencyId agency, AuditKind kind, Date before) override;
    std::vector<ReturnOrigin> return_origins(PartnershipId partnership, const std::vector<AuditReturnId>& ids) override;
    AuditReturnId insert_return(const AuditReturn& r) override;
    bool update_return(const AuditReturn& r) override;
    std::vector<Briefing> briefings(PartnershipId partnership) override;
    std::vector<Briefing> briefings_for(PartnershipId partnership, const std::vector<LearningSourceId>& sources) override;
    BriefingId insert_briefing(const Briefing& b) override;

private:
    Connection& db_;
};

class SqlCaseKey final : public CaseKeyRepo {
public:
    explicit SqlCaseKey(Connection& db) : db_(db) {}
    CaseKeyCanary keep_first(const CaseKeyCanary& canary) override;
    std::optional<CaseKeyCanary> find() override;
    std::optional<std::string> earliest_sealed_details() override;
    std::vector<KeyIdCount> sealed_by_key() override;
    std::vector<SealedDetails> sealed_after(CaseId after, int limit) override;
    void reseal(CaseId id, const std::string& sealed, const std::string& key_id) override;
    void replace(const CaseKeyCanary& canary) override;

private:
    Connection& db_;
};

class SqlHealth final : public HealthRepo {
public:
    explicit SqlHealth(Connection& db) : db_(db) {}
    void beat(Instant at) override;

private:
    Connection& db_;
};

class SqlRegisters final : public RegisterRepo {
public:
    explicit SqlRegisters(Connection& db) : db_(db) {}
    Page<LadoReferral> lado(const LadoQuery& query) override;
    std::optional<LadoReferral> find_lado(PartnershipId partnership, LadoReferralId id) override;
    LadoCounts count_lado(PartnershipId partnership, FinancialYear year) override;
    std::map<LadoSector, int> count_lado_by_sector(PartnershipId partnership, FinancialYear year) override;
    LadoReferralId insert_lado(const LadoReferral& r) override;
    bool update_lado(const LadoReferral& r) override;
    Page<ChildDeath> child_deaths(const ChildDeathQuery& query) override;
    std::optional<ChildDeath> find_child_death(PartnershipId partnership, ChildDeathId id) override;
    ChildDeathCounts count_child_deaths(PartnershipId partnership, FinancialYear year) override;
    bool child_death_reference_taken(PartnershipId partnership, const std::string& reference, ChildDeathId except) override;
    ChildDeathId insert_child_death(const ChildDeath& d) override;
    bool update_child_death(const ChildDeath& d) override;
    std::optional<DeathPanel> death_panel_of(PartnershipId partnership) override;
    std::optional<DeathPanel> find_death_panel(const std::string& name) override;
    DeathPanelId put_death_panel(const DeathPanel& panel) override;
    ChildDeathCounts count_panel_deaths(DeathPanelId panel, FinancialYear year) override;
    Page<FinanceEntry> finance(const FinanceQuery& query) override;
    std::optional<FinanceEntry> find_finance(PartnershipId partnership, FinanceEntryId id) override;
    FinanceSums sum_finance(PartnershipId partnership, FinancialYear year) override;
    bool has_finance_before(PartnershipId partnership, FinancialYear year) override;
    FinanceEntryId insert_finance(const FinanceEntry& e) override;
    Page<Risk> risks(const RiskQuery& query) override;
    std::optional<Risk> find_risk(PartnershipId partnership, RiskId id) override;
    RiskCounts count_risks(PartnershipId partnership, FinancialYear year) override;
    RiskGrid risk_grid(PartnershipId partnership, RiskBasis basis) override;
    RiskId insert_risk(const Risk& r) override;
    bool update_risk(const Risk& r) override;
    Page<Escalation> escalations(const EscalationQuery& query) override;
    std::optional<Escalation> find_escalation(PartnershipId partnership, EscalationId id) override;
    EscalationCounts count_escalations(PartnershipId partnership, FinancialYear year) override;
    bool escalation_reference_taken(PartnershipId partnership, const std::string& reference, EscalationId except) override;
    EscalationId insert_escalation(const Escalation& e) override;
    bool update_escalation(const Escalation& e) override;
    Page<Activity> activities(const ActivityQuery& query) override;
    std::optional<Activity> find_activity(PartnershipId partnership, Strand strand, ActivityId id) override;
    std::map<ActivityKind, KindCount> count_activities(PartnershipId partnership, Strand strand, FinancialYear year) override;
    ActivityId insert_activity(const Activity& a) override;
    bool update_activity(const Activity& a) override;

private:
    Connection& db_;
};

class SqlDataset final : public DatasetRepo {
public:
    explicit SqlDataset(Connection& db) : db_(db) {}
    std::vector<IndicatorDefinition> catalogue(PartnershipId partnership) override;
    void put_indicator(PartnershipId partnership, const IndicatorDefinition& d) override;
    std::vector<Benchmark> benchmarks(PartnershipId partnership) override;
    void put_benchmark(PartnershipId partnership, const Benchmark& b) override;
    DatasetImportId insert_import(const DatasetImport& i) override;
    std::optional<DatasetImport> latest_import(PartnershipId partnership, const std::string& kind, const std::string& period) override;
    Page<DatasetImport> imports(PartnershipId partnership, const PageRequest& page) override;
    std::vector<int> years(PartnershipId partnership) override;
    std::vector<ChildRecord> children(PartnershipId partnership, int year) override;
    void replace_children(PartnershipId partnership, int year, DatasetImportId by, const std::vector<ChildRecord>& rows) override;
    std::vector<EpisodeRecord> episodes(PartnershipId partnership, int year) override;
    void replace_episodes(PartnershipId partnership, int year, DatasetImportId by, const std::vector<EpisodeRecord>& rows) override;
    std::vector<MissingRecord> missing(PartnershipId partnership, int year, MissingSource source) override;
    void replace_missing(PartnershipId partnership, int year, MissingSource source, DatasetImportId by,
                         const std::vector<MissingRecord>& rows) override;
    std::map<int, std::int64_t> population(PartnershipId partnership) override;
    void put_population(PartnershipId partnership, const PopulationRecord& r, DatasetImportId by) override;
    std::vector<IndicatorValue> returned_values(PartnershipId partnership, int from, int to) override;
    void put_value(PartnershipId partnership, const ReturnedValue& v, DatasetImportId by) override;
    // The agencies' returns (store/sql/dataset_returns.cpp).
    int return_due_working_days(PartnershipId partnership) override;
    void put_return_due_working_days(PartnershipId partnership, int days) override;
    DatasetReturnId insert_return(const DatasetReturn& r) override;
    std::optional<DatasetReturn> find_return(PartnershipId partnership, DatasetReturnId id) override;
    bool update_return(const DatasetReturn& r) override;
    Page<DatasetReturn> returns(const DatasetReturnQuery& query) override;
    DatasetReturnCounts count_returns(const DatasetReturnQuery& query) override;
    std::vector<AgencyId> agencies_asked(PartnershipId partnership, const DatasetPeriod& quarter) override;
    void add_correction(PartnershipId partnership, const FigureCorrection& c) override;
    Page<FigureCorrection> corrections(PartnershipId partnership, DatasetReturnId ret, const PageRequest& page) override;
    std::vector<ExceptionNote> exception_notes(PartnershipId partnership, const DatasetPeriod& period) override;
    bool put_exception_note(PartnershipId partnership, const ExceptionNote& n) override;
    std::vector<PriorityNarrative> priority_narratives(PartnershipId partnership, const DatasetPeriod& period) override;
    bool put_priority_narrative(PartnershipId partnership, const PriorityNarrative& n) override;

private:
    Connection& db_;
};

class SqlMail final : public MailRepo {
public:
    explicit SqlMail(Connection& db) : db_(db) {}
    MailId queue(const MailMessage& m) override;
    Page<MailMessage> outbox(const OutboxQuery& query) override;
    OutboxCounts count(PartnershipId partnership) override;
    std::optional<MailMessage> find(PartnershipId partnership, MailId id) override;
    std::vector<MailMessage> claim_due(Instant now, Instant hold_until, int limit) override;
    void mark_sent(MailId id, Instant at) override;
    void mark_failed(MailId id, const std::string& error, Instant next_attempt) override;
    bool record_reminder(PartnershipId partnership, CaseId case_id, const std::string& milestone, Date on) override;
    bool record_due_reminder(PartnershipId partnership, const std::string& record, ReminderStage stage, Date due, Date on) override;
    std::optional<MailPreferences> preferences(UserId user) override;
    std::vector<MailPreferences> preferences_of(PartnershipId partnership) override;
    void put_preferences(const MailPreferences& p, Instant at) override;
    void add_digest_item(const DigestItem& item) override;
    std::vector<DigestItem> take_digest_items(PartnershipId partnership) override;
    bool record_agenda_published(PartnershipId partnership, MeetingId meeting, Instant at, const std::string& by) override;
    std::optional<Instant> agenda_published_at(PartnershipId partnership, MeetingId meeting) override;

private:
    Connection& db_;
};

class SqlTraining final : public TrainingRepo {
public:
    explicit SqlTraining(Connection& db) : db_(db) {}
    Page<Course> courses(const CourseQuery& query) override;
    std::optional<Course> find_course(PartnershipId partnership, CourseId id) override;
    bool course_title_taken(PartnershipId partnership, const std::string& title, CourseId except) override;
    CourseId insert_course(const Course& c) override;
    bool update_course(const Course& c) override;
    Page<TrainingSession> sessions(const SessionQuery& query) override;
    std::optional<TrainingSession> find_session(PartnershipId partnership, TrainingSessionId id) override;
    std::optional<TrainingSession> lock_session(PartnershipId partnership, TrainingSessionId id) override;
    TrainingSessionId insert_session(const TrainingSession& s) override;
    bool update_session(const TrainingSession& s) override;
    Page<Booking> bookings(const BookingQuery& query) override;
    std::optional<Booking> find_booking(PartnershipId partnership, BookingId id) override;
    bool has_booking(TrainingSessionId session, const std::string& email) override;
    BookingId insert_booking(const Booking& b) override;
    void set_booking_status(BookingId id, BookingStatus status, std::optional<Instant> cancelled_at) override;
    std::vector<BookingId> first_waiting(TrainingSessionId session, int n) override;
    void set_attendance(BookingId id, std::optional<Attendance> attendance) override;
    TrainingCounts count_training(PartnershipId partnership, Date from, Date to) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
