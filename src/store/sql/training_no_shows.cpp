#include "store/sql/training_no_shows.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {

TrainingCharges SqlNoShows::charges(PartnershipId partnership) {
    auto& q = db_.cached("SELECT no_show_pence, late_cancellation_pence, version FROM training_charges WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    TrainingCharges c;
    if (q.step()) {
        c.no_show_pence = q.int64(0);
        c.late_cancellation_pence = q.int64(1);
        c.version = q.integer(2);
    }
    q.reset();
    return c;
}

bool SqlNoShows::save_charges(PartnershipId partnership, const TrainingCharges& c, int expected_version) {
    if (expected_version == 0) {
        auto& q = db_.cached("INSERT INTO training_charges(partnership_id, no_show_pence, late_cancellation_pence, version) VALUES (?, ?, ?, 1) "
                             "ON CONFLICT DO NOTHING");
        q.bind(1, partnership.value).bind(2, c.no_show_pence).bind(3, c.late_cancellation_pence).run();
        return db_.changes() == 1;
    }
    auto& q = db_.cached("UPDATE training_charges SET no_show_pence = ?, late_cancellation_pence = ?, version = version + 1 "
                         "WHERE partnership_id = ? AND version = ?");
    q.bind(1, c.no_show_pence).bind(2, c.late_cancellation_pence).bind(3, partnership.value).bind(4, expected_version).run();
    return db_.changes() == 1;
}

std::vector<NoShow> SqlNoShows::no_shows(PartnershipId partnership, Date from, Date to) {
    auto& q = db_.cached(
        "SELECT b.id, b.name, b.email, b.agency_id, COALESCE(a.name, ''), c.title, t.on_date, b.attendance, n.told_at, n.charged_pence "
        "FROM training_bookings b JOIN training_sessions t ON t.id = b.session_id JOIN training_courses c ON c.id = t.course_id "
        "LEFT JOIN agencies a ON a.id = b.agency_id LEFT JOIN training_no_show_notices n ON n.booking_id = b.id "
        "WHERE b.partnership_id = ? AND t.on_date >= ? AND t.on_date <= ? AND b.status = 'booked' "
        "AND b.attendance IN ('no_show', 'cancelled_late') ORDER BY t.on_date, b.id");
    q.bind(1, partnership.value).bind(2, from.iso()).bind(3, to.iso());
    std::vector<NoShow> out;
    while (q.step()) {
        NoShow n;
        n.booking = BookingId{q.int64(0)};
        n.name = q.text(1);
        n.email = q.text(2);
        if (!q.is_null(3)) n.agency = AgencyId{q.int64(3)};
        n.agency_name = q.text(4);
        n.course = q.text(5);
        n.on = strict_date(q, 6, "training_sessions", "on_date");
        n.mark = strict_enum("training_bookings", "attendance", q.text(7), parse_attendance);
        if (!q.is_null(8)) {
            n.told_at = q.int64(8);
            n.charged_pence = q.int64(9);
        }
        out.push_back(std::move(n));
    }
    return out;
}

std::map<AgencyId, std::vector<std::string>> SqlNoShows::agency_lead_emails(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT p.agency_id, u.email FROM users u JOIN people p ON p.id = u.person_id WHERE u.partnership_id = ? AND u.role = 'agency_lead' "
        "AND u.active = 1 AND p.agency_id IS NOT NULL ORDER BY p.agency_id, u.id");
    q.bind(1, partnership.value);
    std::map<AgencyId, std::vector<std::string>> out;
    while (q.step()) out[AgencyId{q.int64(0)}].push_back(q.text(1));
    return out;
}

bool SqlNoShows::mark_told(PartnershipId partnership, BookingId booking, Instant at, std::int64_t charged_pence) {
    db_.cached("INSERT INTO training_no_show_notices(booking_id, partnership_id, told_at, charged_pence) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .bind(1, booking.value)
        .bind(2, partnership.value)
        .bind(3, at)
        .bind(4, charged_pence)
        .run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
