// Training's evaluations: answers read with their booking's session, course and delegate;
// results counted with one aggregate statement, never by loading answers; requests found by
// their token's digest. Strict: a stored key this version does not know is an error naming
// the table and column.
#include "store/sql/training_evaluations.hpp"

#include <algorithm>

#include "store/sql/keyset.hpp"
#include "store/sql/strict.hpp"
#include "store/sql/training_rows.hpp"

namespace assure::sql {
namespace {

constexpr const char* kEvaluations = "training_evaluations";
constexpr const char* kRequests = "training_evaluation_requests";
constexpr const char* kEvidence = "training_impact_evidence";

const char* const kEvaluationColumns =
    "SELECT e.id, e.partnership_id, e.booking_id, e.stage, e.outcomes_met, e.confidence_before, e.confidence_after, e.relevance, "
    "e.do_differently, e.manager_email, e.changed_practice, e.practice_change, e.manager_view, e.submitted_at, "
    "b.session_id, s.course_id, b.name "
    "FROM training_evaluations e JOIN training_bookings b ON b.id = e.booking_id JOIN training_sessions s ON s.id = b.session_id ";

Evaluation read_evaluation(const Statement& q) {
    Evaluation e;
    e.id = EvaluationId{q.int64(0)};
    e.partnership = PartnershipId{q.int64(1)};
    e.booking = BookingId{q.int64(2)};
    e.stage = strict_enum(kEvaluations, "stage", q.text(3), parse_evaluation_stage);
    for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
        const int column = 4 + static_cast<int>(i);
        e.scores.at(i) = q.is_null(column) ? 0 : q.integer(column);
    }
    e.do_differently = q.text(8);
    e.manager_email = q.text(9);
    if (!q.is_null(10)) {
        const auto changed = q.integer(10);
        if (changed != 0 && changed != 1) unknown_value(kEvaluations, "changed_practice", std::to_string(changed));
        e.changed_practice = changed == 1;
    }
    e.practice_change = q.text(11);
    e.manager_view = q.text(12);
    e.submitted_at = q.int64(13);
    e.session = TrainingSessionId{q.int64(14)};
    e.course = CourseId{q.int64(15)};
    e.delegate = q.text(16);
    return e;
}

int clamped(const PageRequest& page) { return std::clamp(page.limit, 1, PageRequest::max_limit); }

}  // namespace

Page<Evaluation> SqlTrainingEvaluations::evaluations(const EvaluationQuery& f) {
    const int limit = clamped(f.page);
    const std::int64_t after = f.page.after.empty() ? 0 : cursor_number(cursor_parts(f.page.after, 1)[0]);
    auto& q = db_.cached(std::string(kEvaluationColumns) +
                         "WHERE e.partnership_id = ?1 AND (s.course_id = ?2 OR CAST(?2 AS BIGINT) = 0) "
                         "AND (b.session_id = ?3 OR CAST(?3 AS BIGINT) = 0) AND (?4 = '' OR e.stage = ?4) AND e.id > ?5 "
                         "ORDER BY e.id LIMIT ?6");
    q.bind(1, f.partnership.value)
        .bind(2, f.course ? f.course->value : 0)
        .bind(3, f.session ? f.session->value : 0)
        .bind(4, f.stage ? std::string(evaluation_stage_key(*f.stage)) : std::string())
        .bind(5, after)
        .bind(6, limit + 1);
    std::vector<Evaluation> rows;
    while (q.step()) rows.push_back(read_evaluation(q));
    return page_of(std::move(rows), limit, [](const Evaluation& e) { return std::vector<std::string>{e.id.str()}; });
}

std::optional<Evaluation> SqlTrainingEvaluations::find_evaluation(PartnershipId partnership, BookingId booking, EvaluationStage stage) {
    auto& q = db_.cached(std::string(kEvaluationColumns) + "WHERE e.partnership_id = ? AND e.booking_id = ? AND e.stage = ?");
    q.bind(1, partnership.value).bind(2, booking.value).bind(3, evaluation_stage_key(stage));
    if (!q.step()) return std::nullopt;
    return read_evaluation(q);
}

