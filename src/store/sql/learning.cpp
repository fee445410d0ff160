// Learning and improvement in SQL (decision 0007). Rows are the store's: columns for what the
// queries filter, sort, join or count on; the mapping in learning_rows.cpp. Per collection:
//  - a source's priorities and recommendations are child tables (learning_source_priorities,
//    source_recommendations): lists filter sources by priority, the golden thread lists a
//    priority's recommendations across sources, and the log counts them;
//  - a source's findings and auditors stay in its detail_json: only ever read with the source;
//  - an action's updates and evidence stay in detail_json: read only on the action's page; what
//    lists and figures need of them is a column (last_recorded_on for "stale",
//    has_impact_evidence for "completed without evidence of impact");
//  - a cycle's standards and invitations, a return's answers and where it was shared, stay in
//    detail_json: read with their record (results read a cycle's returns, bounded by whom it invited);
//  - the learning a briefing spreads is a child table (briefing_sources): a source's page and the
//    golden thread ask which briefings spread given sources.
#include <variant>

#include "store/sql/learning_rows.hpp"
#include "store/sql/repos.hpp"

namespace assure::sql {
namespace {

using namespace learning_rows;
using Arg = std::variant<std::int64_t, std::string>;

// A SELECT with the conditions its query object asks for, bound in order.
struct Select {
    std::string sql;
    std::vector<Arg> args;

