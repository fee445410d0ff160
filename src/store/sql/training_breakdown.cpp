#include "store/sql/training_breakdown.hpp"

namespace assure::sql {
namespace {

// As count_training counts: bookings that held a place, by the register's mark.
constexpr const char* kCounts =
    "count(CASE WHEN b.attendance = 'attended' THEN 1 END), count(CASE WHEN b.attendance = 'no_show' THEN 1 END), "
    "count(CASE WHEN b.attendance = 'cancelled_late' THEN 1 END), count(CASE WHEN b.attendance IS NULL THEN 1 END) ";
constexpr const char* kPlaces =
    "FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id ";
constexpr const char* kOfTheYear = "WHERE b.partnership_id = ?1 AND s.on_date >= ?2 AND s.on_date <= ?3 AND b.status = 'booked' ";

AttendanceCounts counts_at(const Statement& q, int first) {
    return {q.integer(first), q.integer(first + 1), q.integer(first + 2), q.integer(first + 3)};
}

}  // namespace

TrainingBreakdownCounts SqlTrainingBreakdown::breakdown(PartnershipId partnership, FinancialYear year) {
    TrainingBreakdownCounts out;
    {
        auto& q = db_.cached(std::string("SELECT a.sector, ") + kCounts + kPlaces + "LEFT JOIN agencies a ON a.id = b.agency_id " + kOfTheYear +
                             "GROUP BY a.sector ORDER BY a.sector");
        q.bind(1, partnership.value).bind(2, year.first_day().iso()).bind(3, year.last_day().iso());
        while (q.step()) out.by_sector.push_back({q.is_null(0) ? std::string() : q.text(0), counts_at(q, 1)});
    }
    // The quarter by the day the session fell on; the three later quarters' first days are bound.
    auto& q = db_.cached(std::string("SELECT CASE WHEN s.on_date < ?4 THEN 0 WHEN s.on_date < ?5 THEN 1 WHEN s.on_date < ?6 THEN 2 ELSE 3 END, ") +
                         kCounts + kPlaces + kOfTheYear + "GROUP BY 1 ORDER BY 1");
    q.bind(1, partnership.value).bind(2, year.first_day().iso()).bind(3, year.last_day().iso());
    q.bind(4, quarter_start(year, 1).iso()).bind(5, quarter_start(year, 2).iso()).bind(6, quarter_start(year, 3).iso());
    while (q.step()) out.by_quarter.at(static_cast<std::size_t>(q.integer(0))) = counts_at(q, 1);
    return out;
}

std::vector<TrainerCount> SqlTrainingBreakdown::trainer_counts(PartnershipId partnership, FinancialYear year, Date today) {
    auto& q = db_.cached(
        "SELECT s.trainer, c.title, count(CASE WHEN s.on_date <= ?4 THEN 1 END), count(CASE WHEN s.on_date > ?4 THEN 1 END) "
        "FROM training_sessions s JOIN training_courses c ON c.id = s.course_id "
        "WHERE s.partnership_id = ?1 AND s.on_date >= ?2 AND s.on_date <= ?3 GROUP BY s.trainer, c.id, c.title ORDER BY c.title, s.trainer");
    q.bind(1, partnership.value).bind(2, year.first_day().iso()).bind(3, year.last_day().iso()).bind(4, today.iso());
    std::vector<TrainerCount> out;
    while (q.step()) out.push_back({q.text(0), q.text(1), q.integer(2), q.integer(3)});
    return out;
}

}  // namespace assure::sql
