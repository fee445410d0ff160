#pragma once
// User accounts: a sign-in identity linked to a person in the directory, with one role.
#include <string>

#include "core/access.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/session.hpp"

namespace assure {

struct User {
    UserId id;
    PartnershipId partnership;
    PersonId person;
    std::string email;         // sign-in name; unique on the server
    std::string display_name;  // the linked person's name
    std::string password_hash;
    Role role = Role::read_only;
    bool active = true;
    LoginLock lock;
    // Its password was set by an administrator (a new account, a reset): until its owner
    // changes it, nothing but the change-password page is reachable and no API token is made.
    bool must_change_password = false;
    int version = 1;
};

constexpr std::size_t kMinPasswordLength = 12;
constexpr std::size_t kMaxPasswordLength = 256;

// Length is what makes a password strong; composition rules only make it harder to remember.
// A common password (or one made from one) is refused whatever its length (NCSC guidance).
FieldErrors validate_new_password(const std::string& password, const std::string& field = "password");

// A person changing their own password: the current one must be right (checked by the caller,
// which holds the hash), the new one must follow the policy, match its confirmation and differ
// from the current one. Fields: current_password, new_password, confirm_password.
FieldErrors validate_password_change(bool current_ok, const std::string& current, const std::string& next,
                                     const std::string& confirm);

}  // namespace assure
