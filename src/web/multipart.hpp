#pragma once
// multipart/form-data (RFC 7578), as a browser sends a form with a file input. The HTTP
// server reads it into the request before any handler runs: text fields into params (so the
// CSRF token of an upload form is checked as any form's) and files into files.
#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace assure::web {

// The boundary of a multipart/form-data Content-Type, or none if it is not one.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Splits `body` by `boundary` into parts; false (and nothing added) if the body is not
// well-formed multipart. A part with a filename goes into req.files, any other into req.params.
bool read_multipart(std::string_view body, const std::string& boundary, httplib::Request& req);

}  // namespace assure::web
