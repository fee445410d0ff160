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
    int version = 1;
};

constexpr std::size_t kMinPasswordLength = 12;
constexpr std::size_t kMaxPasswordLength = 256;

// Length is what makes a password strong; composition rules only make it harder to remember.
// A common password (or one made from one) is refused whatever its length (NCSC guidance).
FieldErrors validate_new_password(const std::string& password, const std::string& field = "password");

}  // namespace assure
