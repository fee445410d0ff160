#pragma once
// The documents' outside services for `assure serve`: libmagic, clamd (when [documents] clamd
// is set) and the folder of files, with its "incoming" folder for uploads being received.
#include <memory>
#include <string>

#include "cli/config.hpp"
#include "documents/clamd_scanner.hpp"
#include "documents/disk_files.hpp"
#include "documents/magic_sniffer.hpp"

namespace assure::cli {

struct DocumentWiring {
    // Creates the folders; throws std::runtime_error if they cannot be made.
    explicit DocumentWiring(const Config& config);
    documents::MagicSniffer sniffer;
    std::unique_ptr<documents::ClamdScanner> scanner;  // none: no clamd set
    documents::DiskFiles files;
    DocumentServices services;
    std::string incoming;  // uploads are received here, on the folder's own disk
};

}  // namespace assure::cli
