// The schema as PostgreSQL's catalogue describes it, in the connection's current schema.
#include "store/postgres/store.hpp"

namespace assure::postgres {
namespace {

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::vector<sql::Table> Driver::tables(sql::Connection& db) {
    std::vector<sql::Table> out;
    {
        auto q = db.prepare(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name");
        while (q->step()) out.push_back({q->text(0), {}, {}, {}});
    }
    for (auto& t : out) {
        auto columns = db.prepare(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
            "ORDER BY ordinal_position");
        columns->bind(1, t.name);
        while (columns->step()) t.columns.push_back(columns->text(0));
        auto keys = db.prepare(
            "SELECT parent.relname, a.attname FROM pg_constraint c "
            "JOIN pg_class child ON child.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = current_schema() "
            "JOIN pg_class parent ON parent.oid = c.confrelid "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
            "WHERE c.contype = 'f' AND child.relname = ?");
        keys->bind(1, t.name);
        while (keys->step()) {
            if (keys->text(0) == t.name) {
                t.self_columns.push_back(keys->text(1));
            } else {
                t.parents.push_back(keys->text(0));
            }
        }
    }
    return out;
}

void Driver::continue_ids(sql::Connection& db, const sql::Table& table) {
    auto q = db.prepare(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
        "AND is_identity = 'YES'");
    q->bind(1, table.name);
    std::vector<std::string> identities;
    while (q->step()) identities.push_back(q->text(0));
    for (const auto& column : identities) {
        // The next id is the largest copied + 1 (or 1 for an empty table).
        db.exec("SELECT setval(pg_get_serial_sequence(" + std::string("'") + quoted(table.name) + "', '" + column +
                "'), coalesce((SELECT max(" + quoted(column) + ") FROM " + quoted(table.name) + "), 0) + 1, false)");
    }
}

}  // namespace assure::postgres
