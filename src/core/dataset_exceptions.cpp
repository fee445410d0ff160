#include "core/dataset_exceptions.hpp"

#include <charconv>

#include "core/text.hpp"

namespace assure {

bool off_trend(Polarity polarity, const std::vector<std::optional<double>>& trend) {
    if (polarity == Polarity::neither || trend.size() < 3) return false;
    const auto n = trend.size();
    const auto& a = trend[n - 3];
    const auto& b = trend[n - 2];
    const auto& c = trend[n - 1];
    if (!a || !b || !c) return false;
    auto worse = [&](double before, double now) { return polarity == Polarity::higher_is_better ? now < before : now > before; };
    return worse(*a, *b) && worse(*b, *c);
}

ExceptionFlags exception_flags(Rag rag, Polarity polarity, const std::vector<std::optional<double>>& trend) {
    return {rag == Rag::red, off_trend(polarity, trend)};
}

std::string exception_words(const ExceptionFlags& f) {
    if (f.red && f.off_trend) return "Red and off trend";
    if (f.red) return "Red";
    if (f.off_trend) return "Off trend";
    return "";
}

FieldErrors check_exception_note(const std::string& narrative, const std::string& action_taken, const std::string& action_id,
                                 std::optional<std::int64_t>& action) {
    FieldErrors errors;
    const std::string words = trim(narrative);
    if (words.empty()) errors.push_back({"narrative", "Enter the owner's narrative: why the figure is where it is"});
    else if (words.size() > kMaxNarrativeLength) errors.push_back({"narrative", "The narrative must be 5,000 characters or fewer"});
    if (trim(action_taken).size() > kMaxNarrativeLength) errors.push_back({"action_taken", "The action taken must be 5,000 characters or fewer"});
    const std::string id = trim(action_id);
    action.reset();
    if (!id.empty()) {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), v);
        if (ec != std::errc{} || end != id.data() + id.size() || v <= 0) errors.push_back({"action_id", "Enter the number of an action on the action plan, like 12"});
        else action = v;
    }
    if (trim(action_taken).empty() && id.empty()) {
        errors.push_back({"action_taken", "Say what action is being taken, or give the action plan's action"});
    }
    return errors;
}

FieldErrors check_priority_narrative(const std::string& narrative) {
    const std::string words = trim(narrative);
    if (words.empty()) return {{"narrative", "Enter the narrative for the priority"}};
    if (words.size() > kMaxNarrativeLength) return {{"narrative", "The narrative must be 5,000 characters or fewer"}};
    return {};
}

}  // namespace assure
