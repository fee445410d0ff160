#include "store/sqlite/database.hpp"

#include "store/sql/slow_statements.hpp"
#include "store/sql/statement_count.hpp"

namespace assure::sqlite {

namespace {

sql::Error::Kind kind_of(int rc) {
    switch (rc & 0xff) {
        case SQLITE_CONSTRAINT: return sql::Error::Kind::constraint;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return sql::Error::Kind::busy;
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_READONLY:
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT: return sql::Error::Kind::unavailable;
        default: return sql::Error::Kind::other;
    }
}

// "UNIQUE constraint failed: agencies.partnership_id, agencies.organisation_code" names the
// columns; "CHECK constraint failed: name" names the constraint. Either way, the text after
// the colon is what a field mapping matches on.
std::string constraint_of(int rc, const std::string& message) {
    if ((rc & 0xff) != SQLITE_CONSTRAINT) return {};
    const auto colon = message.rfind(": ");
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

// SQLite measures each statement's run (SQLITE_TRACE_PROFILE) and hands it here.
int profile(unsigned event, void*, void* statement, void* nanoseconds) {
    if (event == SQLITE_TRACE_PROFILE) {
        const auto took = std::chrono::nanoseconds(*static_cast<const sqlite3_int64*>(nanoseconds));
        sql::slow_statements::note(took, sqlite3_sql(static_cast<sqlite3_stmt*>(statement)));
    }
    return 0;
}

}  // namespace

void fail(sqlite3* db, int rc, std::string_view what) {
    const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw sql::Error(kind_of(rc), std::string(what) + ": " + message, constraint_of(rc, message));
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

sql::Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

sql::Statement& Statement::bind(int index, std::string_view value) {
    // An empty string_view may have no data pointer, which SQLite would store as NULL: "" is not NULL.
    const char* text = value.data() ? value.data() : "";
    const int rc = sqlite3_bind_text(stmt_, index, text, static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

sql::Statement& Statement::bind_null(int index) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

bool Statement::step() {
    if (sql::statements::counting.load(std::memory_order_relaxed) && sqlite3_stmt_busy(stmt_) == 0) sql::statements::note();
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, "step");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

// In search_dialect.cpp: registers this engine's full-text search (store/sql/search_dialect.hpp).
bool register_search();

namespace {
// SQLite counts the memory it holds under one global mutex, taken on every allocation by every
// connection; nothing here reads the count, and an import or a busy server allocates millions
// of times. Set before SQLite starts (its first open); later it cannot be changed, and is not.
bool without_memory_statistics() {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
}
}  // namespace

Connection::Connection(const std::string& path, bool read_only) {
    static const bool configured = without_memory_statistics() && register_search();
    (void)configured;
    const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw sql::Error(sql::Error::Kind::unavailable, "cannot open database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Wait for a writer rather than failing at once; five seconds covers any single request.
    sqlite3_busy_timeout(db_, 5000);
    // The connection's own settings are not counted as statements (statement_count.hpp): a
    // request that happens to open a connection has not run more queries for its rows.
    const auto setting = [this](const char* pragma) {
        char* message = nullptr;
        const int set = sqlite3_exec(db_, pragma, nullptr, nullptr, &message);
        if (set == SQLITE_OK) return;
        const std::string why = message ? message : sqlite3_errstr(set);
        sqlite3_free(message);
        throw sql::Error(kind_of(set), why, constraint_of(set, why));
    };
    setting("PRAGMA foreign_keys = ON");
    if (sql::slow_statements::on()) sqlite3_trace_v2(db_, SQLITE_TRACE_PROFILE, profile, nullptr);
    if (!read_only) {
        setting("PRAGMA journal_mode = WAL");
        setting("PRAGMA synchronous = NORMAL");  // durable across application crashes under WAL
    }
}

Connection::~Connection() {
    statements_.clear();  // finalize before closing
    transaction_statements_.clear();
    sqlite3_close_v2(db_);
}

void Connection::reset_cached() {
    for (auto* statement : handed_out_) {
        statement->reset();
        statement->handed_out_ = false;
    }
    handed_out_.clear();
}

sql::Statement& Connection::cached(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        it = statements_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
    } else {
        it->second->reset();
    }
    Statement& statement = *it->second;
    if (!statement.handed_out_) {
        statement.handed_out_ = true;
        handed_out_.push_back(&statement);
    }
    return statement;
}

std::unique_ptr<sql::Statement> Connection::prepare(std::string_view sql) { return std::make_unique<Statement>(db_, sql); }

bool Connection::run_transaction_statement(std::string_view sql) {
    if (sql != "BEGIN" && sql != "COMMIT" && sql != "ROLLBACK" && sql != "BEGIN IMMEDIATE") return false;
    auto it = transaction_statements_.find(sql);
    if (it == transaction_statements_.end()) {
        it = transaction_statements_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
    }
    Statement& statement = *it->second;
    const int rc = sqlite3_step(statement.stmt_);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(statement.stmt_);
        return true;
    }
    const std::string why = sqlite3_errmsg(db_);
    sqlite3_reset(statement.stmt_);
    throw sql::Error(kind_of(rc), why, constraint_of(rc, why));
}

void Connection::exec(std::string_view sql) {
    sql::statements::note();
    if (run_transaction_statement(sql)) return;
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string why = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw sql::Error(kind_of(rc), why, constraint_of(rc, why));
    }
}

}  // namespace assure::sqlite
