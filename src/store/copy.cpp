#include "store/copy.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/open.hpp"

namespace assure::store {
namespace {

const std::string kMigrations = "schema_migrations";

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string joined(const std::vector<std::string>& names, const std::string& each = "%") {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        std::string item = each;
        item.replace(item.find('%'), 1, quoted(n));
        out += item;
    }
    return out;
}

int schema_version(sql::Connection& db) {
    auto q = db.prepare("SELECT coalesce(max(number), 0) FROM schema_migrations");
    q->step();
    return q->integer(0);
}

long row_count(sql::Connection& db, const std::string& table) {
    auto q = db.prepare("SELECT count(*) FROM " + quoted(table));
    q->step();
    return static_cast<long>(q->int64(0));
}

// Parents before children, so every foreign key finds its row; a table's reference to itself
// is filled in after its rows (see copy_table).
std::vector<sql::Table> in_foreign_key_order(std::vector<sql::Table> tables) {
    std::vector<sql::Table> out;
    std::set<std::string> placed;
    while (!tables.empty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const sql::Table& t) {
            return std::all_of(t.parents.begin(), t.parents.end(), [&](const std::string& p) { return placed.count(p) > 0; });
        });
        if (ready == tables.end()) throw std::runtime_error("the tables' foreign keys form a cycle (" + tables.front().name + ")");
        placed.insert(ready->name);
        out.push_back(std::move(*ready));
        tables.erase(ready);
    }
    return out;
}

// The target must have the same tables with the same columns, whatever their order.
void check_same_shape(const std::vector<sql::Table>& from, const std::vector<sql::Table>& to, const std::string& target) {
    std::map<std::string, std::set<std::string>> theirs;
    for (const auto& t : to) theirs[t.name] = {t.columns.begin(), t.columns.end()};
    for (const auto& t : from) {
        const auto it = theirs.find(t.name);
        if (it == theirs.end()) throw std::runtime_error(target + " has no table " + t.name);
        if (it->second != std::set<std::string>(t.columns.begin(), t.columns.end())) {
            throw std::runtime_error("the table " + t.name + " has other columns in " + target);
        }
        theirs.erase(it);
    }
    if (!theirs.empty()) throw std::runtime_error(target + " has a table the source has not: " + theirs.begin()->first);
}

// Rows go in batches: one INSERT of many rows is one round trip to PostgreSQL instead of one a
// row (England's seven million rows took twelve minutes row by row). 100 rows of the widest
// table stay far below both engines' limits on placeholders (SQLite 32,766; PostgreSQL 65,535).
constexpr std::size_t kRowsPerInsert = 100;

class BatchInsert {
public:
    BatchInsert(sql::Connection& to, const sql::Table& table) : to_(to), table_(table) {}

    // Adds a row (each value, or nothing for NULL); sends the batch when it is full.
    void add(std::vector<std::optional<std::string>> row) {
        rows_.push_back(std::move(row));
        if (rows_.size() == kRowsPerInsert) flush();
    }

    void flush() {
        if (rows_.empty()) return;
        auto& insert = to_.cached(statement_for(rows_.size()));
        int index = 1;
        for (const auto& row : rows_) {
            for (const auto& value : row) {
                if (value) {
                    insert.bind(index++, *value);
                } else {
                    insert.bind_null(index++);
                }
            }
        }
        insert.run();
        rows_.clear();
    }

private:
    std::string statement_for(std::size_t rows) const {
        std::string one;
        for (std::size_t i = 0; i < table_.columns.size(); ++i) one += i ? ", ?" : "(?";
        one += ")";
        std::string sql = "INSERT INTO " + quoted(table_.name) + " (" + joined(table_.columns) + ") VALUES ";
        for (std::size_t r = 0; r < rows; ++r) sql += r ? ", " + one : one;
        return sql;
    }

    sql::Connection& to_;
    const sql::Table& table_;
    std::vector<std::vector<std::optional<std::string>>> rows_;
};

