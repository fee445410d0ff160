#include "app/health.hpp"

#include "core/failure.hpp"

namespace assure {
namespace {

Health attempt(const std::function<void()>& work) {
    try {
        work();
        return {};
    } catch (const Failure& f) {
        return {false, f.detail().empty() ? f.what() : f.detail()};
    } catch (const std::exception& e) {
        return {false, e.what()};
    }
}

}  // namespace

Health check_writes(Services& s) {
    return attempt([&] { s.store.write([&](Transaction& tx) { tx.health().beat(s.clock.now()); }); });
}

Health check_reads(Services& s) {
    return attempt([&] { s.store.read([](Transaction& tx) { (void)tx.partnerships().list(); }); });
}

}  // namespace assure
