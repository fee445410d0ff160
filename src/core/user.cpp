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

FieldErrors validate_password_change(bool current_ok, const std::string& current, const std::string& next,
                                     const std::string& confirm) {
    FieldErrors errors;
    if (current.empty()) {
        errors.push_back({"current_password", "Enter your current password"});
    } else if (!current_ok) {
        errors.push_back({"current_password", "Your current password is not right"});
    }
    auto policy = validate_new_password(next, "new_password");
    if (policy.empty() && current_ok && next == current) {
        policy.push_back({"new_password", "Choose a new password, not the one you have now"});
    }
    errors.insert(errors.end(), policy.begin(), policy.end());
    if (!next.empty() && confirm != next) errors.push_back({"confirm_password", "Enter the same new password twice"});
    return errors;
}

}  // namespace assure