EvaluationId SqlTrainingEvaluations::insert_evaluation(const Evaluation& e) {
    auto& q = db_.cached(
        "INSERT INTO training_evaluations(partnership_id, booking_id, stage, outcomes_met, confidence_before, confidence_after, "
        "relevance, do_differently, manager_email, changed_practice, practice_change, manager_view, submitted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.partnership.value).bind(2, e.booking.value).bind(3, evaluation_stage_key(e.stage));
    const bool first = e.stage == EvaluationStage::after_session;
    for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
        const int index = 4 + static_cast<int>(i);
        if (first) q.bind(index, e.scores.at(i));
        else q.bind_null(index);
    }
    q.bind(8, e.do_differently).bind(9, e.manager_email);
    if (e.changed_practice) q.bind(10, *e.changed_practice);
    else q.bind_null(10);
    q.bind(11, e.practice_change).bind(12, e.manager_view).bind(13, e.submitted_at).run();
    return EvaluationId{db_.last_insert_id()};
}

EvaluationCounts SqlTrainingEvaluations::count_evaluations(PartnershipId partnership, std::optional<CourseId> course,
                                                           std::optional<TrainingSessionId> session) {
    // Of the bookings whose register says attended: how many, and their evaluations by stage.
    auto& q = db_.cached(
        "SELECT count(DISTINCT b.id), "
        "count(CASE WHEN e.stage = 'after_session' THEN 1 END), "
        "COALESCE(sum(e.outcomes_met), 0), COALESCE(sum(e.confidence_before), 0), COALESCE(sum(e.confidence_after), 0), "
        "COALESCE(sum(e.relevance), 0), "
        "count(CASE WHEN e.stage = 'follow_up' THEN 1 END), count(CASE WHEN e.stage = 'follow_up' AND e.changed_practice = 1 THEN 1 END) "
        "FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id "
        "LEFT JOIN training_evaluations e ON e.booking_id = b.id "
        "WHERE b.partnership_id = ?1 AND b.status = 'booked' AND b.attendance = 'attended' "
        "AND (s.course_id = ?2 OR CAST(?2 AS BIGINT) = 0) AND (b.session_id = ?3 OR CAST(?3 AS BIGINT) = 0)");
    q.bind(1, partnership.value).bind(2, course ? course->value : 0).bind(3, session ? session->value : 0);
    EvaluationCounts c;
    if (!q.step()) return c;
    c.attended = q.integer(0);
    c.after_session = q.integer(1);
    for (std::size_t i = 0; i < kEvaluationQuestions; ++i) c.score_sums.at(i) = q.int64(2 + static_cast<int>(i));
    c.follow_up = q.integer(6);
    c.changed = q.integer(7);
    return c;
}

