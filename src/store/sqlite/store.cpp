#include "store/sqlite/store.hpp"

#include "store/sqlite/repos.hpp"

namespace assure::sqlite {
namespace {

class SqlTransaction final : public Transaction {
public:
    explicit SqlTransaction(Connection& db)
        : partnerships_(db), agencies_(db), people_(db), users_(db), sessions_(db), tokens_(db), audit_(db), cases_(db), governance_(db), learning_(db) {}
    PartnershipRepo& partnerships() override { return partnerships_; }
    AgencyRepo& agencies() override { return agencies_; }
    PersonRepo& people() override { return people_; }
    UserRepo& users() override { return users_; }
    SessionRepo& sessions() override { return sessions_; }
    ApiTokenRepo& api_tokens() override { return tokens_; }
    AuditRepo& audit() override { return audit_; }
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
    SqlCases cases_;
    SqlGovernance governance_;
    SqlLearning learning_;
};

void run(Connection& db, const char* begin, const std::function<void(Transaction&)>& work) {
    db.exec(begin);
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

SqliteStore::SqliteStore(const std::string& path) : pool_(path) {
    auto db = pool_.acquire();
    migrate(*db, bundled_migrations());
}

void SqliteStore::read(const std::function<void(Transaction&)>& work) {
    auto db = pool_.acquire();
    run(*db, "BEGIN", work);
}

void SqliteStore::write(const std::function<void(Transaction&)>& work) {
    auto db = pool_.acquire();
    // IMMEDIATE takes the write lock up front, so a check-then-write inside `work` (for
    // example "is this email taken?") cannot race another writer.
    run(*db, "BEGIN IMMEDIATE", work);
}

}  // namespace assure::sqlite
