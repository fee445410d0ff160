#include "web/multipart.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::vector<PartView>> multipart_parts(std::string_view body, const std::string& boundary) {
    const std::string delimiter = "--" + boundary;
    std::vector<PartView> parts;
    std::size_t at = body.find(delimiter);
    if (at == std::string_view::npos) return std::nullopt;
    while (true) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") break;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return std::nullopt;
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) return std::nullopt;
        const auto next = body.find("\r\n" + delimiter, headers_end + 4);
        if (next == std::string_view::npos) return std::nullopt;
        PartView part;
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
        if (!named) return std::nullopt;
        // A file input sends a filename (empty when no file was chosen); a text field none.
        part.is_file = !part.filename.empty() || !part.content_type.empty();
        part.content = body.substr(headers_end + 4, next - headers_end - 4);
        parts.push_back(std::move(part));
        at = next + 2;
    }
    return parts;
}

bool read_multipart(std::string_view body, const std::string& boundary, httplib::Request& req) {
    auto parts = multipart_parts(body, boundary);
    if (!parts) return false;
    for (auto& p : *parts) {
        if (!p.is_file) {
            req.params.emplace(p.name, std::string(p.content));
            continue;
        }
        httplib::MultipartFormData file;
        file.name = p.name;
        file.filename = p.filename;
        file.content_type = p.content_type;
        file.content = std::string(p.content);
        req.files.emplace(p.name, std::move(file));
    }
    return true;
}

bool read_multipart_fields(std::string_view body, const std::string& boundary, httplib::Request& req) {
    auto parts = multipart_parts(body, boundary);
    if (!parts) return false;
    for (auto& p : *parts) {
        if (!p.is_file) req.params.emplace(p.name, std::string(p.content));
    }
    return true;
}

MappedFile::MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        ok_ = true;
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ > 0) {
            void* at = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (at == MAP_FAILED) {
                ok_ = false;
                size_ = 0;
            } else {
                data_ = at;
            }
        }
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
}

std::string_view MappedFile::bytes() const {
    return data_ != nullptr ? std::string_view(static_cast<const char*>(data_), size_) : std::string_view();
}

}  // namespace assure::web
