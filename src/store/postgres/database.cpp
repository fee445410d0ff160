#include "store/postgres/database.hpp"

#include <charconv>
#include <cstdlib>

#include "store/postgres/errors.hpp"
#include "store/sql/slow_statements.hpp"
#include "store/sql/statement_count.hpp"
#include "store/postgres/placeholders.hpp"

namespace assure::postgres {

Statement::Statement(Connection& db, std::string_view sql, std::string prepared_name) : db_(db), name_(std::move(prepared_name)) {
    auto rewritten = rewrite_placeholders(sql);
    sql_ = std::move(rewritten.sql);
    values_.resize(static_cast<std::size_t>(rewritten.parameters));
    if (!name_.empty()) {
        db_.checked(PQprepare(db_.handle(), name_.c_str(), sql_.c_str(), rewritten.parameters, nullptr), "prepare");
    }
}

void Statement::set(int index, std::optional<std::string> value) {
    if (index < 1 || index > static_cast<int>(values_.size())) {
        throw sql::Error(sql::Error::Kind::other, "bind: no parameter " + std::to_string(index) + " in " + sql_);
    }
    values_[static_cast<std::size_t>(index - 1)] = std::move(value);
}

sql::Statement& Statement::bind(int index, std::int64_t value) {
    set(index, std::to_string(value));
    return *this;
}

sql::Statement& Statement::bind(int index, std::string_view value) {
    set(index, std::string(value));
    return *this;
}

sql::Statement& Statement::bind_null(int index) {
    set(index, std::nullopt);
    return *this;
}

bool Statement::step() {
    if (!result_) {
        sql::statements::note();
        std::vector<const char*> values;
        values.reserve(values_.size());
        for (const auto& v : values_) values.push_back(v ? v->c_str() : nullptr);
        const int n = static_cast<int>(values.size());
        const auto started = std::chrono::steady_clock::now();
        PGresult* r = name_.empty()
                          ? PQexecParams(db_.handle(), sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                          : PQexecPrepared(db_.handle(), name_.c_str(), n, values.data(), nullptr, nullptr, 0);
        result_ = db_.checked(r, "step");
        if (sql::slow_statements::on()) sql::slow_statements::note(std::chrono::steady_clock::now() - started, sql_);
    }
    if (row_ + 1 >= PQntuples(result_.get())) return false;
    ++row_;
    return true;
}

void Statement::reset() {
    result_.reset();
    row_ = -1;
    for (auto& v : values_) v.reset();
}

void Statement::check_column(int column) const {
    if (!result_ || row_ < 0 || row_ >= PQntuples(result_.get()) || column < 0 || column >= PQnfields(result_.get())) {
        throw sql::Error(sql::Error::Kind::other, "no column " + std::to_string(column) + " in the current row of " + sql_);
    }
}

std::int64_t Statement::int64(int column) const {
    check_column(column);
    if (PQgetisnull(result_.get(), row_, column)) return 0;
    const char* text = PQgetvalue(result_.get(), row_, column);
    const int length = PQgetlength(result_.get(), row_, column);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text, text + length, value);
    if (ec != std::errc() || end != text + length) {
        throw sql::Error(sql::Error::Kind::other, "column " + std::to_string(column) + " holds '" + std::string(text, length) +
                                                      "', not an integer, in " + sql_);
    }
    return value;
}

std::string Statement::text(int column) const {
    check_column(column);
    return std::string(PQgetvalue(result_.get(), row_, column), static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
}

bool Statement::is_null(int column) const {
    check_column(column);
    return PQgetisnull(result_.get(), row_, column) != 0;
}

namespace {
void ignore_notice(void*, const char*) {}  // "relation already exists, skipping" and the like
}  // namespace

// In search_dialect.cpp: registers this engine's full-text search (store/sql/search_dialect.hpp).
bool register_search();

Connection::Connection(const std::string& url) {
    static const bool search_registered = register_search();
    (void)search_registered;
    // Settings before the URL are defaults the URL may override (libpq reads them in order).
    const char* keys[] = {"connect_timeout", "application_name", "client_encoding", "dbname", nullptr};
    const char* values[] = {"10", "assure", "UTF8", url.c_str(), nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
        while (!why.empty() && why.back() == '\n') why.pop_back();
        PQfinish(conn_);
        conn_ = nullptr;
        throw sql::Error(sql::Error::Kind::unavailable, "cannot connect to " + without_password(url) + ": " + why);
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

Connection::~Connection() {
    statements_.clear();
    PQfinish(conn_);
}

Result Connection::checked(PGresult* r, std::string_view what) {
    Result result(r);
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw error_of(conn_, result.get(), what);
    // Like SQLite's changes(): only a row-changing command counts (PQcmdTuples counts a SELECT's rows too).
    const std::string_view command = PQcmdStatus(result.get());
    if (command.starts_with("INSERT") || command.starts_with("UPDATE") || command.starts_with("DELETE")) {
        changes_ = std::atoi(PQcmdTuples(result.get()));
        total_changes_ += changes_;
    }
    return result;
}

void Connection::exec(std::string_view sql) {
    sql::statements::note();
    checked(PQexec(conn_, std::string(sql).c_str()), "exec");
}

sql::Statement& Connection::cached(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it == statements_.end()) {
        auto statement = std::make_unique<Statement>(*this, sql, "assure_" + std::to_string(statements_.size() + 1));
        it = statements_.emplace(std::string(sql), std::move(statement)).first;
    } else {
        it->second->reset();
    }
    return *it->second;
}

std::unique_ptr<sql::Statement> Connection::prepare(std::string_view sql) {
    return std::make_unique<Statement>(*this, sql, std::string());
}

void Connection::reset_cached() {
    for (auto& [sql, statement] : statements_) statement->reset();
}

std::int64_t Connection::last_insert_id() {
    auto& q = cached("SELECT lastval()");
    q.step();
    const auto id = q.int64(0);
    q.reset();
    return id;
}

}  // namespace assure::postgres
