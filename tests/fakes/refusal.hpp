#pragma once
// What a use case refused with: the Failure's code, and a test failure when nothing was refused.
#include <functional>

#include <gtest/gtest.h>

#include "core/failure.hpp"

namespace assure::testing {

inline FailureCode refusal_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.code();
    }
    ADD_FAILURE() << "nothing was refused";
    return FailureCode::conflict;
}

}  // namespace assure::testing
