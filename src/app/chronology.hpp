#pragma once
// Use cases: a review's multi-agency chronology (issue 18 item 2). It is part of the case's
// record: only those who may see the case read it, every reading is logged, and the names as
// agencies wrote them only for those who may see the children's identities; everyone else reads
// it anonymised. The business unit adds rows for any agency involved in the case and keeps the
// list of names replaced; a panel member adds their own agency's rows.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "core/chronology.hpp"

namespace assure {

struct ChronologyView {
    CaseId case_id;
    std::string reference;                                      // the case's, "SI-2026-01"
    std::vector<std::pair<AgencyId, std::string>> agencies;     // the case's agencies, by name
    std::vector<std::pair<AgencyId, std::string>> writable;     // those the person may add rows for
    std::vector<ChronologyEntry> timeline;                      // merged; anonymised unless `named`
    std::vector<ChronologyGap> gaps;
    std::vector<ChronologyOverlap> overlaps;
    std::vector<ChronologyAlias> aliases;                       // empty unless the person may see names
    int gap_days = kDefaultChronologyGapDays;
    bool named = false;          // shown as the agencies wrote it
    bool may_see_named = false;  // may switch to the named view (and see the list of names)
    bool may_manage = false;     // may keep the list of names replaced
    [[nodiscard]] std::string agency_name(AgencyId id) const;
};

// The merged timeline. `named` asks for the names as written (refused, forbidden, to those who
// may not see them); `gap_days` is the silence worth flagging (1 to 3,650 days).
ChronologyView read_chronology(Services& s, const Actor& actor, CaseId id, bool named, int gap_days = kDefaultChronologyGapDays);

// What the forms to add rows need: the case's reference and the agencies the person may add
// rows for (forbidden when none). Shows no row, so reads none and logs nothing.
struct ChronologyForm {
    std::string reference;
    std::vector<std::pair<AgencyId, std::string>> writable;
};
ChronologyForm chronology_form(Services& s, const Actor& actor, CaseId id);

// One row for one of the case's agencies; answered with the agency's name.
struct AddedChronologyEntry {
    ChronologyEntry entry;
    std::string agency;
};
AddedChronologyEntry add_chronology_entry(Services& s, const Actor& actor, CaseId id, const std::string& agency_id,
                                     const ChronologyRowInput& in);
void remove_chronology_entry(Services& s, const Actor& actor, CaseId id, std::int64_t entry);

struct ChronologyUpload {
    std::string agency;  // its name
    int added = 0;
    int replaced = 0;  // the agency's rows there before, now gone
};
// An agency's whole chronology from a sheet (CSV text; an XLSX is converted before): replaces
// the rows the agency had on the case. All or none: any wrong row refuses the file.
ChronologyUpload upload_chronology(Services& s, const Actor& actor, CaseId id, const std::string& agency_id, std::string_view csv);

ChronologyAlias add_chronology_alias(Services& s, const Actor& actor, CaseId id, const ChronologyAlias& alias);
void remove_chronology_alias(Services& s, const Actor& actor, CaseId id, std::int64_t alias);

}  // namespace assure
