// The keyed digest that replaces children's ids (decision 0049): the one-block BLAKE2b gives
// exactly libsodium's digests, and the sealer's digests are libsodium's keyed BLAKE2b of
// context, a zero byte and the id, whether the message fits one block or not, so ids digested
// before this code existed still match.
#include <gtest/gtest.h>

#include <sodium.h>

#include <string>

#include "crypto/blake2b.hpp"
#include "crypto/sodium.hpp"

namespace assure::testing {
namespace {

std::string random_bytes(std::size_t n) {
    std::string s(n, '\0');
    randombytes_buf(s.data(), n);
    return s;
}

std::string libsodium_digest(const std::string& key, const std::string& message, std::size_t bytes) {
    std::string out(bytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), bytes, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    return out;
}

std::string hex_of(const std::string& bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    hex.pop_back();
    return hex;
}

TEST(KeyedBlake2b, GivesLibsodiumsDigestForEveryKeyDigestAndMessageLength) {
    ASSERT_GE(sodium_init(), 0);
    int compared = 0;
    for (std::size_t key_bytes : {1u, 16u, 32u, 64u}) {
        for (std::size_t digest_bytes : {1u, 8u, 16u, 32u, 64u}) {
            const std::string key = random_bytes(key_bytes);
            const crypto::KeyedBlake2b hash(key, digest_bytes);
            for (std::size_t length = 1; length <= crypto::KeyedBlake2b::kBlock; ++length) {
                const std::string message = random_bytes(length);
                std::string out(digest_bytes, '\0');
                hash.digest(message, reinterpret_cast<unsigned char*>(out.data()));
                ASSERT_EQ(hex_of(out), hex_of(libsodium_digest(key, message, digest_bytes)))
                    << "key " << key_bytes << " bytes, digest " << digest_bytes << " bytes, message " << length << " bytes";
                ++compared;
            }
        }
    }
    EXPECT_EQ(compared, 4 * 5 * 128);
}

TEST(KeyedBlake2b, RefusesWhatItCannotDigest) {
    const crypto::KeyedBlake2b hash(std::string(32, 'k'), 16);
    unsigned char out[16];
    EXPECT_THROW(hash.digest("", out), std::invalid_argument);
    EXPECT_THROW(hash.digest(std::string(129, 'x'), out), std::invalid_argument);
    EXPECT_THROW(crypto::KeyedBlake2b("", 16), std::invalid_argument);
    EXPECT_THROW(crypto::KeyedBlake2b(std::string(65, 'k'), 16), std::invalid_argument);
    EXPECT_THROW(crypto::KeyedBlake2b(std::string(32, 'k'), 0), std::invalid_argument);
    EXPECT_THROW(crypto::KeyedBlake2b(std::string(32, 'k'), 65), std::invalid_argument);
}

// The sealer's digest of every id length either side of the one-block limit, under the key it
// starts with and under a key given to it (as after a rotation).
TEST(KeyedDigest, IsLibsodiumsKeyedBlake2bOfContextZeroAndId) {
    ASSERT_GE(sodium_init(), 0);
    crypto::SecretboxSealer sealer(random_bytes(32));
    const std::string context = "dataset-child:7";
    for (int round = 0; round < 2; ++round) {
        if (round == 1) sealer.use_digest_key(random_bytes(32));
        const std::string key = sealer.digest_key();
        for (std::size_t length = 0; length <= 200; ++length) {
            std::string id(length, 'a');
            for (std::size_t i = 0; i < length; ++i) id[i] = static_cast<char>('0' + (i * 7 + length) % 43);
            const std::string expected = hex_of(libsodium_digest(key, context + std::string(1, '\0') + id, 16)).substr(0, 15);
            ASSERT_EQ(sealer.keyed_digest(context, id), expected) << "an id of " << length << " characters, round " << round;
        }
    }
    EXPECT_NE(sealer.keyed_digest("dataset-child:1", "23"), sealer.keyed_digest("dataset-child:12", "3"));
}

}  // namespace
}  // namespace assure::testing
