#pragma once
// A page's Content-Security-Policy nonce, made without a system call: each thread keys its own
// ChaCha20 stream once from the system's generator and takes 128 bits from it per nonce.
#include <string>

namespace assure::crypto {

// 22 url-safe base64 characters (128 bits), never the same twice.
std::string page_nonce();

}  // namespace assure::crypto
