#pragma once
// What an agency writes in a demo audit return (data/demo/audit_answers.json): chosen by the
// standard, by the kind of agency answering and by the grade it gives itself, so that a weaker
// grade reads like a weaker answer: what is in place, the gap, what the agency will do and by when.
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/learning.hpp"

namespace assure::cli {

struct DemoAnswer {
    std::string narrative;
    std::string evidence;
};

struct DemoAnswerAsk {
    AuditKind kind = AuditKind::section_11;
    std::string standard;    // the standard's code in the cycle
    std::string agency_key;  // the agency's key in the demo documents
    std::string grade;       // "1"–"4", or "green", "amber", "red"
    Date submitted;          // the "by when" of a promised action counts from here
    std::string area;        // the partnership's area, for {area}
};

// Throws std::out_of_range for a standard the table does not hold, so new standards get words.
DemoAnswer demo_answer(const nlohmann::json& table, const DemoAnswerAsk& ask);

}  // namespace assure::cli