std::vector<CourseEvaluationCounts> SqlTrainingEvaluations::count_by_course(PartnershipId partnership, Date from, Date to) {
    // The statement of count_evaluations, grouped by course over the sessions of the period.
    auto& q = db_.cached(
        "SELECT c.id, c.title, count(DISTINCT b.id), "
        "count(CASE WHEN e.stage = 'after_session' THEN 1 END), "
        "COALESCE(sum(e.outcomes_met), 0), COALESCE(sum(e.confidence_before), 0), COALESCE(sum(e.confidence_after), 0), "
        "COALESCE(sum(e.relevance), 0), "
        "count(CASE WHEN e.stage = 'follow_up' THEN 1 END), count(CASE WHEN e.stage = 'follow_up' AND e.changed_practice = 1 THEN 1 END) "
        "FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id JOIN training_courses c ON c.id = s.course_id "
        "LEFT JOIN training_evaluations e ON e.booking_id = b.id "
        "WHERE b.partnership_id = ? AND b.status = 'booked' AND b.attendance = 'attended' AND s.on_date >= ? AND s.on_date <= ? "
        "GROUP BY c.id, c.title ORDER BY lower(c.title), c.id");
    q.bind(1, partnership.value).bind(2, from.iso()).bind(3, to.iso());
    std::vector<CourseEvaluationCounts> out;
    while (q.step()) {
        CourseEvaluationCounts line;
        line.course = CourseId{q.int64(0)};
        line.title = q.text(1);
        auto& c = line.counts;
        c.attended = q.integer(2);
        c.after_session = q.integer(3);
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) c.score_sums.at(i) = q.int64(4 + static_cast<int>(i));
        c.follow_up = q.integer(8);
        c.changed = q.integer(9);
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<WaitingEvaluation> SqlTrainingEvaluations::waiting_for(PartnershipId partnership, const std::string& email) {
    auto& q = db_.cached(
        "SELECT r.booking_id, b.session_id, c.title, s.on_date, r.stage, r.sent_at "
        "FROM training_evaluation_requests r JOIN training_bookings b ON b.id = r.booking_id "
        "JOIN training_sessions s ON s.id = b.session_id JOIN training_courses c ON c.id = s.course_id "
        "WHERE r.partnership_id = ? AND b.email = ? AND b.status = 'booked' AND b.attendance = 'attended' "
        "AND NOT EXISTS (SELECT 1 FROM training_evaluations e WHERE e.booking_id = r.booking_id AND e.stage = r.stage) "
        "ORDER BY s.on_date, r.id LIMIT 100");
    q.bind(1, partnership.value).bind(2, email);
    std::vector<WaitingEvaluation> out;
    while (q.step()) {
        WaitingEvaluation w;
        w.booking = BookingId{q.int64(0)};
        w.session = TrainingSessionId{q.int64(1)};
        w.course_title = q.text(2);
        w.on = strict_date("training_sessions", "on_date", q.text(3));
        w.stage = strict_enum(kRequests, "stage", q.text(4), parse_evaluation_stage);
        w.sent_at = q.int64(5);
        out.push_back(std::move(w));
    }
    return out;
}

bool SqlTrainingEvaluations::request_sent(BookingId booking, EvaluationStage stage) {
    auto& q = db_.cached("SELECT 1 FROM training_evaluation_requests WHERE booking_id = ? AND stage = ?");
    q.bind(1, booking.value).bind(2, evaluation_stage_key(stage));
    return q.step();
}

void SqlTrainingEvaluations::insert_request(const EvaluationRequest& r, const std::string& token_digest) {
    auto& q = db_.cached(
        "INSERT INTO training_evaluation_requests(partnership_id, booking_id, stage, token_digest, sent_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, r.partnership.value).bind(2, r.booking.value).bind(3, evaluation_stage_key(r.stage)).bind(4, token_digest);
    q.bind(5, r.sent_at).run();
}

std::optional<EvaluationRequest> SqlTrainingEvaluations::find_request(const std::string& token_digest) {
    auto& q = db_.cached("SELECT partnership_id, booking_id, stage, sent_at FROM training_evaluation_requests WHERE token_digest = ?");
    q.bind(1, token_digest);
    if (!q.step()) return std::nullopt;
    EvaluationRequest r;
    r.partnership = PartnershipId{q.int64(0)};
    r.booking = BookingId{q.int64(1)};
    r.stage = strict_enum(kRequests, "stage", q.text(2), parse_evaluation_stage);
    r.sent_at = q.int64(3);
    return r;
}

std::vector<Booking> SqlTrainingEvaluations::attended(PartnershipId partnership, TrainingSessionId session) {
    auto& q = db_.cached(std::string(training_rows::kBookingColumns) +
                         "WHERE b.partnership_id = ? AND b.session_id = ? AND b.status = 'booked' AND b.attendance = 'attended' "
                         "ORDER BY b.id");
    q.bind(1, partnership.value).bind(2, session.value);
    std::vector<Booking> out;
    while (q.step()) out.push_back(training_rows::read_booking(q));
    return out;
}

std::vector<ImpactEvidence> SqlTrainingEvaluations::impact_evidence(PartnershipId partnership, CourseId course) {
    auto& q = db_.cached(
        "SELECT id, partnership_id, course_id, source, link, note, recorded_at FROM training_impact_evidence "
        "WHERE partnership_id = ? AND course_id = ? ORDER BY id LIMIT 500");
    q.bind(1, partnership.value).bind(2, course.value);
    std::vector<ImpactEvidence> out;
    while (q.step()) {
        ImpactEvidence e;
        e.id = ImpactEvidenceId{q.int64(0)};
        e.partnership = PartnershipId{q.int64(1)};
        e.course = CourseId{q.int64(2)};
        e.source = strict_enum(kEvidence, "source", q.text(3), parse_impact_source);
        e.link = q.text(4);
        e.note = q.text(5);
        e.recorded_at = q.int64(6);
        out.push_back(std::move(e));
    }
    return out;
}

ImpactEvidenceId SqlTrainingEvaluations::insert_impact_evidence(const ImpactEvidence& e) {
    auto& q = db_.cached(
        "INSERT INTO training_impact_evidence(partnership_id, course_id, source, link, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, e.partnership.value).bind(2, e.course.value).bind(3, impact_source_key(e.source)).bind(4, e.link).bind(5, e.note);
    q.bind(6, e.recorded_at).run();
    return ImpactEvidenceId{db_.last_insert_id()};
}

}  // namespace assure::sql
