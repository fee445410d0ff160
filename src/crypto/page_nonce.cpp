#include "crypto/page_nonce.hpp"

#include <sodium.h>

#include <cstdint>
#include <cstring>

namespace assure::crypto {
namespace {

// A ChaCha20 key from the system's generator (one getrandom per thread), and a counter as the
// stream's nonce, so no block of the stream is ever used twice.
struct ThreadStream {
    unsigned char key[crypto_stream_chacha20_ietf_KEYBYTES];
    std::uint64_t counter = 0;
    ThreadStream() { crypto_stream_chacha20_ietf_keygen(key); }
    ~ThreadStream() { sodium_memzero(key, sizeof key); }
    ThreadStream(const ThreadStream&) = delete;
    ThreadStream& operator=(const ThreadStream&) = delete;
};

}  // namespace

std::string page_nonce() {
    thread_local ThreadStream stream;
    unsigned char iv[crypto_stream_chacha20_ietf_NONCEBYTES] = {};
    std::memcpy(iv, &stream.counter, sizeof stream.counter);
    ++stream.counter;
    unsigned char bytes[16];
    crypto_stream_chacha20_ietf(bytes, sizeof bytes, iv, stream.key);
    char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

}  // namespace assure::crypto
