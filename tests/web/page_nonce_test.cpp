// The CSP nonce: 22 url-safe characters, never repeated, on any number of threads (each thread
// has its own stream; two threads' streams must not coincide).
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "crypto/page_nonce.hpp"
#include "crypto/sodium.hpp"

TEST(PageNonce, IsTwentyTwoUrlSafeCharacters) {
    assure::crypto::initialise();
    const std::string n = assure::crypto::page_nonce();
    ASSERT_EQ(n.size(), 22u);
    EXPECT_EQ(n.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos) << n;
}

TEST(PageNonce, NeverRepeatsWithinOrAcrossThreads) {
    assure::crypto::initialise();
    std::set<std::string> seen;
    std::mutex m;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            std::vector<std::string> mine;
            for (int i = 0; i < 5000; ++i) mine.push_back(assure::crypto::page_nonce());
            const std::lock_guard lock(m);
            seen.insert(mine.begin(), mine.end());
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(seen.size(), 20000u);
}
