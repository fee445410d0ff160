#pragma once
// Scans bytes with a ClamAV daemon over its INSTREAM command (clamd(8)): the bytes are sent in
// length-prefixed chunks on a TCP or Unix socket and clamd answers "stream: OK" or
// "stream: NAME FOUND". Why a small client rather than a library: docs/decisions/0022.
#include <chrono>
#include <string>
#include <string_view>

#include "app/ports/documents.hpp"

namespace assure::documents {

class ClamdScanner final : public MalwareScanner {
public:
    // `address`: "HOST:PORT" (e.g. "127.0.0.1:3310") or the path of clamd's Unix socket
    // (e.g. "/run/clamav/clamd.ctl"). `timeout` bounds connecting, each send and the answer.
    explicit ClamdScanner(std::string address, std::chrono::seconds timeout = std::chrono::seconds(60));
    // Unreachable, a refusal or an answer not understood: unavailable, with what happened.
    [[nodiscard]] ScanResult scan(std::string_view bytes) const override;
    [[nodiscard]] const std::string& address() const { return address_; }

private:
    std::string address_;
    std::chrono::seconds timeout_;
};

}  // namespace assure::documents
