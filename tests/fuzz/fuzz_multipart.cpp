// libFuzzer target: a multipart/form-data request as the server reads it before any handler
// runs (web/multipart.cpp): the boundary from the Content-Type, then the body's parts into a
// request's params and files, and the parts as an upload's handler reads them.
// Input: the Content-Type line, a newline, then the body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "web/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string_view content_type = input.substr(0, newline);
    const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    const auto boundary = assure::web::multipart_boundary(content_type);
    const std::string used = boundary ? *boundary : std::string("b");
    httplib::Request whole;
    (void)assure::web::read_multipart(body, used, whole);
    httplib::Request fields;
    (void)assure::web::read_multipart_fields(body, used, fields);
    if (const auto parts = assure::web::multipart_parts(body, used)) {
        for (const auto& p : *parts) {
            // Every part's content must lie inside the body it came from.
            if (!p.content.empty() && (p.content.data() < body.data() || p.content.data() + p.content.size() > body.data() + body.size())) {
                __builtin_trap();
            }
        }
    }
    return 0;
}
