#include "app/threads.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace assure {

std::size_t import_threads() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8); }

void run_on_threads(std::vector<Task>& tasks) {
    std::atomic<std::size_t> next{0};
    std::mutex failed_mutex;
    std::exception_ptr failed;
    auto work = [&] {
        for (std::size_t i = next++; i < tasks.size(); i = next++) {
            try {
                tasks[i]();
            } catch (...) {
                const std::lock_guard lock(failed_mutex);
                if (!failed) failed = std::current_exception();
            }
        }
    };
    std::vector<std::jthread> helpers;
    const std::size_t threads = std::min(import_threads(), tasks.size());
    for (std::size_t i = 1; i < threads; ++i) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no thread to be had: the threads there are do every task
        }
    }
    work();
    helpers.clear();  // joins
    if (failed) std::rethrow_exception(failed);
}

Pieces import_pieces(std::size_t bytes, std::size_t most) {
    constexpr std::size_t kWhole = 1u << 20;
    if (bytes < kWhole || import_threads() == 1) return Pieces{};
    std::size_t count = import_threads();
    if (most > 0) count = std::max(count, (bytes + most - 1) / most);
    return Pieces{count, run_on_threads};
}

}  // namespace assure
