// The exception report's words in the dataset's store: each indicator's note for a period and
// each priority's narrative, written with optimistic versions and read strictly.
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {

std::vector<ExceptionNote> SqlDataset::exception_notes(PartnershipId partnership, const DatasetPeriod& period) {
    auto& q = db_.cached(
        "SELECT n.code, n.period, n.narrative, n.action_taken, n.improvement_id, n.updated_by_label, n.updated_at, n.version, "
        "COALESCE(a.text, ''), COALESCE(a.state, '') FROM dataset_exception_notes n "
        "LEFT JOIN improvement_actions a ON a.id = n.improvement_id AND a.partnership_id = n.partnership_id "
        "WHERE n.partnership_id = ? AND n.period = ? ORDER BY n.code, n.id");
    q.bind(1, partnership.value).bind(2, period.key());
    std::vector<ExceptionNote> out;
    while (q.step()) {
        ExceptionNote n;
        n.code = q.text(0);
        n.period = strict_enum(DatasetPeriod::parse, q.text(1), "dataset_exception_notes", "period");
        n.narrative = q.text(2);
        n.action_taken = q.text(3);
        if (!q.is_null(4)) n.action = ImprovementId{q.int64(4)};
        n.updated_by_label = q.text(5);
        n.updated_at = q.int64(6);
        n.version = q.integer(7);
        n.action_text = q.text(8);
        n.action_state = q.text(9);
        out.push_back(std::move(n));
    }
    return out;
}

bool SqlDataset::put_exception_note(PartnershipId partnership, const ExceptionNote& n) {
    if (n.version == 0) {
        auto& q = db_.cached(
            "INSERT INTO dataset_exception_notes(partnership_id, code, period, narrative, action_taken, improvement_id, "
            "updated_by_label, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)");
        q.bind(1, partnership.value).bind(2, n.code).bind(3, n.period.key()).bind(4, n.narrative).bind(5, n.action_taken);
        if (n.action) q.bind(6, n.action->value);
        else q.bind_null(6);
        q.bind(7, n.updated_by_label).bind(8, n.updated_at).run();
        return true;
    }
    auto& q = db_.cached(
        "UPDATE dataset_exception_notes SET narrative = ?, action_taken = ?, improvement_id = ?, updated_by_label = ?, updated_at = ?, "
        "version = version + 1 WHERE partnership_id = ? AND code = ? AND period = ? AND version = ?");
    q.bind(1, n.narrative).bind(2, n.action_taken);
    if (n.action) q.bind(3, n.action->value);
    else q.bind_null(3);
    q.bind(4, n.updated_by_label).bind(5, n.updated_at).bind(6, partnership.value).bind(7, n.code).bind(8, n.period.key()).bind(9, n.version);
    q.run();
    return db_.changes() == 1;
}

std::vector<PriorityNarrative> SqlDataset::priority_narratives(PartnershipId partnership, const DatasetPeriod& period) {
    auto& q = db_.cached(
        "SELECT priority, period, narrative, updated_by_label, updated_at, version FROM dataset_priority_narratives "
        "WHERE partnership_id = ? AND period = ? ORDER BY priority, id");
    q.bind(1, partnership.value).bind(2, period.key());
    std::vector<PriorityNarrative> out;
    while (q.step()) {
        PriorityNarrative n;
        n.priority = q.text(0);
        n.period = strict_enum(DatasetPeriod::parse, q.text(1), "dataset_priority_narratives", "period");
        n.narrative = q.text(2);
        n.updated_by_label = q.text(3);
        n.updated_at = q.int64(4);
        n.version = q.integer(5);
        out.push_back(std::move(n));
    }
    return out;
}

bool SqlDataset::put_priority_narrative(PartnershipId partnership, const PriorityNarrative& n) {
    if (n.version == 0) {
        db_.cached(
               "INSERT INTO dataset_priority_narratives(partnership_id, period, priority, narrative, updated_by_label, updated_at, version) "
               "VALUES (?, ?, ?, ?, ?, ?, 1)")
            .bind(1, partnership.value)
            .bind(2, n.period.key())
            .bind(3, n.priority)
            .bind(4, n.narrative)
            .bind(5, n.updated_by_label)
            .bind(6, n.updated_at)
            .run();
        return true;
    }
    auto& q = db_.cached(
        "UPDATE dataset_priority_narratives SET narrative = ?, updated_by_label = ?, updated_at = ?, version = version + 1 "
        "WHERE partnership_id = ? AND period = ? AND priority = ? AND version = ?");
    q.bind(1, n.narrative).bind(2, n.updated_by_label).bind(3, n.updated_at).bind(4, partnership.value).bind(5, n.period.key());
    q.bind(6, n.priority).bind(7, n.version).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
