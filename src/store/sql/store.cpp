#include "store/sql/store.hpp"

#include <utility>

#include "core/failure.hpp"
#include "store/sql/action_escalations.hpp"
#include "store/sql/agency_statements.hpp"
#include "store/sql/case_audits.hpp"
#include "store/sql/review_panels.hpp"
#include "store/sql/training_breakdown.hpp"
#include "store/sql/dataset_cin.hpp"
#include "store/sql/training_reminders.hpp"
#include "store/sql/training_modules.hpp"
#include "store/sql/training_no_shows.hpp"
#include "store/sql/training_quotas.hpp"
#include "store/sql/training_needs.hpp"
#include "store/sql/schools.hpp"
#include "store/sql/chronology.hpp"
#include "store/sql/partners.hpp"
#include "store/sql/documents.hpp"
#include "store/sql/publications.hpp"
#include "store/sql/my_work.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/report.hpp"
#include "store/sql/search.hpp"
#include "store/sql/request_effects.hpp"
#include "store/sql/role_grants.hpp"
#include "store/sql/shared_reads.hpp"
#include "store/sql/training_evaluations.hpp"
#include "store/sql/two_factor.hpp"

namespace assure::sql {
namespace {

// Sessions are shown by no kept page, so starting or touching one leaves the data version alone;
// ending one moves it, because the servers' cached sessions are stamped with that version and a
// person signed out on one server must be signed out on all of them at once.
class EndingSessionsMoveTheVersion final : public SessionRepo {
public:
    EndingSessionsMoveTheVersion(SessionRepo& sessions, bool& reached_data) : sessions_(sessions), reached_data_(reached_data) {}
    void insert(const Session& session) override { sessions_.insert(session); }
    std::optional<Session> find(const std::string& token_hash) override { return sessions_.find(token_hash); }
    void touch(const std::string& token_hash, Instant at) override { sessions_.touch(token_hash, at); }
    void remove(const std::string& token_hash) override {
        reached_data_ = true;
        sessions_.remove(token_hash);
    }
    void remove_for_user(UserId user) override {
        reached_data_ = true;
        sessions_.remove_for_user(user);
    }

private:
    SessionRepo& sessions_;
    bool& reached_data_;
};

class SqlTransaction final : public Transaction, public DocumentTransaction, public PublicationTransaction, public SearchTransaction,
                             public MyWorkTransaction, public TrainingEvaluationTransaction, public TwoFactorTransaction,
                             public RoleGrantTransaction, public CasesDueTransaction, public ActionEscalationTransaction,
                             public PartnerTransaction, public ChronologyTransaction,
                             public AgencyStatementTransaction, public SchoolTransaction, public CaseAuditTransaction,
                             public ReviewPanelTransaction, public TrainingBreakdownTransaction,
                             public SessionReminderTransaction, public ModuleTransaction, public NoShowTransaction,
                             public QuotaTransaction, public NeedsTransaction, public DatasetCinTransaction {
public:
    explicit SqlTransaction(Connection& db)
        : partnerships_(db), agencies_(db), agency_links_(db), people_(db), users_(db), sessions_(db), ending_sessions_(sessions_, reached_data_), tokens_(db), audit_(db), access_entries_(db), cases_(db),
          governance_(db), learning_(db), case_key_(db), health_(db), registers_(db), dataset_(db), mail_(db), training_(db), documents_(db), report_(db), publications_(db),
          search_(db), owed_(db), training_evaluations_(db), two_factor_(db), role_grants_(db), action_escalations_(db), partners_(db), chronology_(db), agency_statements_(db), schools_(db), case_audits_(db), review_panels_(db), training_breakdown_(db), session_reminders_(db), modules_(db), no_shows_(db), quotas_(db), needs_(db), dataset_cin_(db) {}
    PartnershipRepo& partnerships() override { return changing(partnerships_); }
    AgencyRepo& agencies() override { return changing(agencies_); }
    AgencyLinkRepo& agency_links() override { return changing(agency_links_); }
    PersonRepo& people() override { return changing(people_); }
    UserRepo& users() override { return changing(users_); }
    SessionRepo& sessions() override { return ending_sessions_; }
    ApiTokenRepo& api_tokens() override { return changing(tokens_); }
    AuditRepo& audit() override { return changing(audit_); }
    AccessEntryRepo& access_entries() override { return access_entries_; }
    CaseRepo& cases() override { return changing(cases_); }
    GovernanceRepo& governance() override { return changing(governance_); }
    LearningRepo& learning() override { return changing(learning_); }
    CaseKeyRepo& case_key() override { return changing(case_key_); }
    HealthRepo& health() override { return health_; }
    RegisterRepo& registers() override { return changing(registers_); }
    DatasetRepo& dataset() override { return changing(dataset_); }
    MailRepo& mail() override { return mail_; }
    TrainingRepo& training() override { return changing(training_); }
    DocumentRepo& documents() override { return changing(documents_); }
    ReportRepo& report() override { return changing(report_); }
    PublicationRepo& publications() override { return changing(publications_); }
    // Only read: the index is written by the database's triggers with each change (migration 0032).
    SearchRepo& search() override { return search_; }
    OwedRepo& owed() override { return owed_; }  // only read
    TrainingEvaluationRepo& training_evaluations() override { return changing(training_evaluations_); }
    // Enrolling moves the data version: kept pages show whether an account has a second factor.
    TwoFactorRepo& two_factor() override { return changing(two_factor_); }
    // The users page shows the roles waiting for approval.
    RoleGrantRepo& role_grants() override { return changing(role_grants_); }
    CasesDueRepo& cases_due() override { return cases_; }  // only read
    // An escalation shows on the action's page.
    ActionEscalationRepo& action_escalations() override { return changing(action_escalations_); }
    PartnerRepo& partners() override { return changing(partners_); }
    ChronologyRepo& chronology() override { return changing(chronology_); }
    AgencyStatementRepo& agency_statements() override { return changing(agency_statements_); }
    SchoolRepo& schools() override { return changing(schools_); }
    CaseAuditRepo& case_audits() override { return changing(case_audits_); }
    ReviewPanelRepo& review_panels() override { return changing(review_panels_); }
    TrainingBreakdownRepo& training_breakdown() override { return training_breakdown_; }  // only read
    // A reminder sent shows on no kept page, but it is a change: it moves the data version.
    SessionReminderRepo& session_reminders() override { return changing(session_reminders_); }
    ModuleRepo& online_modules() override { return changing(modules_); }
    NoShowRepo& training_no_shows() override { return changing(no_shows_); }
    QuotaRepo& training_quotas() override { return changing(quotas_); }
    NeedsRepo& training_needs() override { return changing(needs_); }
    DatasetCinRepo& dataset_cin() override { return changing(dataset_cin_); }

    // Whether this transaction reached any repository besides sessions, the access log, the mail
    // outbox and the heartbeat (shown by no page that is kept), or ended a session: a write that
    // did moves the data version (migration 0023).
    [[nodiscard]] bool reached_data() const { return reached_data_; }

private:
    template <class Repo>
    Repo& changing(Repo& repo) {
        reached_data_ = true;
        return repo;
    }

    bool reached_data_ = false;
    SqlPartnerships partnerships_;
    SqlAgencies agencies_;
    SqlAgencyLinks agency_links_;
    SqlPeople people_;
    SqlUsers users_;
    SqlSessions sessions_;
    EndingSessionsMoveTheVersion ending_sessions_;
    SqlApiTokens tokens_;
    SqlAudit audit_;
    SqlAccessEntries access_entries_;
    SqlCases cases_;
    SqlGovernance governance_;
    SqlLearning learning_;
    SqlCaseKey case_key_;
    SqlHealth health_;
    SqlRegisters registers_;
    SqlDataset dataset_;
    SqlMail mail_;
    SqlTraining training_;
    SqlDocuments documents_;
    SqlReport report_;
    SqlPublications publications_;
    SqlSearch search_;
    SqlOwed owed_;
    SqlTrainingEvaluations training_evaluations_;
    SqlTwoFactor two_factor_;
    SqlRoleGrants role_grants_;
    SqlActionEscalations action_escalations_;
    SqlPartners partners_;
    SqlChronology chronology_;
    SqlAgencyStatements agency_statements_;
    SqlSchools schools_;
    SqlCaseAudits case_audits_;
    SqlReviewPanels review_panels_;
    SqlTrainingBreakdown training_breakdown_;
    SqlSessionReminders session_reminders_;
    SqlModules modules_;
    SqlNoShows no_shows_;
    SqlQuotas quotas_;
    SqlNeeds needs_;
    SqlDatasetCin dataset_cin_;
};

// Runs `work` inside the transaction already begun on `db`: commit if it returns, roll back if
// it throws. `committing` is set once COMMIT has been sent: a connection lost after that may
// or may not have committed, and the person must be told so.
void finish(Connection& db, const std::function<void(Transaction&)>& work, bool writing, bool& committing) {
    try {
        SqlTransaction tx(db);
        const std::int64_t changed_before = writing ? db.total_changes() : 0;
        work(tx);
        // A write that reached records and changed rows moves the data version. Writers are serialised (BEGIN IMMEDIATE; PostgreSQL's advisory write lock), so one row
        // costs no concurrency, and versions follow the order of commits.
        if (writing && tx.reached_data() && db.total_changes() != changed_before) {
            db.cached("INSERT INTO data_version(id, version) VALUES (1, 1) "
                      "ON CONFLICT (id) DO UPDATE SET version = data_version.version + 1")
                .run();
        }
        db.reset_cached();
        committing = true;
        db.exec("COMMIT");
    } catch (...) {
        db.reset_cached();
        roll_back_after_failure(db);
        throw;
    }
}

// What a request is told when the database cannot answer. The driver's text (which names the
// database, never its password) goes to the log as the detail.
Failure out_of_reach(const Error& e, bool committing) {
    if (e.kind() == Error::Kind::busy) {
        return {FailureCode::unavailable, "The service is busy. Nothing was saved. Try again in a minute.", {}, e.what()};
    }
    if (committing) {
        return {FailureCode::unavailable,
                "The database stopped answering while your change was being saved, so it may not have been saved. "
                "Check before you make it again.",
                {},
                e.what()};
    }
    return {FailureCode::unavailable, "The database is not available. Nothing was saved. Try again in a few minutes.", {},
            e.what()};
}

bool out_of_reach_kind(const Error& e) { return e.kind() == Error::Kind::unavailable || e.kind() == Error::Kind::busy; }

// The read transaction shared by a request on this thread (shared_reads.hpp): the store that
// began it, its connection, and whether a read is running on it now.
thread_local SqlStore* shared_owner = nullptr;
thread_local std::unique_ptr<Connection> shared_db;
thread_local bool shared_busy = false;

}  // namespace

SqlStore::SqlStore(std::unique_ptr<Driver> driver, BatchedAccessLog::Timing access_log_timing) : driver_(std::move(driver)) {
    auto db = driver_->connect();
    migrations_applied_ = driver_->migrate(*db);
    give_back(std::move(db));
    // Qualified, so the writer thread never makes a virtual call into a store being destroyed.
    access_log_ = std::make_unique<BatchedAccessLog>(
        [this](const std::vector<AccessEntry>& batch) {
            SqlStore::write([&](Transaction& tx) { tx.access_entries().append(batch); });
        },
        access_log_timing);
}

SqlStore::~SqlStore() {
    if (shared_owner == this) shared_reads::end();
    access_log_.reset();
}

std::unique_ptr<Connection> SqlStore::take_idle() {
    std::lock_guard lock(mutex_);
    if (idle_.empty()) return nullptr;
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return c;
}

void SqlStore::give_back(std::unique_ptr<Connection> c) {
    if (!c) return;
    std::lock_guard lock(mutex_);
    if (idle_.size() < 64) idle_.push_back(std::move(c));
}

// A pooled connection can die while it waits (the database restarted, or its backend was
// ended): it fails at BEGIN, before anything of the caller's has run, so it is dropped and the
// next one tried, and after a restart every request still succeeds. A fresh connection that
// fails is the database's answer, and is passed on. Nothing is retried once `work` has begun.
std::unique_ptr<Connection> SqlStore::begin(bool writing) {
    for (;;) {
        auto db = take_idle();
        const bool pooled = db != nullptr;
        try {
            if (!pooled) db = driver_->connect();
            if (writing) {
                driver_->begin_write(*db);
            } else {
                db->exec(driver_->begin_read());
            }
            return db;
        } catch (const Error& e) {
            if (pooled && e.kind() == Error::Kind::unavailable) continue;  // the dead connection is dropped
            if (out_of_reach_kind(e)) throw out_of_reach(e, false);
            throw;
        }
    }
}

// A connection goes back to the pool unless the database stopped answering on it.
void SqlStore::run(bool writing, const std::function<void(Transaction&)>& work) {
    auto db = begin(writing);
    bool committing = false;
    try {
        finish(*db, work, writing, committing);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::unavailable) give_back(std::move(db), writing);
        if (out_of_reach_kind(e)) throw out_of_reach(e, committing);
        throw;
    } catch (...) {
        give_back(std::move(db), writing);
        throw;
    }
    give_back(std::move(db), writing);
}

