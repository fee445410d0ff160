#pragma once
// The Store over any SQL driver: a pool of connections, read and write transactions, and the
// repositories of store/sql. The same code serves SQLite and PostgreSQL.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "store/sql/access_log_writer.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlStore : public Store {
public:
    // Connects once and brings the schema up to date (throws sql::Error if it cannot). Later,
    // a database that cannot be reached, or a write that waits too long for the lock, is a
    // Failure (unavailable): the request is told to try again, and nothing was saved.
    explicit SqlStore(std::unique_ptr<Driver> driver, BatchedAccessLog::Timing access_log_timing = {});
    // Stores the access log's queued entries first.
    ~SqlStore() override;
    SqlStore(const SqlStore&) = delete;
    SqlStore& operator=(const SqlStore&) = delete;
    void read(const std::function<void(Transaction&)>& work) override;
    void write(const std::function<void(Transaction&)>& work) override;
    AccessLog& access_log() override { return *access_log_; }
    // The data version (migration 0023): moved by every commit that changed records, from any
    // process. Read inside a request's shared read, it is the version of everything the request
    // reads after it.
    [[nodiscard]] std::int64_t data_version();
    // How many migrations opening the database applied (0 when it was already up to date).
    [[nodiscard]] int migrations_applied() const { return migrations_applied_; }
    [[nodiscard]] Driver& driver() { return *driver_; }

private:
    // A connection with a transaction begun on it; throws Failure (unavailable) if the
    // database cannot be reached.
    std::unique_ptr<Connection> begin(bool writing);
    void run(bool writing, const std::function<void(Transaction&)>& work);
    void read_shared(const std::function<void(Transaction&)>& work);
    void on_shared_read(const std::function<void(Connection&)>& work);
    static void end_shared_read() noexcept;
    std::unique_ptr<Connection> take_idle();  // nullptr when the pool is empty
    void give_back(std::unique_ptr<Connection> c);
    // give_back after a write transaction, once the engine has undone what it set for writing
    // (Driver::end_write); a connection it cannot restore is closed instead.
    void give_back(std::unique_ptr<Connection> c, bool written);

    std::unique_ptr<Driver> driver_;
    int migrations_applied_ = 0;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::unique_ptr<BatchedAccessLog> access_log_;  // last: its writer uses the pool above
};

}  // namespace assure::sql
