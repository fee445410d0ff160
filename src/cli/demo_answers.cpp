#include "cli/demo_answers.hpp"

#include "core/date_words.hpp"

namespace assure::cli {
namespace {

using nlohmann::json;

std::string filled(std::string text, const std::string& marker, const std::string& value) {
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size())) {
        text.replace(at, marker.size(), value);
    }
    return text;
}

// The last day of the month `months` after `from`: agencies promise actions by a month's end.
Date month_end_after(Date from, int months) {
    const Date d = add_months_clamped(from, months);
    return Date{d.year, d.month, days_in_month(d.year, d.month)};
}

// A text given per voice, or the words any agency might write when its voice has none; a plain
// text is every voice's.
std::string in_voice(const json& texts, const std::string& voice) {
    if (texts.is_string()) return texts.get<std::string>();
    return texts.contains(voice) ? texts.at(voice).get<std::string>() : texts.at("other").get<std::string>();
}

DemoAnswer section_11(const json& table, const DemoAnswerAsk& ask) {
    const json& standard = table.at("section_11").at(ask.standard);
    const json& voices = table.at("voices");
    const std::string voice = voices.contains(ask.agency_key) ? voices.at(ask.agency_key).get<std::string>() : "other";
    const std::string in_place = in_voice(standard.at("in_place"), voice);
    const std::string gap = in_voice(standard.at("gap"), voice);
    const std::string plan = in_voice(standard.at("plan"), voice);
    std::string narrative;
    if (ask.grade == "1") {
        narrative = in_place + " " + standard.at("strength").get<std::string>();
    } else if (ask.grade == "2") {
        narrative = in_place;
    } else if (ask.grade == "3") {
        narrative = in_place + " Still to do: " + gap + " We will " + plan + " by " +
                    date_in_words(month_end_after(ask.submitted, 6)) + ".";
    } else {  // inadequate: the gap first, and a nearer date
        narrative = "Not yet met. " + gap + " We will " + plan + " by " + date_in_words(month_end_after(ask.submitted, 3)) +
                    ", and report progress to the partnership every month. What is in place: " + in_place;
    }
    return {filled(narrative, "{area}", ask.area), filled(in_voice(standard.at("evidence"), voice), "{area}", ask.area)};
}

DemoAnswer section_175(const json& table, const DemoAnswerAsk& ask) {
    const json& standard = table.at("section_175").at(ask.standard);
    const json& settings = table.at("who");
    const std::string who = settings.contains(ask.agency_key) ? settings.at(ask.agency_key).get<std::string>() : "our settings";
    std::string narrative = standard.at(ask.grade == "green" || ask.grade == "amber" ? ask.grade : std::string("red")).get<std::string>();
    if (ask.grade != "green") {
        const int months = ask.grade == "amber" ? 6 : 3;
        narrative += " We will " + standard.at("plan").get<std::string>() + " by " + date_in_words(month_end_after(ask.submitted, months)) + ".";
    }
    return {filled(narrative, "{who}", who), standard.at("evidence").get<std::string>()};
}

}  // namespace

DemoAnswer demo_answer(const json& table, const DemoAnswerAsk& ask) {
    return ask.kind == AuditKind::section_175 ? section_175(table, ask) : section_11(table, ask);
}

}  // namespace assure::cli
