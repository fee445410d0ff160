// Dates travel as ISO text; a return's optional dates as null when unset.
#include "web/learning_json.hpp"

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

}  // namespace assure
