// The yearly report's records (migration 0029): sections, sign-offs and dispatches of a
// partnership's year, and the reviews' milestones counted in the year. Strict: a section,
// recipient or date this version does not know is an error naming its table and column.
#include "core/review_regimes.hpp"
#include "store/sql/report.hpp"

#include "store/sql/strict.hpp"

namespace assure::sql {

std::vector<SectionText> SqlReport::sections(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached(
        "SELECT section, body, version, updated_at, updated_by FROM report_sections "
        "WHERE partnership_id = ? AND year_start = ? ORDER BY section");
    q.bind(1, partnership.value).bind(2, year.start);
    std::vector<SectionText> out;
    while (q.step()) {
        SectionText t;
        t.section = strict_enum("report_sections", "section", q.text(0), parse_report_section);
        t.text = q.text(1);
        t.version = q.integer(2);
        t.updated_at = q.int64(3);
        t.updated_by = q.text(4);
        out.push_back(std::move(t));
    }
    return out;
}

bool SqlReport::put_section(PartnershipId partnership, FinancialYear year, const SectionText& t, int expected_version) {
    if (expected_version == 0) {
        // The first text of a section; a concurrent first text finds the row there and changes nothing.
        auto& q = db_.cached(
            "INSERT INTO report_sections(partnership_id, year_start, section, body, updated_at, updated_by, version) "
            "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (partnership_id, year_start, section) DO NOTHING");
        q.bind(1, partnership.value).bind(2, year.start).bind(3, report_section_key(t.section)).bind(4, t.text);
        q.bind(5, t.updated_at).bind(6, t.updated_by).run();
        return db_.changes() == 1;
    }
    auto& q = db_.cached(
        "UPDATE report_sections SET body = ?, updated_at = ?, updated_by = ?, version = version + 1 "
        "WHERE partnership_id = ? AND year_start = ? AND section = ? AND version = ?");
    q.bind(1, t.text).bind(2, t.updated_at).bind(3, t.updated_by).bind(4, partnership.value).bind(5, year.start);
    q.bind(6, report_section_key(t.section)).bind(7, expected_version).run();
    return db_.changes() == 1;
}

std::vector<SignOff> SqlReport::sign_offs(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached(
        "SELECT agency_id, agency_name, signed_by, signed_at FROM report_sign_offs "
        "WHERE partnership_id = ? AND year_start = ? ORDER BY signed_at, id");
    q.bind(1, partnership.value).bind(2, year.start);
    std::vector<SignOff> out;
    while (q.step()) out.push_back({AgencyId{q.int64(0)}, q.text(1), q.text(2), q.int64(3)});
    return out;
}

void SqlReport::insert_sign_off(PartnershipId partnership, FinancialYear year, const SignOff& s) {
    auto& q = db_.cached(
        "INSERT INTO report_sign_offs(partnership_id, year_start, agency_id, agency_name, signed_by, signed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, year.start).bind(3, s.agency.value).bind(4, s.agency_name).bind(5, s.signed_by);
    q.bind(6, s.signed_at).run();
}

int SqlReport::clear_sign_offs(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached("DELETE FROM report_sign_offs WHERE partnership_id = ? AND year_start = ?");
    q.bind(1, partnership.value).bind(2, year.start).run();
    return db_.changes();
}

std::vector<Dispatch> SqlReport::dispatches(PartnershipId partnership, FinancialYear year) {
    auto& q = db_.cached(
        "SELECT recipient, sent_on, recorded_by, recorded_at FROM report_dispatches "
        "WHERE partnership_id = ? AND year_start = ? ORDER BY sent_on, id");
    q.bind(1, partnership.value).bind(2, year.start);
    std::vector<Dispatch> out;
    while (q.step()) {
        Dispatch d;
        d.recipient = strict_enum("report_dispatches", "recipient", q.text(0), parse_report_recipient);
        d.sent_on = strict_date("report_dispatches", "sent_on", q.text(1));
        d.recorded_by = q.text(2);
        d.recorded_at = q.int64(3);
        out.push_back(std::move(d));
    }
    return out;
}

void SqlReport::insert_dispatch(PartnershipId partnership, FinancialYear year, const Dispatch& d) {
    auto& q = db_.cached(
        "INSERT INTO report_dispatches(partnership_id, year_start, recipient, sent_on, recorded_by, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, partnership.value).bind(2, year.start).bind(3, report_recipient_key(d.recipient)).bind(4, d.sent_on.iso());
    q.bind(5, d.recorded_by).bind(6, d.recorded_at).run();
}

ReviewYearCounts SqlReport::count_reviews(PartnershipId partnership, FinancialYear year) {
    // One pass over the partnership's cases; each milestone is an event dated within the year
    // (found through review_events_by_case).
    const auto in_year = [](const char* event) {
        return std::string("EXISTS (SELECT 1 FROM review_events e WHERE e.case_id = c.id AND e.event = '") + event +
               "' AND e.on_date >= ?2 AND e.on_date <= ?3)";
    };
    const std::string decided = in_year("decide");
    auto& q = db_.cached(
        "SELECT count(*), "
        "coalesce(sum(CASE WHEN " + in_year("notify_panel") + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN c.became_aware_on >= ?4 AND " + in_year("rapid_review_panel") + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN " + decided + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN c.decision = 'local_review' AND " + decided + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN c.decision = 'national_review' AND " + decided + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN c.decision = 'other_learning' AND " + decided + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN c.decision = 'no_further_review' AND " + decided + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN " + in_year("publish") + " THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN c.became_aware_on >= ?2 AND c.became_aware_on <= ?3 THEN 1 ELSE 0 END), 0) "
        "FROM review_cases c WHERE c.partnership_id = ?1");
    // Before Working Together 2018 there were no rapid reviews: the serious incident review
    // group's meeting recorded on a case of then is not one (core/review_regimes.hpp).
    q.bind(1, partnership.value).bind(2, year.first_day().iso()).bind(3, year.last_day().iso()).bind(4, kWorkingTogether2018From.iso());
    q.step();
    ReviewYearCounts c;
    c.notified = q.integer(1);
    c.rapid_reviews = q.integer(2);
    c.decided = q.integer(3);
    c.local_reviews = q.integer(4);
    c.national_reviews = q.integer(5);
    c.other_learning = q.integer(6);
    c.no_further_review = q.integer(7);
    c.published = q.integer(8);
    c.became_aware = q.integer(9);
    q.reset();
    return c;
}

}  // namespace assure::sql
