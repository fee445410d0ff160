#include "store/sql/store.hpp"

#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

class SqlTransaction final : public Transaction {
public:
    explicit SqlTransaction(Connection& db)
        : partnerships_(db), agencies_(db), people_(db), users_(db), sessions_(db), tokens_(db), audit_(db), access_entries_(db), cases_(db),
          governance_(db), learning_(db) {}
    PartnershipRepo& partnerships() override { return partnerships_; }
    AgencyRepo& agencies() override { return agencies_; }
    PersonRepo& people() override { return people_; }
    UserRepo& users() override { return users_; }
    SessionRepo& sessions() override { return sessions_; }
    ApiTokenRepo& api_tokens() override { return tokens_; }
    AuditRepo& audit() override { return audit_; }
    AccessEntryRepo& access_entries() override { return access_entries_; }
    CaseRepo& cases() override { return cases_; }
    GovernanceRepo& governance() override { return governance_; }
    LearningRepo& learning() override { return learning_; }

private:
    SqlPartnerships partnerships_;
    SqlAgencies agencies_;
    SqlPeople people_;
    SqlUsers users_;
    SqlSessions sessions_;
    SqlApiTokens tokens_;
    SqlAudit audit_;
    SqlAccessEntries access_entries_;
    SqlCases cases_;
    SqlGovernance governance_;
    SqlLearning learning_;
};

// Runs `work` inside the transaction already begun on `db`: commit if it returns, roll back if
// it throws. A connection whose rollback fails is not returned to the pool.
void finish(Connection& db, const std::function<void(Transaction&)>& work) {
    try {
        SqlTransaction tx(db);
        work(tx);
        db.reset_cached();
        db.exec("COMMIT");
    } catch (...) {
        db.reset_cached();
        db.exec("ROLLBACK");
        throw;
    }
}

}  // namespace

// Hands a pooled connection back when the transaction is over; drops it if anything threw
// past the rollback, so a broken connection is never reused.
class SqlStore::Lease {
public:
    explicit Lease(SqlStore& store) : store_(store), conn_(store.acquire()) {}
    ~Lease() {
        if (ok_) store_.give_back(std::move(conn_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() { return *conn_; }
    void done() { ok_ = true; }

private:
    SqlStore& store_;
    std::unique_ptr<Connection> conn_;
    bool ok_ = false;
};

SqlStore::SqlStore(std::unique_ptr<Driver> driver, BatchedAccessLog::Timing access_log_timing) : driver_(std::move(driver)) {
    auto db = driver_->connect();
    driver_->migrate(*db);
    give_back(std::move(db));
    // Qualified, so the writer thread never makes a virtual call into a store being destroyed.
    access_log_ = std::make_unique<BatchedAccessLog>(
        [this](const std::vector<AccessEntry>& batch) {
            SqlStore::write([&](Transaction& tx) { tx.access_entries().append(batch); });
        },
        access_log_timing);
}

SqlStore::~SqlStore() { access_log_.reset(); }

std::unique_ptr<Connection> SqlStore::acquire() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return c;
        }
    }
    return driver_->connect();
}

void SqlStore::give_back(std::unique_ptr<Connection> c) {
    if (!c) return;
    std::lock_guard lock(mutex_);
    if (idle_.size() < 64) idle_.push_back(std::move(c));
}

void SqlStore::read(const std::function<void(Transaction&)>& work) {
    Lease db(*this);
    (*db).exec(driver_->begin_read());
    try {
        finish(*db, work);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::unavailable) db.done();
        throw;
    } catch (...) {
        db.done();
        throw;
    }
    db.done();
}

void SqlStore::write(const std::function<void(Transaction&)>& work) {
    Lease db(*this);
    driver_->begin_write(*db);
    try {
        finish(*db, work);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::unavailable) db.done();
        throw;
    } catch (...) {
        db.done();
        throw;
    }
    db.done();
}

}  // namespace assure::sql
