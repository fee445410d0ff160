#pragma once
// Use cases: the register of the area's schools, colleges and early years settings, and rounds
// of school audits (issue 20 item 3). The business unit imports the register (each setting
// becomes an agency of the partnership carrying its URN, its designated safeguarding lead a
// person in the directory), starts a round that asks one duty's questions and invites every
// setting answering to it in one step, invites settings added since, and reads the round's
// results by phase. Everyone who sees audits reads the register. Every change is audited in
// its own transaction.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/schools.hpp"

namespace assure {

struct SchoolRegister {
    std::vector<School> schools;                       // by name
    std::vector<std::pair<SchoolPhase, int>> by_phase;  // active settings in each phase that has any
    bool may_manage = false;
};
SchoolRegister list_schools(Services& s, const Actor& actor);

// What an import did: settings added, settings whose details changed, settings as they were, and
// settings the download says are closed (made inactive, or not added).
struct SchoolImport {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int closed = 0;
};
// All or none: a refused row (field "file") saves nothing. A URN already in the register
// updates that setting (a new download of Get Information about Schools each year); an agency
// already carrying the URN as its organisation code becomes that setting. A setting the download
// says is closed is not added, and one in the register is made inactive, as the business unit would.
SchoolImport import_schools(Services& s, const Actor& actor, std::string_view csv);
// One setting typed on a form; a URN already in the register is refused (field "urn").
School add_school(Services& s, const Actor& actor, const SchoolInput& input);

struct SchoolRoundInput {
    std::string title, duty, opens, closes, scale;
    std::vector<std::string> phases;  // phase keys; none for every phase
};
// Opens a Section 175 cycle asking the duty's questions and invites every active setting of
// that duty in the phases chosen; refused (field "phases") when the register has none.
AuditCycle start_school_round(Services& s, const Actor& actor, const SchoolRoundInput& input);
// Invites the settings of the round's duty and phases added to the register since it opened;
// returns how many. Refused when the round has closed or every setting is invited already.
int invite_new_schools(Services& s, const Actor& actor, AuditCycleId cycle, int expected_version);

struct SchoolRoundView {
    SchoolRound round;
    std::vector<PhaseResult> phases;
    int not_invited = 0;  // active settings of the duty and phases the round does not invite yet
};
// The round behind an audit cycle, with its results by phase; nullopt for a cycle that is not a
// round of school audits.
std::optional<SchoolRoundView> read_school_round(Services& s, const Actor& actor, AuditCycleId cycle);

}  // namespace assure
