#include "web/dataset_import_body.hpp"

#include "web/multipart.hpp"

namespace assure::web {

bool is_dataset_import(std::string_view method, std::string_view path) {
    if (method != "POST") return false;
    if (path == "/dataset/imports/new") return true;
    constexpr std::string_view api = "/api/v1/imports/";
    if (path.substr(0, api.size()) != api || path.size() == api.size()) return false;
    for (const char c : path.substr(api.size())) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

RequestBody::RequestBody(const Ctx& ctx) {
    const std::string path = ctx.req.get_header_value(kUploadBodyHeader);
    if (path.empty()) {
        bytes = ctx.req.body;
        return;
    }
    file_ = std::make_unique<MappedFile>(path);
    bytes = file_->bytes();
}

RequestBody::~RequestBody() = default;

}  // namespace assure::web
