// How voice and scrutiny activities are kept in rows (registers_rows.hpp): what a person
// records, and what core derives from its points (how many, answered, linked) so SQL can count.
#include "store/sql/registers_rows.hpp"

namespace assure::sql::registers_rows {
namespace {

constexpr const char* kActivities = "register_activities";

}  // namespace

const char* const kActivityColumns =
    "SELECT id, partnership_id, strand, kind, title, led_by, held_on, children_heard, how_heard, summary, created_at, version "
    "FROM register_activities ";
const char* const kActivityWritable = "strand, kind, title, led_by, held_on, children_heard, how_heard, summary, points, answered, linked";
const char* const kActivityPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
const char* const kActivityAssignments =
    "strand = ?, kind = ?, title = ?, led_by = ?, held_on = ?, children_heard = ?, how_heard = ?, summary = ?, points = ?, "
    "answered = ?, linked = ?";

Activity read_activity(const Statement& q) {
    Activity a;
    a.id = ActivityId{q.int64(0)};
    a.partnership = PartnershipId{q.int64(1)};
    a.strand = strict_enum(kActivities, "strand", q.text(2), parse_strand);
    a.kind = strict_enum(kActivities, "kind", q.text(3), parse_activity_kind);
    a.title = q.text(4);
    a.led_by = q.text(5);
    a.held_on = strict_date(q, 6, kActivities, "held_on");
    a.children_heard = q.integer(7);
    a.how_heard = q.text(8);
    a.summary = q.text(9);
    a.created_at = q.int64(10);
    a.version = q.integer(11);
    return a;
}

int bind_activity(Statement& q, const Activity& a) {
    q.bind(1, strand_key(a.strand)).bind(2, activity_kind_key(a.kind)).bind(3, a.title).bind(4, a.led_by).bind(5, a.held_on.iso());
    q.bind(6, a.children_heard).bind(7, a.how_heard).bind(8, a.summary);
    // Core's counts of the points, kept so the figures and the awaiting filter ask SQL.
    q.bind(9, static_cast<int>(a.points.size())).bind(10, points_answered(a)).bind(11, points_linked(a));
    return 12;
}

}  // namespace assure::sql::registers_rows
