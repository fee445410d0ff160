#pragma once
// Keyed BLAKE2b (RFC 7693) of messages that fit one 128-byte block, the key's own block
// compressed once. libsodium's BLAKE2b keeps the last block it was given uncompressed until it
// knows whether more follows, so each keyed digest of a short message compresses the key's block
// again: two compressions where one would do. An import digests a million children's ids under
// one key (decision 0049); this gives the same digests as libsodium, tested against it.
#include <array>
#include <cstdint>
#include <string_view>

namespace assure::crypto {

class KeyedBlake2b {
public:
    static constexpr std::size_t kBlock = 128;
    // `key` of 1 to 64 bytes; digests of `digest_bytes`, 1 to 64.
    KeyedBlake2b(std::string_view key, std::size_t digest_bytes);
    // The digest of a message of 1 to kBlock bytes into `out` (digest_bytes long).
    void digest(std::string_view message, unsigned char* out) const;

private:
    std::array<std::uint64_t, 8> after_key_{};
    std::size_t digest_bytes_;
};

}  // namespace assure::crypto
