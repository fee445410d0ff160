// Links between agency records of different partnerships (migration 0030; decision 0024).
#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kLinkColumns =
    "SELECT id, from_partnership_id, from_agency_id, to_partnership_id, to_agency_id, status, proposed_at, proposed_by, "
    "accepted_at, accepted_by, version FROM agency_links ";

AgencyLink read_link(const Statement& q) {
    AgencyLink l;
    l.id = q.int64(0);
    l.from_partnership = PartnershipId{q.int64(1)};
    l.from_agency = AgencyId{q.int64(2)};
    l.to_partnership = PartnershipId{q.int64(3)};
    l.to_agency = AgencyId{q.is_null(4) ? 0 : q.int64(4)};
    l.status = strict_enum(parse_agency_link_status, q.text(5), "agency_links", "status");
    l.proposed_at = q.int64(6);
    l.proposed_by = q.text(7);
    l.accepted_at = q.int64(8);
    l.accepted_by = q.text(9);
    l.version = q.integer(10);
    return l;
}

}  // namespace

Page<AgencyLink> SqlAgencyLinks::query(const AgencyLinkQuery& query) {
    // Newest first by id; each side is found by its own index (agency_links_from, _to).
    const std::int64_t after = query.page.after.empty() ? 0 : cursor_number(cursor_parts(query.page.after, 1)[0]);
    auto& q = db_.cached(std::string(kLinkColumns) +
                         "WHERE (from_partnership_id = ?1 OR to_partnership_id = ?1) AND (id < ?2 OR CAST(?2 AS BIGINT) = 0) "
                         "ORDER BY id DESC LIMIT ?3");
    q.bind(1, query.partnership.value).bind(2, after).bind(3, query.page.limit + 1);
    std::vector<AgencyLink> rows;
    while (q.step()) rows.push_back(read_link(q));
    return page_of(std::move(rows), query.page.limit, [](const AgencyLink& l) { return std::vector<std::string>{std::to_string(l.id)}; });
}

std::optional<AgencyLink> SqlAgencyLinks::find(PartnershipId partnership, std::int64_t id) {
    auto& q = db_.cached(std::string(kLinkColumns) + "WHERE id = ?1 AND (from_partnership_id = ?2 OR to_partnership_id = ?2)");
    q.bind(1, id).bind(2, partnership.value);
    if (!q.step()) return std::nullopt;
    return read_link(q);
}

std::vector<AgencyLink> SqlAgencyLinks::between(AgencyId from, PartnershipId to_partnership, AgencyId to) {
    // Two agencies have few links (one, normally), found by agency_links_from_agency / _to_agency.
    // With `to` not valid() (?3 = 0), every link or proposal between `from` and any agency there.
    auto& q = db_.cached(std::string(kLinkColumns) +
                         "WHERE (from_agency_id = ?1 AND to_partnership_id = ?2 "
                         "AND (to_agency_id IS NULL OR CAST(?3 AS BIGINT) = 0 OR to_agency_id = ?3)) "
                         "OR (to_agency_id = ?1 AND from_partnership_id = ?2 AND (CAST(?3 AS BIGINT) = 0 OR from_agency_id = ?3)) "
                         "ORDER BY id");
    q.bind(1, from.value).bind(2, to_partnership.value).bind(3, to.value);
    std::vector<AgencyLink> out;
    while (q.step()) out.push_back(read_link(q));
    return out;
}

std::int64_t SqlAgencyLinks::insert(const AgencyLink& l) {
    auto& q = db_.cached(
        "INSERT INTO agency_links(from_partnership_id, from_agency_id, to_partnership_id, to_agency_id, status, proposed_at, "
        "proposed_by, accepted_at, accepted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, l.from_partnership.value).bind(2, l.from_agency.value).bind(3, l.to_partnership.value);
    if (l.to_agency.valid()) {
        q.bind(4, l.to_agency.value);
    } else {
        q.bind_null(4);
    }
    q.bind(5, agency_link_status_key(l.status)).bind(6, l.proposed_at).bind(7, l.proposed_by).bind(8, l.accepted_at).bind(9, l.accepted_by);
    q.run();
    return db_.last_insert_id();
}

bool SqlAgencyLinks::accept(const AgencyLink& l) {
    auto& q = db_.cached(
        "UPDATE agency_links SET status = 'accepted', to_agency_id = ?, accepted_at = ?, accepted_by = ?, version = version + 1 "
        "WHERE id = ? AND version = ? AND status = 'proposed'");
    q.bind(1, l.to_agency.value).bind(2, l.accepted_at).bind(3, l.accepted_by).bind(4, l.id).bind(5, l.version).run();
    return db_.changes() == 1;
}

bool SqlAgencyLinks::remove(std::int64_t id, int version) {
    auto& q = db_.cached("DELETE FROM agency_links WHERE id = ? AND version = ?");
    q.bind(1, id).bind(2, version).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
