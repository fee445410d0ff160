// What a person owes (issue 19 item 2): one UNION ALL over the tables that hold it, each part
// on an index led by the partnership and the person, agency or email (migration 0032), ordered
// and paged by (due, kind, id) in SQL: nothing is loaded to be sorted or counted in C++.
#include "store/sql/my_work.hpp"

#include "store/sql/cursor.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

// ?1 partnership, ?2 person, ?3 agency (0: none), ?4 email ("" matches no booking), ?5 today.
constexpr const char* kOwed =
    "SELECT 'meeting_action' AS kind, a.id AS id, a.text AS title, a.due_on AS due, '' AS detail "
    "FROM governance_actions a WHERE a.partnership_id = ?1 AND a.owner_person_id = ?2 AND a.status = 'open' "
    "UNION ALL "
    "SELECT 'improvement_action', i.id, i.text, i.due, '' "
    "FROM improvement_actions i WHERE i.partnership_id = ?1 AND i.lead_id = ?2 AND i.state IN ('proposed', 'agreed', 'in_progress') "
    "UNION ALL "
    "SELECT 'dataset_return', r.id, r.period, r.due_on, '' "
    "FROM dataset_returns r WHERE r.partnership_id = ?1 AND r.agency_id = ?3 AND r.submitted_on IS NULL "
    "UNION ALL "
    "SELECT 'booking', s.id, c.title, s.on_date, b.status "
    "FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id JOIN training_courses c ON c.id = s.course_id "
    "WHERE b.partnership_id = ?1 AND b.email = ?4 AND b.status IN ('booked', 'waiting') AND s.on_date >= ?5";

void bind_owed(Statement& st, const OwedQuery& q) {
    st.bind(1, q.partnership.value).bind(2, q.person.value).bind(3, q.agency.valid() ? q.agency.value : 0);
    st.bind(4, q.email).bind(5, q.today.iso());
}

}  // namespace

Page<OwedItem> SqlOwed::owed(const OwedQuery& q) {
    auto& st = db_.cached(std::string("SELECT kind, id, title, due, detail FROM (") + kOwed +
                          ") AS owed WHERE (?6 = 0 OR due > ?7 OR (due = ?7 AND (kind > ?8 OR (kind = ?8 AND id > ?9)))) "
                          "ORDER BY due, kind, id LIMIT ?10");
    bind_owed(st, q);
    std::string after_due, after_kind;
    std::int64_t after_id = 0;
    if (!q.page.after.empty()) {
        const auto parts = cursor_parts(q.page.after, 3);
        after_due = parts[0];
        after_kind = parts[1];
        after_id = cursor_number(parts[2]);
    }
    st.bind(6, q.page.after.empty() ? 0 : 1).bind(7, after_due).bind(8, after_kind).bind(9, after_id).bind(10, q.page.limit + 1);
    std::vector<OwedItem> rows;
    while (st.step()) {
        OwedItem item;
        item.kind = strict_enum("my work", "kind", st.text(0), parse_owed_kind);
        item.id = st.int64(1);
        item.title = st.text(2);
        item.due = strict_date("my work", "due", st.text(3));
        item.detail = st.text(4);
        rows.push_back(std::move(item));
    }
    st.reset();
    return page_of(std::move(rows), q.page.limit, [](const OwedItem& i) {
        return std::vector<std::string>{i.due->iso(), std::string(owed_kind_key(i.kind)), std::to_string(i.id)};
    });
}

OwedCounts SqlOwed::count_owed(const OwedQuery& q) {
    auto& st = db_.cached(std::string("SELECT count(*), coalesce(sum(CASE WHEN due < ?5 THEN 1 ELSE 0 END), 0) FROM (") + kOwed +
                          ") AS owed");
    bind_owed(st, q);
    OwedCounts out;
    if (st.step()) {
        out.owed = st.integer(0);
        out.overdue = st.integer(1);
    }
    st.reset();
    return out;
}

}  // namespace assure::sql
