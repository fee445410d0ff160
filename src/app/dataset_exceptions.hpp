#pragma once
// The exception report: the indicators that are red or off trend in a period, each with its
// owner's narrative and the action taken (an action on the action plan where there is one),
// and the period's narrative for each priority. The business unit writes any of it; an
// agency's lead writes the notes of the indicators their agency is the source of.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/dataset.hpp"
#include "app/ports/dataset.hpp"
#include "core/dataset_exceptions.hpp"

namespace assure {

struct ExceptionLine {
    ScorecardLine line;
    ExceptionFlags flags;
    ExceptionNote note;  // version 0 when nothing is written yet
    bool may_write = false;
};

struct ExceptionReport {
    DatasetPeriod period;
    std::vector<DatasetPeriod> periods;  // those the person can choose, newest first
    std::vector<ExceptionLine> lines;    // in scorecard order
    std::vector<PriorityNarrative> narratives;  // one per priority of the catalogue (version 0 if none yet)
    bool may_write_narratives = false;
};

ExceptionReport read_exception_report(Services& s, const Actor& actor, std::optional<DatasetPeriod> period);

// Writes the note of an indicator that is an exception in the period. Invalid (field errors,
// nothing saved) for a missing narrative, an action that is not on the partnership's plan, or an
// indicator that is not an exception in the period; stale if the note changed since the version.
ExceptionNote save_exception_note(Services& s, const Actor& actor, const std::string& period, const std::string& code,
                                  int expected_version, const std::string& narrative, const std::string& action_taken,
                                  const std::string& action_id);

PriorityNarrative save_priority_narrative(Services& s, const Actor& actor, const std::string& period, const std::string& priority,
                                          int expected_version, const std::string& narrative);

}  // namespace assure
