#pragma once
// Use cases of signing in, sessions, API tokens and user accounts.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/user.hpp"

namespace assure {

struct SignedIn {
    std::string session_token;  // goes to the cookie; only its digest is stored
    std::string csrf_token;
    User user;
};

// The same message whatever went wrong, so the form never reveals which emails have accounts.
inline constexpr const char* kSignInRefused =
    "Enter a correct email address and password. After 5 wrong attempts an account is locked for 15 minutes.";

SignedIn sign_in(Services& s, const std::string& email, const std::string& password);
void sign_out(Services& s, const std::string& session_token);

struct ResolvedSession {
    Actor actor;
    std::string csrf_token;
    std::string service_name;  // the partnership's logo text, or its name
};
// The actor behind a session cookie, or nothing if the session is unknown, expired or its
// user deactivated. Expired sessions are removed.
std::optional<ResolvedSession> resolve_session(Services& s, const std::string& session_token);

// A token with the configured lifetime; app/tokens.hpp has the full form.
std::string create_api_token(Services& s, const std::string& email, const std::string& name);
std::optional<Actor> resolve_api_token(Services& s, const std::string& token);

struct UserInput {
    std::string person_id;  // a person in the directory
    std::string role;
    std::string password;   // only when creating
};

Page<User> list_users(Services& s, const Actor& actor, const PageRequest& page);
User get_user(Services& s, const Actor& actor, UserId id);
User add_user(Services& s, const Actor& actor, const UserInput& input);
User update_user(Services& s, const Actor& actor, UserId id, int expected_version, const UserInput& input);
User set_user_active(Services& s, const Actor& actor, UserId id, int expected_version, bool active);

std::string user_audit_json(const User& user);  // never includes the password hash
Actor actor_for(const User& user);

}  // namespace assure
