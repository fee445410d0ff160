#include "web/multipart.hpp"

#include <cctype>
#include <vector>

namespace assure::web {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A parameter of a header value: name="value" (quoted) or name=value.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
    std::size_t at = 0;
    while ((at = value.find(';', at)) != std::string_view::npos) {
        ++at;
        while (at < value.size() && value[at] == ' ') ++at;
        const auto eq = value.find('=', at);
        if (eq == std::string_view::npos) return std::nullopt;
        if (lower_ascii(value.substr(at, eq - at)) != name) continue;
        std::string_view rest = value.substr(eq + 1);
        if (!rest.empty() && rest.front() == '"') {
            const auto close = rest.find('"', 1);
            if (close == std::string_view::npos) return std::nullopt;
            return std::string(rest.substr(1, close - 1));
        }
        return std::string(rest.substr(0, rest.find(';')));
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    if (lower_ascii(content_type.substr(0, 19)) != "multipart/form-data") return std::nullopt;
    auto b = header_parameter(content_type, "boundary");
    if (!b || b->empty() || b->size() > 70) return std::nullopt;
    return b;
}

bool read_multipart(std::string_view body, const std::string& boundary, httplib::Request& req) {
    const std::string delimiter = "--" + boundary;
    std::vector<httplib::MultipartFormData> parts;
    std::size_t at = body.find(delimiter);
    if (at == std::string_view::npos) return false;
    while (true) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") break;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return false;
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) return false;
        const auto next = body.find("\r\n" + delimiter, headers_end + 4);
        if (next == std::string_view::npos) return false;
        httplib::MultipartFormData part;
        std::string_view headers = body.substr(at, headers_end - at);
        bool named = false;
        while (!headers.empty()) {
            const auto eol = headers.find("\r\n");
            const std::string_view line = headers.substr(0, eol);
            const auto colon = line.find(':');
            if (colon != std::string_view::npos) {
                const std::string name = lower_ascii(line.substr(0, colon));
                std::string_view value = line.substr(colon + 1);
                while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
                if (name == "content-disposition") {
                    if (auto n = header_parameter(value, "name")) {
                        part.name = *n;
                        named = true;
                    }
                    if (auto f = header_parameter(value, "filename")) part.filename = *f;
                } else if (name == "content-type") {
                    part.content_type = std::string(value);
                }
            }
            if (eol == std::string_view::npos) break;
            headers.remove_prefix(eol + 2);
        }
        if (!named) return false;
        part.content = std::string(body.substr(headers_end + 4, next - headers_end - 4));
        parts.push_back(std::move(part));
        at = next + 2;
    }
    for (auto& p : parts) {
        // A file input sends a filename (empty when no file was chosen); a text field none.
        if (p.content_type.empty() && p.filename.empty()) {
            req.params.emplace(p.name, std::move(p.content));
        } else {
            req.files.emplace(p.name, std::move(p));
        }
    }
    return true;
}

}  // namespace assure::web
