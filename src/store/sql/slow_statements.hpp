#pragma once
// The slow-statement log: each driver reports a statement that took longer than a threshold,
// with its SQL text (placeholders, never the bound values: those may be children's details).
// Off unless the operator sets a threshold (ASSURE_SLOW_STATEMENT_MS or [log] slow_statement_ms);
// then the composition root installs the reporter, which writes to the server's log.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace assure::sql::slow_statements {

inline std::atomic<std::int64_t> threshold_microseconds{0};  // 0: off
inline void (*reporter)(double milliseconds, std::string_view sql) = nullptr;

[[nodiscard]] inline bool on() { return threshold_microseconds.load(std::memory_order_relaxed) > 0; }

inline void note(std::chrono::nanoseconds took, std::string_view sql) {
    const auto threshold = threshold_microseconds.load(std::memory_order_relaxed);
    if (threshold <= 0 || reporter == nullptr) return;
    const auto micro = std::chrono::duration_cast<std::chrono::microseconds>(took).count();
    if (micro >= threshold) reporter(static_cast<double>(micro) / 1000.0, sql);
}

}  // namespace assure::sql::slow_statements
