#include "app/partnership.hpp"

namespace assure {

nlohmann::json to_json(const Agency& a) {
    return {{"id", a.id.value},
            {"name", a.name},
            {"kind", agency_kind_key(a.kind)},
            {"statutory_role", statutory_role_key(a.statutory_role)},
            {"sector", a.sector},
            {"chief_officer", a.chief_officer},
            {"organisation_code", a.organisation_code},
            {"active", a.active},
            {"version", a.version}};
}

nlohmann::json to_json(const Person& p) {
    nlohmann::json out{{"id", p.id.value},  {"name", p.name},     {"job_title", p.job_title},
                       {"email", p.email}, {"active", p.active}, {"version", p.version}};
    out["agency_id"] = p.agency.valid() ? nlohmann::json(p.agency.value) : nlohmann::json(nullptr);  // null: independent
    return out;
}

}  // namespace assure
