// Dates travel as ISO text; a return's optional dates as null when unset.
#include "app/learning_json.hpp"

namespace assure {

void to_json(nlohmann::json& j, const Date& d) { j = d.iso(); }
void from_json(const nlohmann::json& j, Date& d) {
    d = j.is_string() ? Date::parse(j.get<std::string>()).value_or(Date{}) : Date{};
}

void to_json(nlohmann::json& j, const AuditReturn& r) {
    j = {{"id", r.id},
         {"cycle", r.cycle},
         {"agency", r.agency},
         {"status", r.status},
         {"answers", r.answers},
         {"submitted_on", r.submitted_on ? nlohmann::json(r.submitted_on->iso()) : nlohmann::json(nullptr)},
         {"submitted_by", r.submitted_by},
         {"challenge_notes", r.challenge_notes},
         {"moderated_on", r.moderated_on ? nlohmann::json(r.moderated_on->iso()) : nlohmann::json(nullptr)},
         {"shared_from", r.shared_from ? nlohmann::json(*r.shared_from) : nlohmann::json(nullptr)},
         {"shared_with", r.shared_with},
         {"version", r.version}};
}

void from_json(const nlohmann::json& j, AuditReturn& r) {
    auto date = [&](const char* key) -> std::optional<Date> {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? Date::parse(it->get<std::string>()) : std::nullopt;
    };
    r.id = j.value("id", AuditReturnId{});
    r.cycle = j.value("cycle", AuditCycleId{});
    r.agency = j.value("agency", AgencyId{});
    r.status = j.value("status", ReturnStatus::draft);
    r.answers = j.value("answers", std::vector<StandardAnswer>{});
    r.submitted_on = date("submitted_on");
    r.submitted_by = j.value("submitted_by", "");
    r.challenge_notes = j.value("challenge_notes", "");
    r.moderated_on = date("moderated_on");
    if (const auto it = j.find("shared_from"); it != j.end() && it->is_object()) r.shared_from = it->get<SharedOrigin>();
    r.shared_with = j.value("shared_with", std::vector<SharedCopy>{});
    r.version = j.value("version", 1);
}

}  // namespace assure
