#pragma once
// Rendered responses kept by the version of the data they show (docs/decisions/0017).
//
// A response is kept under its key (who asked, for what) with its stamp: the data version it was
// read at and the day in England (what "overdue" and the statutory clocks are counted from). It
// is served again only for exactly that stamp, so a change from any process, or midnight, ends
// it. The two values that must differ on every response are kept out of the stored copy: the
// CSP nonce, and the session's CSRF token (the same person in another session has another),
// each put back afresh when the response is served.
//
// Bounded by bytes; the least recently served goes first. Safe to use from many threads.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/access_log.hpp"

namespace assure::web {

// Text with the nonce and the CSRF token cut out, to be filled with new ones.
class Fillable {
public:
    Fillable() = default;
    Fillable(std::string_view text, std::string_view nonce, std::string_view csrf);
    [[nodiscard]] std::string fill(std::string_view nonce, std::string_view csrf) const;
    [[nodiscard]] std::size_t bytes() const;

private:
    enum class Hole : char { nonce, csrf };
    std::vector<std::string> pieces_;  // one more than holes_
    std::vector<Hole> holes_;          // holes_[i] sits between pieces_[i] and pieces_[i + 1]
};

class PageCache {
public:
    struct Stamp {
        std::int64_t version = 0;
        std::int64_t day = 0;
        bool operator==(const Stamp&) const = default;
    };

    explicit PageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Writes the response kept under `key` at exactly `stamp` into `res` (status, headers, body)
    // with the given nonce and token; false when there is none.
    // `reads` receives the access-log entries the response was kept with, to be written again.
    bool serve(const std::string& key, Stamp stamp, std::string_view nonce, std::string_view csrf, httplib::Response& res,
               std::vector<AccessEntry>* reads = nullptr);
    // Keeps a finished response: a 200 that sets no cookie. Others are ignored. `reads` are the
    // access-log entries its rendering made: each serve hands them back to be logged again.
    void keep(const std::string& key, Stamp stamp, std::string_view nonce, std::string_view csrf, const httplib::Response& res,
              std::vector<AccessEntry> reads = {});

    [[nodiscard]] std::size_t bytes() const;
    [[nodiscard]] std::size_t entries() const;

private:
    struct Kept {
        std::string key;
        Stamp stamp;
        std::vector<std::pair<std::string, Fillable>> headers;
        Fillable body;
        std::size_t bytes = 0;
        std::vector<AccessEntry> reads;
    };
    using Order = std::list<Kept>;  // most recently served first

    void drop(Order::iterator it);

    std::size_t max_bytes_;
    mutable std::mutex mutex_;
    Order order_;
    std::unordered_map<std::string, Order::iterator> by_key_;
    std::size_t bytes_ = 0;
};

}  // namespace assure::web
