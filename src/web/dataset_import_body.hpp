#pragma once
// A dataset import's file arrives as the body of the import page's form or of
// POST /api/v1/imports/{kind}. Those requests are uploads: the server writes their body to a file
// as it arrives, up to WebConfig::max_import_bytes (a census for England is about 260 MB), and
// the handler reads it mapped from there rather than from the heap.
#include <memory>
#include <string_view>

#include "web/routes.hpp"

namespace assure::web {

class MappedFile;

// Whether a request is a dataset import, whose body goes to a file.
bool is_dataset_import(std::string_view method, std::string_view path);

// A request's whole body: mapped from the file the server wrote it to, or the in-memory body of
// a request that was not written to one. `bytes` stays valid while this lives.
class RequestBody {
public:
    explicit RequestBody(const Ctx& ctx);
    ~RequestBody();
    RequestBody(const RequestBody&) = delete;
    RequestBody& operator=(const RequestBody&) = delete;
    std::string_view bytes;

private:
    std::unique_ptr<MappedFile> file_;
};

}  // namespace assure::web
