#include "crypto/blake2b.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace assure::crypto {
namespace {

constexpr std::array<std::uint64_t, 8> kIv = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                                              0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

constexpr unsigned char kSigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}};

constexpr std::uint64_t rotr(std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

std::uint64_t load64(const unsigned char* p) {
    std::uint64_t x = 0;
    for (int i = 7; i >= 0; --i) x = (x << 8) | p[i];  // little-endian, whatever the machine
    return x;
}

// RFC 7693 section 3.2, function F.
void compress(std::array<std::uint64_t, 8>& h, const unsigned char* block, std::uint64_t count, bool last) {
    std::uint64_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = load64(block + 8 * i);
    std::uint64_t v[16];
    for (int i = 0; i < 8; ++i) {
        v[i] = h[i];
        v[i + 8] = kIv[i];
    }
    v[12] ^= count;  // the high word of the count stays 0: no message here nears 2^64 bytes
    if (last) v[14] = ~v[14];
    auto g = [&v](int a, int b, int c, int d, std::uint64_t x, std::uint64_t y) {
        v[a] = v[a] + v[b] + x;
        v[d] = rotr(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = rotr(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = rotr(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = rotr(v[b] ^ v[c], 63);
    };
    for (const auto& s : kSigma) {
        g(0, 4, 8, 12, m[s[0]], m[s[1]]);
        g(1, 5, 9, 13, m[s[2]], m[s[3]]);
        g(2, 6, 10, 14, m[s[4]], m[s[5]]);
        g(3, 7, 11, 15, m[s[6]], m[s[7]]);
        g(0, 5, 10, 15, m[s[8]], m[s[9]]);
        g(1, 6, 11, 12, m[s[10]], m[s[11]]);
        g(2, 7, 8, 13, m[s[12]], m[s[13]]);
        g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
}

}  // namespace

KeyedBlake2b::KeyedBlake2b(std::string_view key, std::size_t digest_bytes) : digest_bytes_(digest_bytes) {
    if (key.empty() || key.size() > 64 || digest_bytes == 0 || digest_bytes > 64) throw std::invalid_argument("BLAKE2b takes a key and a digest of 1 to 64 bytes");
    after_key_ = kIv;
    after_key_[0] ^= 0x01010000ULL ^ (key.size() << 8) ^ digest_bytes;  // the parameter block: fanout 1, depth 1
    unsigned char block[kBlock] = {};
    std::memcpy(block, key.data(), key.size());
    compress(after_key_, block, kBlock, false);  // never the last block: a message always follows
    sodium_memzero(block, sizeof block);
}

void KeyedBlake2b::digest(std::string_view message, unsigned char* out) const {
    if (message.empty() || message.size() > kBlock) throw std::invalid_argument("a one-block BLAKE2b message is 1 to 128 bytes");
    auto h = after_key_;
    unsigned char block[kBlock] = {};
    std::memcpy(block, message.data(), message.size());
    compress(h, block, kBlock + message.size(), true);
    for (std::size_t i = 0; i < digest_bytes_; ++i) out[i] = static_cast<unsigned char>(h[i / 8] >> (8 * (i % 8)));
}

}  // namespace assure::crypto
