#include "store/sql/training_needs.hpp"

#include <map>

#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kAnalyses = "training_needs_analyses";
constexpr const char* kReturns = "training_needs_returns";
constexpr const char* kAnalysisColumns = "SELECT id, partnership_id, title, opens_on, closes_on, next_due_on, version FROM training_needs_analyses ";
// A return with its agency's name and the name of the person who submitted it.
constexpr const char* kReturnColumns =
    "SELECT r.id, r.analysis_id, r.agency_id, a.name, r.state, r.workforce, r.trained, r.gaps, r.submitted_on, COALESCE(p.name, ''), r.version "
    "FROM training_needs_returns r JOIN agencies a ON a.id = r.agency_id LEFT JOIN users u ON u.id = r.submitted_by "
    "LEFT JOIN people p ON p.id = u.person_id ";

NeedsAnalysis read_analysis(const Statement& q) {
    NeedsAnalysis a;
    a.id = NeedsAnalysisId{q.int64(0)};
    a.partnership = PartnershipId{q.int64(1)};
    a.title = q.text(2);
    a.opens = strict_date(q, 3, kAnalyses, "opens_on");
    a.closes = strict_date(q, 4, kAnalyses, "closes_on");
    a.next_due = strict_date(q, 5, kAnalyses, "next_due_on");
    a.version = q.integer(6);
    return a;
}

std::optional<int> optional_int(const Statement& q, int at) {
    if (q.is_null(at)) return std::nullopt;
    return q.integer(at);
}

// The return's row; its answers are read beside it.
std::pair<std::int64_t, NeedsReturn> read_return(const Statement& q) {
    NeedsReturn r;
    r.analysis = NeedsAnalysisId{q.int64(1)};
    r.agency = AgencyId{q.int64(2)};
    r.agency_name = q.text(3);
    r.state = strict_enum(kReturns, "state", q.text(4), parse_needs_state);
    r.workforce = optional_int(q, 5);
    r.trained = optional_int(q, 6);
    r.gaps = q.text(7);
    r.submitted_on = strict_optional_date(q, 8, kReturns, "submitted_on");
    r.submitted_by = q.text(9);
    r.version = q.integer(10);
    return {q.int64(0), std::move(r)};
}

void bind_optional(Statement& q, int at, const std::optional<int>& n) {
    if (n) q.bind(at, *n);
    else q.bind_null(at);
}

}  // namespace

void SqlNeeds::fill(PartnershipId partnership, std::vector<NeedsAnalysis>& analyses, NeedsAnalysisId only) {
    std::map<std::int64_t, NeedsAnalysis*> by_id;
    for (auto& a : analyses) by_id[a.id.value] = &a;
    // 0 for every analysis of the partnership: ids start at 1.
    auto& topics = db_.cached(
        "SELECT t.analysis_id, t.title, t.course_id FROM training_needs_topics t JOIN training_needs_analyses n ON n.id = t.analysis_id "
        "WHERE n.partnership_id = ?1 AND (?2 = 0 OR n.id = ?2) ORDER BY t.analysis_id, t.position");
    topics.bind(1, partnership.value).bind(2, only.value);
    while (topics.step()) {
        const auto found = by_id.find(topics.int64(0));
        if (found == by_id.end()) continue;
        found->second->topics.push_back({topics.text(1), topics.is_null(2) ? CourseId{} : CourseId{topics.int64(2)}});
    }
    auto& asked = db_.cached("SELECT analysis_id, agency_id FROM training_needs_returns WHERE partnership_id = ?1 AND (?2 = 0 OR analysis_id = ?2) "
                             "ORDER BY analysis_id, agency_id");
    asked.bind(1, partnership.value).bind(2, only.value);
    while (asked.step()) {
        const auto found = by_id.find(asked.int64(0));
        if (found != by_id.end()) found->second->invited.push_back(AgencyId{asked.int64(1)});
    }
}

