#pragma once
// The SQLite implementation of the store ports.
#include <memory>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "store/sqlite/database.hpp"

namespace assure::sqlite {

struct Migration {
    int number;
    std::string name;
    std::string sql;
};

// The numbered migrations compiled into the binary, in order.
std::vector<Migration> bundled_migrations();
// Applies the migrations not yet recorded in schema_migrations, each in its own transaction.
// Returns how many were applied.
int migrate(Connection& db, const std::vector<Migration>& migrations);

class SqliteStore final : public Store {
public:
    // Opens (creating if needed) the database and brings its schema up to date.
    explicit SqliteStore(const std::string& path);
    void read(const std::function<void(Transaction&)>& work) override;
    void write(const std::function<void(Transaction&)>& work) override;
    [[nodiscard]] const std::string& path() const { return pool_.path(); }

private:
    Pool pool_;
};

// Copies a live database with SQLite's online backup API: safe while the server writes.
void backup(const std::string& from_path, const std::string& to_path);
// Replaces `db_path` with the contents of `backup_path` after checking it is an Assure database.
void restore(const std::string& backup_path, const std::string& db_path);

}  // namespace assure::sqlite