long copy_table(sql::Connection& from, sql::Connection& to, const sql::Table& table) {
    if (!table.self_columns.empty() && std::find(table.columns.begin(), table.columns.end(), "id") == table.columns.end()) {
        throw std::runtime_error("cannot copy " + table.name + ": it refers to itself but has no id column");
    }
    auto rows = from.prepare("SELECT " + joined(table.columns) + " FROM " + quoted(table.name) + " ORDER BY 1");
    BatchInsert insert(to, table);
    // A reference to the same table may point at a row not copied yet: insert it empty, fill it after.
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> later;  // id -> column -> value
    long copied = 0;
    while (rows->step()) {
        std::string id;
        std::map<std::string, std::string> deferred;
        std::vector<std::optional<std::string>> row;
        row.reserve(table.columns.size());
        for (int c = 0; c < static_cast<int>(table.columns.size()); ++c) {
            const auto& column = table.columns[static_cast<std::size_t>(c)];
            if (column == "id") id = rows->text(c);
            const bool self = std::count(table.self_columns.begin(), table.self_columns.end(), column) > 0;
            if (rows->is_null(c) || self) {
                if (!rows->is_null(c)) deferred[column] = rows->text(c);
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(rows->text(c));
            }
        }
        insert.add(std::move(row));
        if (!deferred.empty()) later.emplace_back(id, std::move(deferred));
        ++copied;
    }
    insert.flush();
    for (const auto& [id, values] : later) {
        for (const auto& [column, value] : values) {
            auto& update = to.cached("UPDATE " + quoted(table.name) + " SET " + quoted(column) + " = ? WHERE id = ?");
            update.bind(1, value).bind(2, id).run();
        }
    }
    return copied;
}

// The search index (migration 0032) is not copied: the target's triggers write it as the
// records arrive, and SQLite's FTS5 tables have no counterpart in PostgreSQL.
bool derived(const std::string& table) { return table == "search_entries" || table.rfind("search_fts", 0) == 0; }

// What is copied: every table but the migrations' own and the derived ones.
std::vector<sql::Table> without_migrations(std::vector<sql::Table> tables) {
    std::erase_if(tables, [](const sql::Table& t) { return t.name == kMigrations || derived(t.name); });
    return tables;
}

bool has_migrations(const std::vector<sql::Table>& tables) {
    return std::any_of(tables.begin(), tables.end(), [](const sql::Table& t) { return t.name == kMigrations; });
}

}  // namespace

std::vector<CopiedTable> copy_database(const std::string& from, const std::string& to) {
    auto source_driver = driver_for(from);
    auto target_driver = driver_for(to);
    const std::string source = source_driver->describe(), target = target_driver->describe();
    if (from == to) throw std::runtime_error("the source and the target are the same database (" + source + ")");

    auto src = source_driver->connect();
    const auto source_tables = source_driver->tables(*src);
    if (!has_migrations(source_tables)) throw std::runtime_error(source + " is not an Assure database (no schema_migrations table)");

    auto dst = target_driver->connect();
    for (const auto& t : without_migrations(target_driver->tables(*dst))) {
        if (row_count(*dst, t.name) > 0) {
            throw std::runtime_error(target + " is not empty (its table " + t.name + " has rows): copy only into an empty database");
        }
    }
    target_driver->migrate(*dst);
    const int source_version = schema_version(*src), target_version = schema_version(*dst);
    if (source_version != target_version) {
        throw std::runtime_error(source + " is at schema migration " + std::to_string(source_version) + " and " + target +
                                 " at " + std::to_string(target_version) +
                                 ": bring the source up to date first with 'assure migrate' (or use the Assure that wrote it)");
    }
    const auto tables = in_foreign_key_order(without_migrations(source_tables));
    check_same_shape(tables, without_migrations(target_driver->tables(*dst)), target);

    std::vector<CopiedTable> out;
    src->exec(source_driver->begin_read());
    target_driver->begin_write(*dst);
    try {
        for (const auto& t : tables) {
            out.push_back({t.name, copy_table(*src, *dst, t)});
            target_driver->continue_ids(*dst, t);
        }
        dst->reset_cached();
        dst->exec("COMMIT");
    } catch (...) {
        dst->reset_cached();
        sql::roll_back_after_failure(*dst);
        throw;
    }
    src->exec("COMMIT");
    return out;
}

}  // namespace assure::store
