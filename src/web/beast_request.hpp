#pragma once
// A request read by Boost.Beast's parser, turned into the plain request cpp-httplib's handlers
// expect: path decoded, query and form fields parsed by that library's own functions. Included
// by the event loop (http_server.cpp) and by the request parser's fuzz target
// (tests/fuzz/fuzz_http.cpp), so that what is fuzzed is what serves; nothing else includes
// Beast (decision 0011).
#include <boost/beast/http/message.hpp>
#include <httplib.h>

#include <string>
#include <utility>

#include "web/multipart.hpp"
#include "web/public_host.hpp"

namespace assure::web {

// Method, target, version, path, query parameters and headers; not the body.
template <class Message>
httplib::Request request_from(const Message& m) {
    httplib::Request req;
    req.method = std::string(m.method_string());
    req.target = std::string(m.target());
    req.version = m.version() == 10 ? "HTTP/1.0" : "HTTP/1.1";
    const auto mark = req.target.find('?');
    req.path = httplib::detail::decode_url(req.target.substr(0, mark), false);
    if (mark != std::string::npos && mark + 1 < req.target.size()) {
        httplib::detail::parse_query_text(req.target.substr(mark + 1), req.params);
    }
    for (const auto& field : m) req.headers.emplace(std::string(field.name_string()), std::string(field.value()));
    req.headers.erase(kUploadBodyHeader);  // only the server names an upload's file
    req.headers.erase(kPublicHostHeader);  // or the public host it mapped the request from
    return req;
}

// The body, and its fields when it is a url-encoded or multipart form.
inline void read_body_fields(httplib::Request& req, std::string body) {
    req.body = std::move(body);
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0) {
        httplib::detail::parse_query_text(req.body, req.params);
    } else if (const auto boundary = multipart_boundary(req.get_header_value("Content-Type"))) {
        read_multipart(req.body, *boundary, req);  // a malformed body leaves no fields: the CSRF check refuses it
    }
}

}  // namespace assure::web
