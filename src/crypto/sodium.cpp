#include "crypto/sodium.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace assure::crypto {

void initialise() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Argon2idHasher::Argon2idHasher()
    : ops_(crypto_pwhash_OPSLIMIT_INTERACTIVE), mem_(crypto_pwhash_MEMLIMIT_INTERACTIVE) {}

std::string Argon2idHasher::hash(const std::string& password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_, mem_, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

bool Argon2idHasher::verify(const std::string& hash, const std::string& password) const {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumTokens::random_token() const {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string SodiumTokens::digest(const std::string& token) const {
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

bool equal_secrets(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace assure::crypto

namespace assure::crypto {
namespace {
// The first 15 hex characters (60 bits) of the digest: a string that short is held without
// allocating, and an import holds one for each of a million rows (decision 0046).
constexpr std::size_t kKeyedDigestLength = 15;
constexpr std::size_t kDigestBytes = 16;  // BLAKE2b's digest length is in its parameters: 16 bytes, of which 60 bits are kept

// The digest key, a subkey of the case key (the key must be 32 bytes).
std::string digest_subkey(const std::string& key) {
    if (key.size() != crypto_secretbox_KEYBYTES) throw std::runtime_error("the case key must be 32 bytes");
    static_assert(crypto_kdf_KEYBYTES == crypto_secretbox_KEYBYTES);
    std::string subkey(crypto_generichash_KEYBYTES, '\0');
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(subkey.data()), subkey.size(), 1, "datasetk",
                               reinterpret_cast<const unsigned char*>(key.data()));
    return subkey;
}

}  // namespace

SecretboxSealer::SecretboxSealer(std::string key)
    : key_(std::move(key)), digest_key_(digest_subkey(key_)), digest_hash_(digest_key_, kDigestBytes) {
    // The key id: a digest of a fixed text under a subkey of its own, so it names the key
    // without telling anything about it or about the sealing and digest keys.
    std::string id_key(crypto_generichash_KEYBYTES, '\0');
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(id_key.data()), id_key.size(), 2, "casekeyi",
                               reinterpret_cast<const unsigned char*>(key_.data()));
    constexpr std::string_view kIdText = "assure case key id";
    unsigned char id[crypto_generichash_BYTES_MIN];  // 16, the shortest digest libsodium makes
    crypto_generichash(id, sizeof id, reinterpret_cast<const unsigned char*>(kIdText.data()), kIdText.size(),
                       reinterpret_cast<const unsigned char*>(id_key.data()), id_key.size());
    char hex[sizeof id * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, id, sizeof id);
    key_id_.assign(hex, 16);  // 64 bits name a key among the few an operator ever has
    sodium_memzero(id_key.data(), id_key.size());
}

void SecretboxSealer::use_digest_key(std::string key) {
    if (key.size() != crypto_generichash_KEYBYTES) throw std::runtime_error("the pseudonym key must be 32 bytes");
    digest_hash_ = KeyedBlake2b(key, kDigestBytes);
    digest_key_ = std::move(key);
}

std::string SecretboxSealer::keyed_digest(std::string_view context, std::string_view text) const {
    // Digested as if context, a zero byte and text were one message: "1" + "23" and "12" + "3"
    // must differ. An import digests a million ids, so a message that fits one block (every
    // child's id) is put together on the stack and digested from the key's compressed block.
    unsigned char digest[kDigestBytes];
    if (context.size() + 1 + text.size() <= KeyedBlake2b::kBlock) {
        char message[KeyedBlake2b::kBlock];
        std::memcpy(message, context.data(), context.size());
        message[context.size()] = '\0';
        std::memcpy(message + context.size() + 1, text.data(), text.size());
        digest_hash_.digest({message, context.size() + 1 + text.size()}, digest);
    } else {
        crypto_generichash_state state;
        crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(digest_key_.data()), digest_key_.size(), sizeof digest);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()), context.size());
        constexpr unsigned char kSeparator = 0;
        crypto_generichash_update(&state, &kSeparator, 1);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        crypto_generichash_final(&state, digest, sizeof digest);
    }
    // Hex by table: the digest is what is stored, so there is no secret for its timing to tell.
    constexpr char kHex[] = "0123456789abcdef";
    std::string hex(kKeyedDigestLength, '\0');
    for (std::size_t i = 0; i < kKeyedDigestLength; ++i) hex[i] = kHex[(digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf];
    return hex;
}

std::string SecretboxSealer::seal(const std::string& plain) const {
    std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                          plain.size(), out, reinterpret_cast<const unsigned char*>(key_.data()));
    std::string text(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), out, box.size(), sodium_base64_VARIANT_ORIGINAL);
    text.resize(std::strlen(text.c_str()));
    return text;
}

std::string SecretboxSealer::open(const std::string& sealed) const {
    auto fail = [] {
        return Failure(FailureCode::unavailable, "The children's details could not be opened with this server's case key");
    };
    std::string box(sealed.size(), '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.data(), sealed.size(), nullptr,
                          &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        throw fail();
    }
    const auto* in = reinterpret_cast<const unsigned char*>(box.data());
    std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), in + crypto_secretbox_NONCEBYTES,
                                   len - crypto_secretbox_NONCEBYTES, in,
                                   reinterpret_cast<const unsigned char*>(key_.data())) != 0) {
        throw fail();
    }
    return plain;
}

}  // namespace assure::crypto