void SqlStore::give_back(std::unique_ptr<Connection> c, bool written) {
    if (written) {
        try {
            driver_->end_write(*c);
        } catch (const Error&) {
            return;
        }
    }
    give_back(std::move(c));
}

void SqlStore::read(const std::function<void(Transaction&)>& work) {
    // A read inside a shared read's work would reset the statements the outer one is stepping
    // through, so it takes its own transaction, as does a read by another store.
    const bool share = shared_reads::wanted && !shared_busy && (shared_owner == nullptr || shared_owner == this);
    if (share) return read_shared(work);
    run(false, work);
}

void SqlStore::read_shared(const std::function<void(Transaction&)>& work) {
    on_shared_read([&](Connection& db) {
        SqlTransaction tx(db);
        work(tx);
    });
}

std::int64_t SqlStore::data_version() {
    std::int64_t version = 0;
    const auto ask = [&](Connection& db) {
        auto& q = db.cached("SELECT version FROM data_version WHERE id = 1");
        if (q.step()) version = q.int64(0);
        q.reset();
    };
    if (shared_reads::wanted && !shared_busy && (shared_owner == nullptr || shared_owner == this)) {
        on_shared_read(ask);
    } else {
        auto db = begin(false);
        try {
            ask(*db);
            db->reset_cached();
            db->exec("COMMIT");
        } catch (...) {
            db->reset_cached();
            roll_back_after_failure(*db);
            throw;
        }
        give_back(std::move(db));
    }
    return version;
}

