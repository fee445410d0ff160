#pragma once
// A database as it was before migration 0063: each child's keyed digest in 32 hex characters.
// Every engine's 0063 must cut each to its first 15, which is what an import now computes for
// the same child (decision 0046), and leave everything else of the rows as it was.
#include <gtest/gtest.h>

#include <string>

#include "store/sql/connection.hpp"

namespace assure::testing {

inline const std::string kDigestAt0062 = "0123456789abcdef0123456789abcdef";

inline const char* const kDatasetRowsAt0062 = R"SQL(
INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'Knowsley');
INSERT INTO dataset_imports(id, partnership_id, kind, period, file_name, rows_read, rows_saved, rows_refused, rows_added,
    rows_removed, rows_unchanged, imported_by_label, imported_at) VALUES (1, 1, 'ssda903-header', '2016-17', 'h.csv', 1, 1, 0, 1, 0, 0, 'BU', 1);
INSERT INTO dataset_children(partnership_id, year, child, sex, birth_month, ethnic, import_id)
    VALUES (1, 2016, '0123456789abcdef0123456789abcdef', 1, '2010-04', 'WBRI', 1);
INSERT INTO dataset_episodes(partnership_id, year, child, start_on, end_on, rne, ls, cin, place, rec, reason_place_change, import_id)
    VALUES (1, 2016, '0123456789abcdef0123456789abcdef', '2016-05-01', NULL, 'S', 'C2', 'N1', 'U1', '', '', 1);
INSERT INTO dataset_missing(partnership_id, year, source, child, kind, start_on, end_on, import_id)
    VALUES (1, 2016, 'missing', '0123456789abcdef0123456789abcdef', 'M', '2016-06-01', '2016-06-02', 1);
INSERT INTO dataset_cin_referrals(partnership_id, year, child, referred_on, closed_on, no_further_action, import_id)
    VALUES (1, 2016, '0123456789abcdef0123456789abcdef', '2016-04-20', NULL, 0, 1);
)SQL";

// After 0063: every row kept, under the first 15 characters of its digest.
inline void expect_digests_cut_to_15(sql::Connection& db) {
    for (const char* table : {"dataset_children", "dataset_episodes", "dataset_missing", "dataset_cin_referrals"}) {
        auto q = db.prepare(std::string("SELECT child, count(*) FROM ") + table + " GROUP BY child");
        ASSERT_TRUE(q->step()) << table << " lost its row";
        EXPECT_EQ(q->text(0), kDigestAt0062.substr(0, 15)) << table;
        EXPECT_EQ(q->integer(1), 1) << table;
        EXPECT_FALSE(q->step()) << table;
    }
    auto q = db.prepare("SELECT start_on FROM dataset_episodes");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->text(0), "2016-05-01");
}

}  // namespace assure::testing
