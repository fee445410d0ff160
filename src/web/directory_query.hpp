#pragma once
// What a list of the directory is asked for, read from a request's query string. Pages and the
// API share the names: `q` (part of a name; for people also of an email or job title),
// `status` (active, the default; deactivated; all), `kind` for agencies, and the agency for
// people. A value that is not one of these is a field error, so the API answers 422.
#include <string>

#include "app/ports/partnership.hpp"
#include "web/routes.hpp"

namespace assure::web {

AgencyQuery agency_query(const Ctx& ctx);
// `agency_param` is the name the agency id arrives under ("agency" on pages, "agency_id" in the API).
PersonQuery person_query(const Ctx& ctx, const std::string& agency_param);

}  // namespace assure::web