    void where(const std::string& condition, std::vector<Arg> values = {}) {
        sql += (sql.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ") + condition;
        args.insert(args.end(), std::make_move_iterator(values.begin()), std::make_move_iterator(values.end()));
    }
    void add(std::string tail, std::vector<Arg> values = {}) {
        sql += tail;
        args.insert(args.end(), std::make_move_iterator(values.begin()), std::make_move_iterator(values.end()));
    }
    Statement& bound(Statement& q) const {
        int i = 1;
        for (const auto& a : args) {
            if (std::holds_alternative<std::int64_t>(a)) q.bind(i++, std::get<std::int64_t>(a));
            else q.bind(i++, std::get<std::string>(a));
        }
        return q;
    }
};

// "?, ?, ?" for n values.
std::string marks(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

template <class Tag>
std::vector<Arg> id_args(const std::vector<Id<Tag>>& ids) {
    std::vector<Arg> out;
    for (const auto& id : ids) out.emplace_back(id.value);
    return out;
}

void bind_optional_id(Statement& q, int index, std::int64_t id) {
    if (id > 0) q.bind(index, id);
    else q.bind_null(index);
}

// The states of core's improvement_open and of the actions under way that improvement_stale
// looks at (core/learning_actions.cpp): "stale" ("no recent update") counts only actions under
// way, agreed or in progress; overdue counts every open one, proposed too.
const std::string kOpenStates = "('proposed', 'agreed', 'in_progress')";
const std::string kUnderWayStates = "('agreed', 'in_progress')";
const std::string kContains = "LIKE '%' || lower(?) || '%'";

// The conditions of an ImprovementQuery (not its page) on improvement_actions `a`.
void improvement_conditions(Select& s, const ImprovementQuery& q) {
    s.where("a.partnership_id = ?", {q.partnership.value});
    if (!q.states.empty()) {
        std::vector<Arg> states;
        for (ActionState st : q.states) states.emplace_back(key(st));
        const std::string condition = "a.state IN (" + marks(states.size()) + ")";  // before `states` is moved from
        s.where(condition, std::move(states));
    }
    if (q.agency) s.where("a.agency_id = ?", {q.agency->value});
    if (q.group) s.where("a.group_id = ?", {q.group->value});
    if (!q.priority.empty()) s.where("a.priority = ?", {q.priority});
    if (q.source) s.where("a.source_id = ?", {q.source->value});
    if (q.recommendation) s.where("a.recommendation = ?", {static_cast<std::int64_t>(*q.recommendation)});
    if (q.audit_return) s.where("a.audit_return_id = ?", {q.audit_return->value});
    if (q.overdue_on) s.where("a.state IN " + kOpenStates + " AND a.due < ?", {q.overdue_on->iso()});
    if (q.stale_on) {
        s.where("a.state IN " + kUnderWayStates + " AND a.last_recorded_on < ?",
                {Date::from_days(q.stale_on->days() - q.stale_days).iso()});
    }
    if (q.without_impact) s.where("a.state = 'completed' AND a.has_impact_evidence = 0");
    if (!q.text.empty()) s.where("lower(a.text) " + kContains, {q.text});
}

// The conditions of a SourceQuery (not its page) on learning_sources `s`.
void source_conditions(Select& s, const SourceQuery& q) {
    s.where("s.partnership_id = ?", {q.partnership.value});
    if (q.kind) s.where("s.kind = ?", {key(*q.kind)});
    if (!q.priority.empty()) {
        // One set of ids from the two partnership-led priority indexes. Two correlated EXISTS
        // joined by OR cannot become a join: PostgreSQL hashed the first one over every
        // partnership's rows (20 ms at ten years, where this takes 1 ms).
        s.where("s.id IN (SELECT p.source_id FROM learning_source_priorities p WHERE p.partnership_id = ? AND p.priority = ? "
                "UNION ALL SELECT sr.source_id FROM source_recommendations sr WHERE sr.partnership_id = ? AND sr.priority = ?)",
                {q.partnership.value, q.priority, q.partnership.value, q.priority});
    }
    if (!q.text.empty()) s.where("(lower(s.title) " + kContains + " OR lower(s.summary) " + kContains + ")", {q.text, q.text});
    if (q.from) s.where("s.on_date >= ?", {q.from->iso()});
    if (q.to) s.where("s.on_date <= ?", {q.to->iso()});
}

std::int64_t cursor_id(const std::string& text) {
    std::int64_t out = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || out > 100'000'000'000'000LL) {
            throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
        }
        out = out * 10 + (c - '0');
    }
    return out;
}

// Reads each source's priorities and recommendations (two queries for a whole page).
void add_children(Connection& db, std::vector<LearningSource>& sources) {
    if (sources.empty()) return;
    std::map<LearningSourceId, LearningSource*> by_id;
    std::vector<LearningSourceId> ids;
    for (auto& s : sources) {
        by_id[s.id] = &s;
        ids.push_back(s.id);
    }
    auto priorities = db.prepare("SELECT source_id, priority FROM learning_source_priorities WHERE source_id IN (" + marks(ids.size()) +
                                 ") ORDER BY source_id, position");
    Select{"", id_args(ids)}.bound(*priorities);
    while (priorities->step()) by_id.at(LearningSourceId{priorities->int64(0)})->priorities.push_back(priorities->text(1));
    auto recs = db.prepare("SELECT source_id, number, text, priority, agency_ids, review_recommendation_id FROM source_recommendations "
                           "WHERE source_id IN (" + marks(ids.size()) + ") ORDER BY source_id, number");
    Select{"", id_args(ids)}.bound(*recs);
    while (recs->step()) by_id.at(LearningSourceId{recs->int64(0)})->recommendations.push_back(recommendation_of(*recs, 1));
}

void write_children(Connection& db, const LearningSource& s) {
    auto& clear_priorities = db.cached("DELETE FROM learning_source_priorities WHERE source_id = ?");
    clear_priorities.bind(1, s.id.value).run();
    auto& clear_recs = db.cached("DELETE FROM source_recommendations WHERE source_id = ?");
    clear_recs.bind(1, s.id.value).run();
    int position = 0;
    for (const auto& p : s.priorities) {
        auto& q = db.cached(
            "INSERT INTO learning_source_priorities(source_id, partnership_id, position, priority) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (source_id, priority) DO NOTHING");
        q.bind(1, s.id.value).bind(2, s.partnership.value).bind(3, position++).bind(4, p).run();
    }
    for (const auto& r : s.recommendations) {
        auto& q = db.cached(
            "INSERT INTO source_recommendations(source_id, partnership_id, number, text, priority, agency_ids, review_recommendation_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, s.id.value).bind(2, s.partnership.value).bind(3, r.number).bind(4, r.text).bind(5, r.priority).bind(6, agency_ids_text(r.agencies));
        bind_optional_id(q, 7, r.review_recommendation.value);
        q.run();
    }
}

void add_briefing_sources(Connection& db, std::vector<Briefing>& briefings) {
    if (briefings.empty()) return;
    std::map<BriefingId, Briefing*> by_id;
    std::vector<BriefingId> ids;
    for (auto& b : briefings) {
        by_id[b.id] = &b;
        ids.push_back(b.id);
    }
    auto q = db.prepare("SELECT briefing_id, source_id FROM briefing_sources WHERE briefing_id IN (" + marks(ids.size()) +
                        ") ORDER BY briefing_id, source_id");
    Select{"", id_args(ids)}.bound(*q);
    while (q->step()) by_id.at(BriefingId{q->int64(0)})->sources.push_back(LearningSourceId{q->int64(1)});
}

std::vector<Briefing> briefings_where(Connection& db, Select s) {
    s.add(" ORDER BY b.on_date DESC, b.id DESC");
    auto q = db.prepare(s.sql);
    s.bound(*q);
    std::vector<Briefing> out;
    while (q->step()) out.push_back(briefing_of(*q));
    add_briefing_sources(db, out);
    return out;
}

void bind_action(Statement& q, const ImprovementAction& a) {  // the 18 columns before the key columns
    bind_optional_id(q, 1, a.source.value);
    q.bind(2, a.recommendation);
    bind_optional_id(q, 3, a.audit_return.value);
    q.bind(4, a.standard).bind(5, a.text).bind(6, a.agency.value);
    bind_optional_id(q, 7, a.lead.value);
    q.bind(8, a.due.iso()).bind(9, a.success_measure);
    bind_optional_id(q, 10, a.group.value);
    q.bind(11, a.priority).bind(12, key(a.state)).bind(13, a.superseded_reason).bind(14, a.created_on.iso());
    q.bind(15, last_recorded_on(a).iso()).bind(16, has_impact_evidence(a)).bind(17, action_detail(a));
    if (const auto closed = improvement_closed_on(a)) {
        q.bind(18, closed->iso());
    } else {
        q.bind_null(18);
    }
}

void bind_return(Statement& q, const AuditReturn& r) {  // the 11 columns after the key columns
    q.bind(1, key(r.status));
    if (r.submitted_on) q.bind(2, r.submitted_on->iso());
    else q.bind_null(2);
    q.bind(3, r.submitted_by).bind(4, r.challenge_notes);
    if (r.moderated_on) q.bind(5, r.moderated_on->iso());
    else q.bind_null(5);
    if (r.shared_from) {
        q.bind(6, r.shared_from->partnership.value);
        bind_optional_id(q, 7, r.shared_from->source.value);
        q.bind(8, r.shared_from->shared_on.iso());
    } else {
        q.bind_null(6).bind_null(7).bind_null(8);
    }
    q.bind(9, return_detail(r));
}

}  // namespace

// ---- sources --------------------------------------------------------------------------------------

Page<LearningSource> SqlLearning::sources(const SourceQuery& query) {
    Select s{std::string("SELECT ") + kSourceColumns + " FROM learning_sources s", {}};
    source_conditions(s, query);
    if (!query.page.after.empty()) {
        const auto key = cursor_parts(query.page.after, 2);
        s.where("(s.on_date < ? OR (s.on_date = ? AND s.id < ?))", {key[0], key[0], cursor_id(key[1])});
    }
    s.add(" ORDER BY s.on_date DESC, s.id DESC LIMIT ?", {static_cast<std::int64_t>(query.page.limit + 1)});
    auto& q = db_.cached(s.sql);
    s.bound(q);
    std::vector<LearningSource> rows;
    while (q.step()) rows.push_back(source_of(q));
    q.reset();
    add_children(db_, rows);
    return page_of(std::move(rows), query.page.limit, [](const LearningSource& x) { return std::vector<std::string>{x.on.iso(), x.id.str()}; });
}

int SqlLearning::count_sources(const SourceQuery& query) {
    Select s{"SELECT count(*) FROM learning_sources s", {}};
    source_conditions(s, query);
    auto& q = db_.cached(s.sql);
    s.bound(q);
    return q.step() ? q.integer(0) : 0;
}

std::optional<LearningSource> SqlLearning::find_source(PartnershipId p, LearningSourceId id) {
    auto& q = db_.cached(std::string("SELECT ") + kSourceColumns + " FROM learning_sources s WHERE s.partnership_id = ? AND s.id = ?");
    q.bind(1, p.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<LearningSource> one{source_of(q)};
    q.reset();
    add_children(db_, one);
    return one.front();
}

std::map<LearningSourceId, std::string> SqlLearning::source_titles(PartnershipId p, const std::vector<LearningSourceId>& ids) {
    std::map<LearningSourceId, std::string> out;
    if (ids.empty()) return out;
    auto q = db_.prepare("SELECT id, title FROM learning_sources WHERE +partnership_id = ? AND id IN (" + marks(ids.size()) + ")");
    std::vector<Arg> args{p.value};
    for (auto& a : id_args(ids)) args.push_back(std::move(a));
    Select{"", std::move(args)}.bound(*q);
    while (q->step()) out[LearningSourceId{q->int64(0)}] = q->text(1);
    return out;
}

std::vector<PriorityRecommendation> SqlLearning::recommendations_for(PartnershipId p, const std::string& priority) {
    auto& q = db_.cached(
        "SELECT r.source_id, s.title, r.number, r.text, r.priority, r.agency_ids, r.review_recommendation_id "
        "FROM source_recommendations r JOIN learning_sources s ON s.id = r.source_id "
        "WHERE r.partnership_id = ? AND r.priority = ? ORDER BY s.on_date DESC, s.id DESC, r.number");
    q.bind(1, p.value).bind(2, priority);
    std::vector<PriorityRecommendation> out;
    while (q.step()) out.push_back({LearningSourceId{q.int64(0)}, q.text(1), recommendation_of(q, 2)});
    return out;
}

int SqlLearning::count_recommendations_for(PartnershipId p, const std::string& priority) {
    auto& q = db_.cached("SELECT count(*) FROM source_recommendations WHERE partnership_id = ? AND priority = ?");
    q.bind(1, p.value).bind(2, priority);
    q.step();
    return q.integer(0);
}

LearningSourceId SqlLearning::insert_source(const LearningSource& s) {
    auto& q = db_.cached(
        "INSERT INTO learning_sources(partnership_id, kind, on_date, title, status, summary, review_id, agency_id, detail_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, s.partnership.value).bind(2, key(s.kind)).bind(3, s.on.iso()).bind(4, s.title).bind(5, key(s.status)).bind(6, s.summary);
    bind_optional_id(q, 7, s.review.value);
    bind_optional_id(q, 8, s.agency.value);
    q.bind(9, source_detail(s)).run();
    LearningSource saved = s;
    saved.id = LearningSourceId{db_.last_insert_id()};
    write_children(db_, saved);
    return saved.id;
}

bool SqlLearning::update_source(const LearningSource& s) {
    auto& q = db_.cached(
        "UPDATE learning_sources SET kind = ?, on_date = ?, title = ?, status = ?, summary = ?, review_id = ?, agency_id = ?, "
        "detail_json = ?, version = version + 1 WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, key(s.kind)).bind(2, s.on.iso()).bind(3, s.title).bind(4, key(s.status)).bind(5, s.summary);
    bind_optional_id(q, 6, s.review.value);
    bind_optional_id(q, 7, s.agency.value);
    q.bind(8, source_detail(s)).bind(9, s.id.value).bind(10, s.partnership.value).bind(11, s.version).run();
    if (db_.changes() != 1) return false;
    write_children(db_, s);
    return true;
}

// ---- the action plan --------------------------------------------------------------------------------

Page<ImprovementAction> SqlLearning::improvements(const ImprovementQuery& query) {
    Select s{std::string("SELECT ") + kActionColumns + " FROM improvement_actions a", {}};
    improvement_conditions(s, query);
    if (!query.page.after.empty()) {
        const auto key = cursor_parts(query.page.after, 2);
        s.where("(a.due > ? OR (a.due = ? AND a.id > ?))", {key[0], key[0], cursor_id(key[1])});
    }
    s.add(" ORDER BY a.due, a.id LIMIT ?", {static_cast<std::int64_t>(query.page.limit + 1)});
    auto& q = db_.cached(s.sql);
    s.bound(q);
    std::vector<ImprovementAction> rows;
    while (q.step()) rows.push_back(action_of(q));
    return page_of(std::move(rows), query.page.limit, [](const ImprovementAction& a) { return std::vector<std::string>{a.due.iso(), a.id.str()}; });
}

ImprovementCounts SqlLearning::count_improvements(const ImprovementQuery& query, Date today) {
    Select s{"SELECT count(*), "
             "coalesce(sum(CASE WHEN a.state IN " + kOpenStates + " THEN 1 ELSE 0 END), 0), "
             "coalesce(sum(CASE WHEN a.state IN " + kOpenStates + " AND a.due < ? THEN 1 ELSE 0 END), 0), "
             "coalesce(sum(CASE WHEN a.state IN " + kUnderWayStates + " AND a.last_recorded_on < ? THEN 1 ELSE 0 END), 0), "
             "coalesce(sum(CASE WHEN a.state = 'completed' AND a.has_impact_evidence = 0 THEN 1 ELSE 0 END), 0), "
             "coalesce(sum(CASE WHEN a.state = 'evidenced' THEN 1 ELSE 0 END), 0) FROM improvement_actions a",
             {today.iso(), Date::from_days(today.days() - query.stale_days).iso()}};
    improvement_conditions(s, query);
    auto& q = db_.cached(s.sql);
    s.bound(q);
    ImprovementCounts out;
    if (q.step()) out = {q.integer(0), q.integer(1), q.integer(2), q.integer(3), q.integer(4), q.integer(5)};
    return out;
}

// One statement whatever the number of days: two sums per day, each core's
// improvement_open_on / improvement_overdue_on written over the stored columns.
std::vector<ImprovementTrendPoint> SqlLearning::improvement_trend(const ImprovementQuery& query, const std::vector<Date>& days) {
    if (days.empty()) return {};
    std::string sums;
    std::vector<Arg> values;
    for (const Date d : days) {
        const std::string open = "a.created_on <= ? AND (a.closed_on IS NULL OR ? < a.closed_on)";
        sums += std::string(sums.empty() ? "" : ", ") + "coalesce(sum(CASE WHEN " + open + " THEN 1 ELSE 0 END), 0), " +
                "coalesce(sum(CASE WHEN " + open + " AND a.due < ? THEN 1 ELSE 0 END), 0)";
        for (int i = 0; i < 5; ++i) values.emplace_back(d.iso());
    }
    Select s{"SELECT " + sums + " FROM improvement_actions a", std::move(values)};
    improvement_conditions(s, query);
    auto& q = db_.cached(s.sql);
    s.bound(q);
    std::vector<ImprovementTrendPoint> out;
    if (!q.step()) return out;
    for (std::size_t i = 0; i < days.size(); ++i) {
        out.push_back({days[i], q.integer(static_cast<int>(2 * i)), q.integer(static_cast<int>(2 * i + 1))});
    }
    return out;
}

std::optional<ImprovementAction> SqlLearning::find_improvement(PartnershipId p, ImprovementId id) {
    auto& q = db_.cached(std::string("SELECT ") + kActionColumns + " FROM improvement_actions a WHERE a.partnership_id = ? AND a.id = ?");
    q.bind(1, p.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return action_of(q);
}

ImprovementId SqlLearning::insert_improvement(const ImprovementAction& a) {
    auto& q = db_.cached(
        "INSERT INTO improvement_actions(source_id, recommendation, audit_return_id, standard, text, agency_id, lead_id, due, "
        "success_measure, group_id, priority, state, superseded_reason, created_on, last_recorded_on, has_impact_evidence, detail_json, "
        "closed_on, partnership_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_action(q, a);
    q.bind(19, a.partnership.value).run();
    return ImprovementId{db_.last_insert_id()};
}

bool SqlLearning::update_improvement(const ImprovementAction& a) {
    auto& q = db_.cached(
        "UPDATE improvement_actions SET source_id = ?, recommendation = ?, audit_return_id = ?, standard = ?, text = ?, agency_id = ?, "
        "lead_id = ?, due = ?, success_measure = ?, group_id = ?, priority = ?, state = ?, superseded_reason = ?, created_on = ?, "
        "last_recorded_on = ?, has_impact_evidence = ?, detail_json = ?, closed_on = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    bind_action(q, a);
    q.bind(19, a.id.value).bind(20, a.partnership.value).bind(21, a.version).run();
    return db_.changes() == 1;
}

// ---- cycles and returns -------------------------------------------------------------------------------

std::vector<AuditCycle> SqlLearning::cycles(PartnershipId p) {
    auto& q = db_.cached(std::string("SELECT ") + kCycleColumns + " FROM audit_cycles c WHERE c.partnership_id = ? ORDER BY c.opens DESC, c.id DESC");
    q.bind(1, p.value);
    std::vector<AuditCycle> out;
    while (q.step()) out.push_back(cycle_of(q));
    return out;
}

std::optional<AuditCycle> SqlLearning::find_cycle(PartnershipId p, AuditCycleId id) {
    auto& q = db_.cached(std::string("SELECT ") + kCycleColumns + " FROM audit_cycles c WHERE c.partnership_id = ? AND c.id = ?");
    q.bind(1, p.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return cycle_of(q);
}

AuditCycleId SqlLearning::insert_cycle(const AuditCycle& c) {
    auto& q = db_.cached(
        "INSERT INTO audit_cycles(partnership_id, kind, title, opens, closes, scale, closed, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.partnership.value).bind(2, key(c.kind)).bind(3, c.title).bind(4, c.opens.iso()).bind(5, c.closes.iso());
    q.bind(6, key(c.scale)).bind(7, c.closed).bind(8, cycle_detail(c)).run();
    return AuditCycleId{db_.last_insert_id()};
}

bool SqlLearning::update_cycle(const AuditCycle& c) {
    auto& q = db_.cached(
        "UPDATE audit_cycles SET kind = ?, title = ?, opens = ?, closes = ?, scale = ?, closed = ?, detail_json = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    q.bind(1, key(c.kind)).bind(2, c.title).bind(3, c.opens.iso()).bind(4, c.closes.iso()).bind(5, key(c.scale)).bind(6, c.closed);
    q.bind(7, cycle_detail(c)).bind(8, c.id.value).bind(9, c.partnership.value).bind(10, c.version).run();
    return db_.changes() == 1;
}

std::optional<AuditReturn> SqlLearning::find_return(PartnershipId p, AuditReturnId id) {
    auto& q = db_.cached(std::string("SELECT ") + kReturnColumns + " FROM audit_returns r WHERE r.partnership_id = ? AND r.id = ?");
    q.bind(1, p.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return return_of(q);
}

std::optional<AuditReturn> SqlLearning::find_return(PartnershipId p, AuditCycleId cycle, AgencyId agency) {
    auto& q = db_.cached(std::string("SELECT ") + kReturnColumns +
                         " FROM audit_returns r WHERE r.partnership_id = ? AND r.cycle_id = ? AND r.agency_id = ?");
    q.bind(1, p.value).bind(2, cycle.value).bind(3, agency.value);
    if (!q.step()) return std::nullopt;
    return return_of(q);
}

std::vector<AuditReturn> SqlLearning::returns_of(PartnershipId p, AuditCycleId cycle) {
    auto& q = db_.cached(std::string("SELECT ") + kReturnColumns +
                         " FROM audit_returns r WHERE r.partnership_id = ? AND r.cycle_id = ? ORDER BY r.agency_id");
    q.bind(1, p.value).bind(2, cycle.value);
    std::vector<AuditReturn> out;
    while (q.step()) out.push_back(return_of(q));
    return out;
}

std::optional<EarlierReturn> SqlLearning::earlier_return(PartnershipId p, AgencyId agency, AuditKind kind, Date before) {
    auto& q = db_.cached(std::string("SELECT ") + kCycleColumns + ", " + kReturnColumns +
                         " FROM audit_returns r JOIN audit_cycles c ON c.id = r.cycle_id "
                         "WHERE r.partnership_id = ? AND r.agency_id = ? AND r.status = 'submitted' AND c.kind = ? AND c.closes < ? "
                         "ORDER BY c.closes DESC, c.id DESC LIMIT 1");
    q.bind(1, p.value).bind(2, agency.value).bind(3, key(kind)).bind(4, before.iso());
    if (!q.step()) return std::nullopt;
    return EarlierReturn{cycle_of(q), return_of(q, kCycleColumnCount)};
}

std::vector<ReturnOrigin> SqlLearning::return_origins(PartnershipId p, const std::vector<AuditReturnId>& ids) {
    std::vector<ReturnOrigin> out;
    if (ids.empty()) return out;
    auto q = db_.prepare("SELECT r.id, r.cycle_id, r.agency_id, c.title FROM audit_returns r JOIN audit_cycles c ON c.id = r.cycle_id "
                         "WHERE +r.partnership_id = ? AND r.id IN (" + marks(ids.size()) + ")");
    std::vector<Arg> args{p.value};
    for (auto& a : id_args(ids)) args.push_back(std::move(a));
    Select{"", std::move(args)}.bound(*q);
    while (q->step()) out.push_back({AuditReturnId{q->int64(0)}, AuditCycleId{q->int64(1)}, AgencyId{q->int64(2)}, q->text(3)});
    return out;
}

AuditReturnId SqlLearning::insert_return(const AuditReturn& r) {
    auto& q = db_.cached(
        "INSERT INTO audit_returns(status, submitted_on, submitted_by, challenge_notes, moderated_on, shared_from_partnership_id, "
        "shared_from_return_id, shared_from_on, detail_json, partnership_id, cycle_id, agency_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_return(q, r);
    q.bind(10, r.partnership.value).bind(11, r.cycle.value).bind(12, r.agency.value).run();
    return AuditReturnId{db_.last_insert_id()};
}

bool SqlLearning::update_return(const AuditReturn& r) {
    auto& q = db_.cached(
        "UPDATE audit_returns SET status = ?, submitted_on = ?, submitted_by = ?, challenge_notes = ?, moderated_on = ?, "
        "shared_from_partnership_id = ?, shared_from_return_id = ?, shared_from_on = ?, detail_json = ?, version = version + 1 "
        "WHERE id = ? AND partnership_id = ? AND version = ?");
    bind_return(q, r);
    q.bind(10, r.id.value).bind(11, r.partnership.value).bind(12, r.version).run();
    return db_.changes() == 1;
}

// ---- briefings ------------------------------------------------------------------------------------------

std::vector<Briefing> SqlLearning::briefings(PartnershipId p) {
    return briefings_where(db_, Select{std::string("SELECT ") + kBriefingColumns + " FROM briefings b WHERE b.partnership_id = ?", {p.value}});
}

std::vector<Briefing> SqlLearning::briefings_for(PartnershipId p, const std::vector<LearningSourceId>& sources) {
    if (sources.empty()) return {};
    std::vector<Arg> args{p.value, p.value};
    for (auto& a : id_args(sources)) args.push_back(std::move(a));
    return briefings_where(db_, Select{std::string("SELECT ") + kBriefingColumns +
                                           " FROM briefings b WHERE b.partnership_id = ? AND b.id IN (SELECT briefing_id FROM briefing_sources "
                                           "WHERE partnership_id = ? AND source_id IN (" + marks(sources.size()) + "))",
                                       std::move(args)});
}

BriefingId SqlLearning::insert_briefing(const Briefing& b) {
    auto& q = db_.cached(
        "INSERT INTO briefings(partnership_id, kind, title, on_date, audience, link, reached) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, b.partnership.value).bind(2, key(b.kind)).bind(3, b.title).bind(4, b.on.iso()).bind(5, b.audience).bind(6, b.link);
    q.bind(7, b.reached).run();
    const BriefingId id{db_.last_insert_id()};
    for (const auto& source : b.sources) {
        auto& s = db_.cached(
            "INSERT INTO briefing_sources(briefing_id, source_id, partnership_id) VALUES (?, ?, ?) ON CONFLICT (briefing_id, source_id) DO NOTHING");
        s.bind(1, id.value).bind(2, source.value).bind(3, b.partnership.value).run();
    }
    return id;
}

}  // namespace assure::sql
