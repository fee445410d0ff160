#include "core/documents.hpp"

#include <array>

#include "core/text.hpp"

namespace assure {
namespace {

struct RecordInfo {
    DocumentRecord record;
    std::string_view key;
};

constexpr std::array<RecordInfo, 3> kRecords{{
    {DocumentRecord::meeting, "meeting"},
    {DocumentRecord::review_case, "review_case"},
    {DocumentRecord::partnership, "partnership"},
}};

}  // namespace

std::string_view document_record_key(DocumentRecord r) {
    for (const auto& info : kRecords) {
        if (info.record == r) return info.key;
    }
    return "unknown";
}

std::optional<DocumentRecord> parse_document_record(std::string_view key) {
    for (const auto& info : kRecords) {
        if (info.key == key) return info.record;
    }
    return std::nullopt;
}

const std::vector<DocumentType>& allowed_document_types() {
    static const std::vector<DocumentType> types{
        {"application/pdf", "PDF", ".pdf"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", ".docx"},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", ".xlsx"},
        {"application/vnd.oasis.opendocument.text", "ODT", ".odt"},
        {"image/png", "PNG", ".png"},
        {"image/jpeg", "JPEG", ".jpg"},
        {"text/plain", "text", ".txt"},
        {"text/csv", "CSV", ".csv"},
    };
    return types;
}

std::optional<DocumentType> allowed_document_type(std::string_view sniffed_mime) {
    const std::string bare = lower(trim(sniffed_mime.substr(0, sniffed_mime.find(';'))));
    for (const auto& t : allowed_document_types()) {
        if (t.mime == bare) return t;
    }
    return std::nullopt;
}

std::string allowed_document_labels() {
    const auto& types = allowed_document_types();
    std::string out;
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i > 0) out += i + 1 == types.size() ? " or " : ", ";
        out += types[i].label;
    }
    return out;
}

std::string megabytes_text(std::int64_t bytes) {
    const std::int64_t mb = 1024 * 1024;
    if (bytes % mb == 0) return std::to_string(bytes / mb) + " MB";
    return std::to_string(bytes / 1024) + " KB";
}

FieldErrors check_document(std::string_view filename, std::string_view sniffed_mime, std::int64_t size,
                           const DocumentLimits& limits) {
    if (filename.empty() && size == 0) return {{"file", "Select a file"}};
    if (size == 0) return {{"file", "The selected file is empty"}};
    if (size > limits.max_bytes) {
        return {{"file", "The selected file must be smaller than " + megabytes_text(limits.max_bytes)}};
    }
    if (!allowed_document_type(sniffed_mime)) {
        // Said from what the bytes are, not what the name claims: a renamed program is refused.
        return {{"file", "The selected file must be a " + allowed_document_labels() + " file (its content is " +
                             std::string(sniffed_mime.empty() ? "not recognised" : sniffed_mime) + ")"}};
    }
    return {};
}

std::optional<FieldError> check_document_title(std::string_view title) {
    const std::string t = trim(title);
    if (t.empty()) return FieldError{"title", "Enter a title for the document"};
    if (char_count(t) > 200) return FieldError{"title", "Title must be 200 characters or fewer"};
    return std::nullopt;
}

std::string safe_filename(std::string_view name, const DocumentType& type) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f || c == '"' || c == ';') ? '_' : c;
    }
    if (!is_valid_utf8(out)) out.clear();
    if (out.size() > 150) {
        const auto dot = out.rfind('.');
        const std::string ext = dot != std::string::npos && out.size() - dot <= 10 ? out.substr(dot) : std::string();
        out.resize(150 - ext.size());
        while (!out.empty() && !is_valid_utf8(out)) out.pop_back();  // not half a character
        out += ext;
    }
    if (out.empty() || out == "." || out == "..") out = "document" + std::string(type.extension);
    return out;
}

}  // namespace assure
