#pragma once
// Use cases: the training needs analysis (issue 16 item 5). The business unit opens one every two
// years, asking the active agencies of the sectors it chooses about the courses of the offer and
// any other topic; each agency's safeguarding lead (or statutory partner lead) answers for their
// agency while it is open, the business unit for any agency at any time. Everyone who sees
// training reads the results by topic; the results by agency are read by the business unit,
// the statutory partners' leads and the scrutineer, and an agency's lead reads their own.
// Every change is audited in its transaction.
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "core/training_needs.hpp"

namespace assure {

struct NeedsListLine {
    NeedsAnalysis analysis;
    NeedsAnalysisStage stage = NeedsAnalysisStage::open;
    int invited = 0, submitted = 0;
};
struct NeedsList {
    std::vector<NeedsListLine> analyses;  // newest first
    std::optional<Date> next_due;         // the latest analysis's; none before the first
    bool overdue = false;                 // today is past it and no analysis opened since
    bool may_manage = false;
};
NeedsList list_needs_analyses(Services& s, const Actor& actor);

// The offer's courses, by title, for the form's choices.
std::vector<Course> needs_offer(Services& s, const Actor& actor);
// Asks every active agency of the sectors chosen (every sector when none is). Refused with field
// errors: "title" taken, "sectors" with no active agency, and what core checks.
NeedsAnalysis open_needs_analysis(Services& s, const Actor& actor, const NeedsAnalysisInput& input);
// Moves the day returns close (and the title and the next due date); the topics and agencies
// asked stay as they were opened. Stale when `expected_version` is not the analysis's.
NeedsAnalysis change_needs_analysis(Services& s, const Actor& actor, NeedsAnalysisId id, const NeedsAnalysisInput& input, int expected_version);

struct NeedsView {
    NeedsAnalysis analysis;
    NeedsAnalysisStage stage = NeedsAnalysisStage::open;
    NeedsFigures figures;             // by_agency holds only the lines the person may read
    bool sees_every_agency = false;
    std::optional<AgencyId> own_agency;  // the agency the person answers for, when asked
    bool may_manage = false;
};
NeedsView read_needs_analysis(Services& s, const Actor& actor, NeedsAnalysisId id);

struct NeedsReturnView {
    NeedsAnalysis analysis;
    NeedsAnalysisStage stage = NeedsAnalysisStage::open;
    NeedsReturn answer;
    bool may_write = false;  // the person may save it now
};
// Not found for an agency not asked, or one whose return the person may not read.
NeedsReturnView read_needs_return(Services& s, const Actor& actor, NeedsAnalysisId id, AgencyId agency);
// Saves the agency's answer as a draft, or submits it (every figure answered). An agency's lead
// may save while the analysis is open; the business unit at any time, for returns on paper.
// A submitted return may be submitted again with changes; saving it as a draft takes it back.
NeedsReturn save_needs_return(Services& s, const Actor& actor, NeedsAnalysisId id, AgencyId agency, int expected_version,
                              const NeedsReturnInput& input, bool submitting);

}  // namespace assure