std::vector<NeedsAnalysis> SqlNeeds::list(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kAnalysisColumns) + "WHERE partnership_id = ? ORDER BY opens_on DESC, id DESC");
    q.bind(1, partnership.value);
    std::vector<NeedsAnalysis> out;
    while (q.step()) out.push_back(read_analysis(q));
    if (!out.empty()) fill(partnership, out, NeedsAnalysisId{});
    return out;
}

std::optional<NeedsAnalysis> SqlNeeds::find(PartnershipId partnership, NeedsAnalysisId id) {
    auto& q = db_.cached(std::string(kAnalysisColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    std::vector<NeedsAnalysis> one{read_analysis(q)};
    q.reset();
    fill(partnership, one, id);
    return std::move(one.front());
}

std::optional<NeedsAnalysisId> SqlNeeds::add(const NeedsAnalysis& a) {
    auto& q = db_.cached("INSERT INTO training_needs_analyses(partnership_id, title, opens_on, closes_on, next_due_on, version) "
                         "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING");
    q.bind(1, a.partnership.value).bind(2, a.title).bind(3, a.opens.iso()).bind(4, a.closes.iso()).bind(5, a.next_due.iso()).run();
    if (db_.changes() != 1) return std::nullopt;
    const NeedsAnalysisId id{db_.last_insert_id()};
    // A cached statement comes back reset and ready to bind: asked for again for each row.
    for (std::size_t i = 0; i < a.topics.size(); ++i) {
        auto& topic = db_.cached("INSERT INTO training_needs_topics(analysis_id, position, title, course_id) VALUES (?, ?, ?, ?)");
        topic.bind(1, id.value).bind(2, static_cast<int>(i + 1)).bind(3, a.topics[i].title);
        if (a.topics[i].course.valid()) topic.bind(4, a.topics[i].course.value);
        else topic.bind_null(4);
        topic.run();
    }
    for (const AgencyId agency : a.invited) {
        db_.cached("INSERT INTO training_needs_returns(partnership_id, analysis_id, agency_id) VALUES (?, ?, ?)")
            .bind(1, a.partnership.value)
            .bind(2, id.value)
            .bind(3, agency.value)
            .run();
    }
    return id;
}

bool SqlNeeds::save(const NeedsAnalysis& a, int expected_version) {
    auto& q = db_.cached("UPDATE training_needs_analyses SET title = ?, opens_on = ?, closes_on = ?, next_due_on = ?, version = version + 1 "
                         "WHERE partnership_id = ? AND id = ? AND version = ?");
    q.bind(1, a.title).bind(2, a.opens.iso()).bind(3, a.closes.iso()).bind(4, a.next_due.iso()).bind(5, a.partnership.value).bind(6, a.id.value);
    q.bind(7, expected_version).run();
    return db_.changes() == 1;
}

std::vector<NeedsReturn> SqlNeeds::returns(PartnershipId partnership, NeedsAnalysisId analysis) {
    auto& q = db_.cached(std::string(kReturnColumns) + "WHERE r.partnership_id = ? AND r.analysis_id = ?");
    q.bind(1, partnership.value).bind(2, analysis.value);
    std::vector<NeedsReturn> out;
    std::map<std::int64_t, std::size_t> at;
    while (q.step()) {
        auto [id, r] = read_return(q);
        at[id] = out.size();
        out.push_back(std::move(r));
    }
    auto& answers = db_.cached("SELECT s.return_id, s.position, s.staff FROM training_needs_answers s JOIN training_needs_returns r "
                               "ON r.id = s.return_id WHERE r.partnership_id = ? AND r.analysis_id = ? ORDER BY s.return_id, s.position");
    answers.bind(1, partnership.value).bind(2, analysis.value);
    while (answers.step()) {
        const auto found = at.find(answers.int64(0));
        if (found == at.end()) continue;
        auto& needs = out[found->second].needs;
        const auto position = static_cast<std::size_t>(answers.integer(1));
        if (needs.size() < position) needs.resize(position);
        needs[position - 1] = answers.integer(2);
    }
    return out;
}

std::optional<NeedsReturn> SqlNeeds::find_return(PartnershipId partnership, NeedsAnalysisId analysis, AgencyId agency) {
    auto& q = db_.cached(std::string(kReturnColumns) + "WHERE r.partnership_id = ? AND r.analysis_id = ? AND r.agency_id = ?");
    q.bind(1, partnership.value).bind(2, analysis.value).bind(3, agency.value);
    if (!q.step()) return std::nullopt;
    auto [id, r] = read_return(q);
    q.reset();
    auto& answers = db_.cached("SELECT position, staff FROM training_needs_answers WHERE return_id = ? ORDER BY position");
    answers.bind(1, id);
    while (answers.step()) {
        const auto position = static_cast<std::size_t>(answers.integer(0));
        if (r.needs.size() < position) r.needs.resize(position);
        r.needs[position - 1] = answers.integer(1);
    }
    return r;
}

std::map<NeedsAnalysisId, int> SqlNeeds::submitted_counts(PartnershipId partnership) {
    auto& q = db_.cached("SELECT analysis_id, COUNT(*) FROM training_needs_returns WHERE partnership_id = ? AND state = 'submitted' "
                         "GROUP BY analysis_id");
    q.bind(1, partnership.value);
    std::map<NeedsAnalysisId, int> out;
    while (q.step()) out[NeedsAnalysisId{q.int64(0)}] = q.integer(1);
    return out;
}

bool SqlNeeds::save_return(PartnershipId partnership, const NeedsReturn& r, int expected_version, UserId by) {
    auto& q = db_.cached("UPDATE training_needs_returns SET state = ?, workforce = ?, trained = ?, gaps = ?, submitted_on = ?, submitted_by = ?, "
                         "version = version + 1 WHERE partnership_id = ? AND analysis_id = ? AND agency_id = ? AND version = ?");
    q.bind(1, needs_state_key(r.state));
    bind_optional(q, 2, r.workforce);
    bind_optional(q, 3, r.trained);
    q.bind(4, r.gaps);
    const bool submitted = r.state == NeedsReturnState::submitted && r.submitted_on;
    if (submitted) q.bind(5, r.submitted_on->iso()).bind(6, by.value);
    else q.bind_null(5).bind_null(6);
    q.bind(7, partnership.value).bind(8, r.analysis.value).bind(9, r.agency.value).bind(10, expected_version).run();
    if (db_.changes() != 1) return false;
    auto& id_of = db_.cached("SELECT id FROM training_needs_returns WHERE analysis_id = ? AND agency_id = ?");
    id_of.bind(1, r.analysis.value).bind(2, r.agency.value);
    if (!id_of.step()) return false;
    const std::int64_t id = id_of.int64(0);
    id_of.reset();
    db_.cached("DELETE FROM training_needs_answers WHERE return_id = ?").bind(1, id).run();
    for (std::size_t i = 0; i < r.needs.size(); ++i) {
        if (!r.needs[i]) continue;
        db_.cached("INSERT INTO training_needs_answers(return_id, position, staff) VALUES (?, ?, ?)")
            .bind(1, id)
            .bind(2, static_cast<int>(i + 1))
            .bind(3, *r.needs[i])
            .run();
    }
    return true;
}

std::vector<std::pair<CourseId, int>> SqlNeeds::places_planned(PartnershipId partnership, Date from, Date to) {
    auto& q = db_.cached("SELECT course_id, SUM(capacity) FROM training_sessions WHERE partnership_id = ? AND on_date >= ? AND on_date <= ? "
                         "GROUP BY course_id ORDER BY course_id");
    q.bind(1, partnership.value).bind(2, from.iso()).bind(3, to.iso());
    std::vector<std::pair<CourseId, int>> out;
    while (q.step()) out.emplace_back(CourseId{q.int64(0)}, q.integer(1));
    return out;
}

}  // namespace assure::sql
