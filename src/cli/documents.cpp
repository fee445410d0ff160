#include "cli/documents.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace assure::cli {

DocumentWiring::DocumentWiring(const Config& config)
    : scanner(config.clamd.empty() ? nullptr : std::make_unique<documents::ClamdScanner>(config.clamd)),
      files(config.documents_folder()),
      services{sniffer, scanner.get(), files, DocumentLimits{std::int64_t{config.documents_max_megabytes} * 1024 * 1024},
               config.allow_unscanned},
      incoming((std::filesystem::path(config.documents_folder()) / "incoming").string()) {
    std::filesystem::create_directories(incoming);
    if (scanner) {
        spdlog::info("documents: kept in {}, scanned by clamd at {}, up to {} MB", files.dir(), config.clamd,
                     config.documents_max_megabytes);
    } else if (config.allow_unscanned) {
        spdlog::warn("documents: no [documents] clamd set and allow_unscanned = true: uploads are saved without a virus scan");
    } else {
        spdlog::warn("documents: no [documents] clamd set: uploads are refused until a scanner is configured");
    }
}

}  // namespace assure::cli
