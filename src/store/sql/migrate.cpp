#include "store/sql/migrate.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "core/date.hpp"
#include "store/sql/audit_chain.hpp"

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

// Steps a migration needs that SQL cannot do in both engines (a SHA-256 over each row), named
// in the migration's file by a line "-- step: <name>" where they run, between its statements.
void run_step(Connection& db, std::string_view name) {
    if (name == "chain_audit_log") return chain_existing_audit_rows(db);
    throw Error(Error::Kind::other, "unknown migration step '" + std::string(name) + "'");
}

void run_migration(Connection& db, const std::string& text) {
    static constexpr std::string_view marker = "-- step: ";
    std::size_t start = 0;
    for (;;) {
        auto at = text.find(marker, start);
        while (at != std::string::npos && at != 0 && text[at - 1] != '\n') at = text.find(marker, at + 1);
        if (at == std::string::npos) break;
        if (const auto part = text.substr(start, at - start); part.find_first_not_of(" \n\t") != std::string::npos) db.exec(part);
        const auto end = text.find('\n', at);
        const auto name_end = end == std::string::npos ? text.size() : end;
        run_step(db, std::string_view(text).substr(at + marker.size(), name_end - at - marker.size()));
        start = name_end;
    }
    if (const auto rest = text.substr(start); rest.find_first_not_of(" \n\t") != std::string::npos) db.exec(rest);
}

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
        roll_back_after_failure(db);
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
                run_migration(db, m.sql);
                auto record = db.prepare("INSERT INTO schema_migrations(number, name, applied_at) VALUES (?, ?, ?)");
                record->bind(1, m.number).bind(2, m.name).bind(3, iso_instant(now.count())).run();
                ++applied;
            }
            db.exec("COMMIT");
        } catch (const Error& e) {
            roll_back_after_failure(db);
            char number[8];
            std::snprintf(number, sizeof number, "%04d", m.number);
            throw Error(e.kind(), "migration " + std::string(number) + " (" + m.name + ") failed and was undone: " + e.what(),
                        e.constraint());
        } catch (...) {
            roll_back_after_failure(db);
            throw;
        }
    }
    return applied;
}

}  // namespace assure::sql