void SqlStore::on_shared_read(const std::function<void(Connection&)>& work) {
    if (shared_owner == nullptr) {
        shared_db = begin(false);
        shared_owner = this;
        shared_reads::end_open = &SqlStore::end_shared_read;
    }
    shared_busy = true;
    try {
        work(*shared_db);
        shared_db->reset_cached();
        shared_busy = false;
    } catch (const Error& e) {
        // PostgreSQL has aborted the transaction: the shared read ends here, and the next read
        // of the request begins another.
        shared_busy = false;
        shared_reads::end_open = nullptr;
        shared_owner = nullptr;
        auto db = std::move(shared_db);
        db->reset_cached();
        roll_back_after_failure(*db);
        if (e.kind() != Error::Kind::unavailable) give_back(std::move(db));
        if (out_of_reach_kind(e)) throw out_of_reach(e, false);
        throw;
    } catch (...) {
        // Not the database's error (a record not found, a refusal): the snapshot is still good.
        shared_busy = false;
        shared_db->reset_cached();
        throw;
    }
}

void SqlStore::end_shared_read() noexcept {
    auto* store = std::exchange(shared_owner, nullptr);
    auto db = std::move(shared_db);
    if (store == nullptr || !db) return;
    try {
        db->exec("COMMIT");
        store->give_back(std::move(db));
    } catch (...) {
        // Only reads ran on it, so nothing is lost: the connection is dropped, not pooled.
    }
}

void SqlStore::write(const std::function<void(Transaction&)>& work) {
    // A request reads what it wrote: the snapshot taken before the write ends first.
    if (shared_owner == this) shared_reads::end();
    ++request_effects::writes;  // a request that writes is never kept as a page
    run(true, work);
}

}  // namespace assure::sql
