#pragma once
// The Store over any SQL driver: a pool of connections, read and write transactions, and the
// repositories of store/sql. The same code serves SQLite and PostgreSQL.
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
    // Connects once and brings the schema up to date (throws sql::Error if it cannot).
    explicit SqlStore(std::unique_ptr<Driver> driver, BatchedAccessLog::Timing access_log_timing = {});
    // Stores the access log's queued entries first.
    ~SqlStore() override;
    SqlStore(const SqlStore&) = delete;
    SqlStore& operator=(const SqlStore&) = delete;
    void read(const std::function<void(Transaction&)>& work) override;
    void write(const std::function<void(Transaction&)>& work) override;
    AccessLog& access_log() override { return *access_log_; }
    [[nodiscard]] Driver& driver() { return *driver_; }

private:
    class Lease;
    std::unique_ptr<Connection> acquire();
    void give_back(std::unique_ptr<Connection> c);

    std::unique_ptr<Driver> driver_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::unique_ptr<BatchedAccessLog> access_log_;  // last: its writer uses the pool above
};

}  // namespace assure::sql
