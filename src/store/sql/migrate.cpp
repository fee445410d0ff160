#include "store/sql/migrate.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "core/date.hpp"

namespace assure::sql {

std::vector<Migration> migrations_from(const std::vector<std::pair<std::string_view, std::string_view>>& files) {
    std::vector<Migration> out;
    for (const auto& [path, text] : files) {
        const auto file = path.substr(path.rfind('/') + 1);  // "0001_foundation.sql" -> 1, "foundation"
        int number = 0;
        std::from_chars(file.data(), file.data() + 4, number);
        const auto name = file.substr(5, file.size() - 5 - 4);
        out.push_back({number, std::string(name), std::string(text)});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.number < b.number; });
    return out;
}

namespace {

int newest_applied(Connection& db) {
    auto q = db.prepare("SELECT coalesce(max(number), 0) FROM schema_migrations");
    q->step();
    return q->integer(0);
}

}  // namespace

int migrate(Connection& db, const std::vector<Migration>& migrations, const std::function<void(Connection&)>& begin_write) {
    // Under the write lock, as each migration is: several servers may start at once on one
    // PostgreSQL database, and two CREATE TABLE IF NOT EXISTS at once can both try to create it.
    begin_write(db);
    try {
        db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        db.exec("COMMIT");
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
    const int known = migrations.empty() ? 0 : migrations.back().number;
    if (const int newest = newest_applied(db); newest > known) {
        throw Error(Error::Kind::other, "the database's schema is at migration " + std::to_string(newest) +
                                            ", newer than this version of Assure knows (" + std::to_string(known) +
                                            "): use a newer Assure");
    }
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    int applied = 0;
    for (const auto& m : migrations) {
        begin_write(db);
        try {
            auto check = db.prepare("SELECT 1 FROM schema_migrations WHERE number = ?");
            check->bind(1, m.number);
            if (!check->step()) {
                db.exec(m.sql);
                auto record = db.prepare("INSERT INTO schema_migrations(number, name, applied_at) VALUES (?, ?, ?)");
                record->bind(1, m.number).bind(2, m.name).bind(3, iso_instant(now.count())).run();
                ++applied;
            }
            db.exec("COMMIT");
        } catch (const Error& e) {
            db.exec("ROLLBACK");
            char number[8];
            std::snprintf(number, sizeof number, "%04d", m.number);
            throw Error(e.kind(), "migration " + std::string(number) + " (" + m.name + ") failed and was undone: " + e.what(),
                        e.constraint());
        } catch (...) {
            db.exec("ROLLBACK");
            throw;
        }
    }
    return applied;
}

}  // namespace assure::sql
