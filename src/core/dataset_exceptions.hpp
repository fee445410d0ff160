#pragma once
// The exception report's rules: which indicators are exceptions in a period (red against their
// target, or off trend), and what a narrative must be.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/failure.hpp"

namespace assure {

constexpr std::size_t kMaxNarrativeLength = 5000;

// Off trend: the latest three figures each worse than the one before by the indicator's
// polarity (two deteriorations in a row). `trend` is oldest first and ends with the period's
// figure; a gap (no figure) breaks the run. An indicator with no better direction is never
// off trend.
bool off_trend(Polarity polarity, const std::vector<std::optional<double>>& trend);

struct ExceptionFlags {
    bool red = false;
    bool off_trend = false;
    [[nodiscard]] bool any() const { return red || off_trend; }
};
ExceptionFlags exception_flags(Rag rag, Polarity polarity, const std::vector<std::optional<double>>& trend);
std::string exception_words(const ExceptionFlags& f);  // "Red", "Off trend", "Red and off trend"

// A note needs the owner's narrative; the action taken may be words, an action on the plan, or
// both. `action_id` is as typed ("" for none).
FieldErrors check_exception_note(const std::string& narrative, const std::string& action_taken, const std::string& action_id,
                                 std::optional<std::int64_t>& action);
FieldErrors check_priority_narrative(const std::string& narrative);

}  // namespace assure
