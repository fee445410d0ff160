#include <algorithm>
#include <charconv>
#include <string_view>
#include <utility>

#include "store/sqlite/store.hpp"

namespace assure::store::sqlite::embedded_migrations {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure::sqlite {

std::vector<Migration> bundled_migrations() {
    std::vector<Migration> out;
    for (const auto& [path, sql] : assure::store::sqlite::embedded_migrations::files()) {
        // ".../migrations/0001_foundation.sql" -> 1, "foundation"
        const auto file = path.substr(path.rfind('/') + 1);
        int number = 0;
        std::from_chars(file.data(), file.data() + 4, number);
        const auto name = file.substr(5, file.size() - 5 - 4);
        out.push_back({number, std::string(name), std::string(sql)});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.number < b.number; });
    return out;
}

int migrate(Connection& db, const std::vector<Migration>& migrations) {
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))");
    int applied = 0;
    for (const auto& m : migrations) {
        db.exec("BEGIN IMMEDIATE");
        try {
            auto check = db.prepare("SELECT 1 FROM schema_migrations WHERE number = ?");
            check.bind(1, m.number);
            if (!check.step()) {
                db.exec(m.sql);
                auto record = db.prepare("INSERT INTO schema_migrations(number, name) VALUES (?, ?)");
                record.bind(1, m.number).bind(2, m.name).run();
                ++applied;
            }
            db.exec("COMMIT");
        } catch (...) {
            db.exec("ROLLBACK");
            throw;
        }
    }
    return applied;
}

}  // namespace assure::sqlite
