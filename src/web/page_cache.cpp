#include "web/page_cache.hpp"

#include <algorithm>
#include <iterator>

namespace assure::web {

Fillable::Fillable(std::string_view text, std::string_view nonce, std::string_view csrf) {
    std::size_t from = 0;
    for (;;) {
        // The nearer of the two; an empty one (no session, no nonce) is never looked for.
        const std::size_t at_nonce = nonce.empty() ? std::string_view::npos : text.find(nonce, from);
        const std::size_t at_csrf = csrf.empty() ? std::string_view::npos : text.find(csrf, from);
        if (at_nonce == std::string_view::npos && at_csrf == std::string_view::npos) break;
        const bool is_nonce = at_csrf == std::string_view::npos || (at_nonce != std::string_view::npos && at_nonce <= at_csrf);
        const std::size_t at = is_nonce ? at_nonce : at_csrf;
        pieces_.emplace_back(text.substr(from, at - from));
        holes_.push_back(is_nonce ? Hole::nonce : Hole::csrf);
        from = at + (is_nonce ? nonce.size() : csrf.size());
    }
    pieces_.emplace_back(text.substr(from));
}

std::string Fillable::fill(std::string_view nonce, std::string_view csrf) const {
    std::string out;
    out.reserve(bytes() + holes_.size() * std::max(nonce.size(), csrf.size()));
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
        out += pieces_[i];
        if (i < holes_.size()) out += holes_[i] == Hole::nonce ? nonce : csrf;
    }
    return out;
}

std::size_t Fillable::bytes() const {
    std::size_t n = 0;
    for (const auto& p : pieces_) n += p.size();
    return n;
}

bool PageCache::serve(const std::string& key, Stamp stamp, std::string_view nonce, std::string_view csrf,
                      httplib::Response& res, std::vector<AccessEntry>* reads) {
    std::lock_guard lock(mutex_);
    const auto found = by_key_.find(key);
    if (found == by_key_.end()) return false;
    const auto it = found->second;
    if (it->stamp != stamp) {
        drop(it);  // read at another version or day: never right again
        return false;
    }
    order_.splice(order_.begin(), order_, it);
    res.status = 200;
    res.headers.clear();
    for (const auto& [name, value] : it->headers) res.headers.emplace(name, value.fill(nonce, csrf));
    res.body = it->body.fill(nonce, csrf);
    if (reads != nullptr) *reads = it->reads;
    return true;
}

void PageCache::keep(const std::string& key, Stamp stamp, std::string_view nonce, std::string_view csrf,
                     const httplib::Response& res, std::vector<AccessEntry> reads) {
    if (res.status != 200 || res.has_header("Set-Cookie")) return;
    Kept kept{key, stamp, {}, Fillable(res.body, nonce, csrf), key.size(), std::move(reads)};
    kept.bytes += kept.body.bytes();
    for (const auto& e : kept.reads) {
        kept.bytes += e.actor_label.size() + e.record_type.size();
        for (const auto& id : e.record_ids) kept.bytes += id.size();
    }
    for (const auto& [name, value] : res.headers) {
        kept.headers.emplace_back(name, Fillable(value, nonce, csrf));
        kept.bytes += name.size() + value.size();
    }
    if (kept.bytes > max_bytes_ / 8) return;  // one huge export would push out everything else
    std::lock_guard lock(mutex_);
    if (const auto found = by_key_.find(key); found != by_key_.end()) drop(found->second);
    bytes_ += kept.bytes;
    order_.push_front(std::move(kept));
    by_key_.emplace(key, order_.begin());
    while (bytes_ > max_bytes_ && !order_.empty()) drop(std::prev(order_.end()));
}

void PageCache::drop(Order::iterator it) {
    bytes_ -= it->bytes;
    by_key_.erase(it->key);
    order_.erase(it);
}

std::size_t PageCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::size_t PageCache::entries() const {
    std::lock_guard lock(mutex_);
    return order_.size();
}

}  // namespace assure::web
