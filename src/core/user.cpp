#include "core/user.hpp"

#include "core/password_policy.hpp"
#include "core/text.hpp"

namespace assure {

FieldErrors validate_new_password(const std::string& password, const std::string& field) {
    if (password.empty()) return {{field, "Enter a password"}};
    if (char_count(password) < kMinPasswordLength) {
        return {{field, "Password must be " + std::to_string(kMinPasswordLength) + " characters or more"}};
    }
    if (password.size() > kMaxPasswordLength) {
        return {{field, "Password must be " + std::to_string(kMaxPasswordLength) + " characters or fewer"}};
    }
    if (auto why = guessable_password(password)) return {{field, std::move(*why)}};
    return {};
}

}  // namespace assure
