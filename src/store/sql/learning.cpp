// Learning records in SQLite: one generic table shape (the record's JSON, its version, its
// partnership) plus, per record type, the columns that queries and constraints need.
#include <variant>

#include "app/learning_json.hpp"
#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

struct Column {
    const char* name;
    std::variant<std::int64_t, std::string> value;
};

std::vector<Column> columns_of(const LearningSource& s) {
    return {{"kind", std::string(source_kind_key(s.kind))}, {"on_date", s.on.iso()}};
}
std::vector<Column> columns_of(const ImprovementAction& a) {
    return {{"agency_id", a.agency.value}, {"state", std::string(action_state_key(a.state))}, {"due", a.due.iso()}};
}
std::vector<Column> columns_of(const AuditCycle& c) { return {{"kind", std::string(audit_kind_key(c.kind))}}; }
std::vector<Column> columns_of(const AuditReturn& r) {
    return {{"cycle_id", r.cycle.value}, {"agency_id", r.agency.value}, {"status", std::string(return_status_key(r.status))}};
}
std::vector<Column> columns_of(const Briefing& b) {
    return {{"kind", std::string(briefing_kind_key(b.kind))}, {"on_date", b.on.iso()}};
}

void bind_columns(Statement& q, int first, const std::vector<Column>& columns) {
    for (const auto& c : columns) {
        if (std::holds_alternative<std::int64_t>(c.value)) q.bind(first++, std::get<std::int64_t>(c.value));
        else q.bind(first++, std::get<std::string>(c.value));
    }
}

template <class T>
T read_record(const Statement& q) {  // id, partnership_id, record_json, version
    T out = nlohmann::json::parse(q.text(2)).get<T>();
    out.id = decltype(out.id){q.int64(0)};
    out.partnership = PartnershipId{q.int64(1)};
    out.version = q.integer(3);
    return out;
}

template <class T>
std::vector<T> list_of(Connection& db, const std::string& table, PartnershipId p) {
    auto& q = db.cached("SELECT id, partnership_id, record_json, version FROM " + table + " WHERE partnership_id = ? ORDER BY id");
    q.bind(1, p.value);
    std::vector<T> out;
    while (q.step()) out.push_back(read_record<T>(q));
    return out;
}

template <class T, class IdT>
std::optional<T> find_of(Connection& db, const std::string& table, PartnershipId p, IdT id) {
    auto& q = db.cached("SELECT id, partnership_id, record_json, version FROM " + table + " WHERE partnership_id = ? AND id = ?");
    q.bind(1, p.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_record<T>(q);
}

template <class T>
std::int64_t insert_of(Connection& db, const std::string& table, const T& record) {
    const auto columns = columns_of(record);
    std::string names = "partnership_id, record_json", marks = "?, ?";
    for (const auto& c : columns) {
        names += std::string(", ") + c.name;
        marks += ", ?";
    }
    auto& q = db.cached("INSERT INTO " + table + "(" + names + ") VALUES (" + marks + ")");
    q.bind(1, record.partnership.value).bind(2, nlohmann::json(record).dump());
    bind_columns(q, 3, columns);
    q.run();
    return db.last_insert_id();
}

template <class T>
bool update_of(Connection& db, const std::string& table, const T& record) {
    const auto columns = columns_of(record);
    std::string sets = "record_json = ?, version = version + 1";
    for (const auto& c : columns) sets += std::string(", ") + c.name + " = ?";
    auto& q = db.cached("UPDATE " + table + " SET " + sets + " WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, nlohmann::json(record).dump());
    bind_columns(q, 2, columns);
    const int next = 2 + static_cast<int>(columns.size());
    q.bind(next, record.id.value).bind(next + 1, record.partnership.value).bind(next + 2, record.version).run();
    return db.changes() == 1;
}

const std::string kSources = "learning_sources";
const std::string kActions = "improvement_actions";
const std::string kCycles = "audit_cycles";
const std::string kReturns = "audit_returns";
const std::string kBriefings = "briefings";

}  // namespace

std::vector<LearningSource> SqlLearning::sources(PartnershipId p) { return list_of<LearningSource>(db_, kSources, p); }
std::optional<LearningSource> SqlLearning::find_source(PartnershipId p, LearningSourceId id) {
    return find_of<LearningSource>(db_, kSources, p, id);
}
LearningSourceId SqlLearning::insert_source(const LearningSource& s) { return LearningSourceId{insert_of(db_, kSources, s)}; }
bool SqlLearning::update_source(const LearningSource& s) { return update_of(db_, kSources, s); }

std::vector<ImprovementAction> SqlLearning::improvements(PartnershipId p) { return list_of<ImprovementAction>(db_, kActions, p); }
std::optional<ImprovementAction> SqlLearning::find_improvement(PartnershipId p, ImprovementId id) {
    return find_of<ImprovementAction>(db_, kActions, p, id);
}
ImprovementId SqlLearning::insert_improvement(const ImprovementAction& a) { return ImprovementId{insert_of(db_, kActions, a)}; }
bool SqlLearning::update_improvement(const ImprovementAction& a) { return update_of(db_, kActions, a); }

std::vector<AuditCycle> SqlLearning::cycles(PartnershipId p) { return list_of<AuditCycle>(db_, kCycles, p); }
std::optional<AuditCycle> SqlLearning::find_cycle(PartnershipId p, AuditCycleId id) { return find_of<AuditCycle>(db_, kCycles, p, id); }
AuditCycleId SqlLearning::insert_cycle(const AuditCycle& c) { return AuditCycleId{insert_of(db_, kCycles, c)}; }
bool SqlLearning::update_cycle(const AuditCycle& c) { return update_of(db_, kCycles, c); }

std::vector<AuditReturn> SqlLearning::returns(PartnershipId p) { return list_of<AuditReturn>(db_, kReturns, p); }
std::optional<AuditReturn> SqlLearning::find_return(PartnershipId p, AuditReturnId id) { return find_of<AuditReturn>(db_, kReturns, p, id); }
AuditReturnId SqlLearning::insert_return(const AuditReturn& r) { return AuditReturnId{insert_of(db_, kReturns, r)}; }
bool SqlLearning::update_return(const AuditReturn& r) { return update_of(db_, kReturns, r); }

std::vector<Briefing> SqlLearning::briefings(PartnershipId p) { return list_of<Briefing>(db_, kBriefings, p); }
BriefingId SqlLearning::insert_briefing(const Briefing& b) { return BriefingId{insert_of(db_, kBriefings, b)}; }

}  // namespace assure::sql
