#pragma once
// multipart/form-data (RFC 7578), as a browser sends a form with a file input. The HTTP
// server reads it into the request before any handler runs: text fields into params (so the
// CSRF token of an upload form is checked as any form's) and files into files. An upload route
// (documents) gets its body in a file instead, never in memory: the server puts the text
// fields into params and names the file in the kUploadBodyHeader header, and the handler maps
// the file and finds its file part there (multipart_parts over MappedFile's bytes).
#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assure::web {

// The boundary of a multipart/form-data Content-Type, or none if it is not one.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Splits `body` by `boundary` into parts; false (and nothing added) if the body is not
// well-formed multipart. A part with a filename goes into req.files, any other into req.params.
bool read_multipart(std::string_view body, const std::string& boundary, httplib::Request& req);

// One part of a multipart body; `content` points into the body.
struct PartView {
    std::string name;
    std::string filename;
    std::string content_type;
    bool is_file = false;  // sent with a filename or a type: a file input's part
    std::string_view content;
};
// The body's parts in order, or none if it is not well-formed multipart.
std::optional<std::vector<PartView>> multipart_parts(std::string_view body, const std::string& boundary);
// Only the text fields into req.params (the files stay where the body is); false as above.
bool read_multipart_fields(std::string_view body, const std::string& boundary, httplib::Request& req);

// The header in which the server names the file an upload's body was written to. A client's
// own header of that name is removed before the handler sees the request.
inline constexpr const char* kUploadBodyHeader = "Assure-Upload-Body";

// A file's bytes mapped read-only: the page cache holds them, not the process's heap. Empty,
// and !ok(), if the file cannot be opened or mapped.
class MappedFile {
public:
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::string_view bytes() const;

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
    bool ok_ = false;
};

}  // namespace assure::web
