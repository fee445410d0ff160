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
    // The account's password was set by an administrator: only the change-password page and
    // signing out are reachable until its owner changes it (docs/decisions/0024).
    bool must_change_password = false;
    // The partnership requires a second factor of the account's role and it has none: only
    // setting one up and signing out are reachable (docs/decisions/0031).
    bool must_enrol_two_factor = false;
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

// A person changes their own password: the current one, then the new one twice, under the
// password policy. Clears a temporary password. Every session of the account ends and a new one
// begins for the browser that asked (returned); its API tokens stay.
struct PasswordChange {
    std::string current_password;
    std::string new_password;
    std::string confirm_password;
};
SignedIn change_own_password(Services& s, const Actor& actor, const PasswordChange& change);

Page<User> list_users(Services& s, const Actor& actor, const PageRequest& page);
User get_user(Services& s, const Actor& actor, UserId id);
User add_user(Services& s, const Actor& actor, const UserInput& input);
User update_user(Services& s, const Actor& actor, UserId id, int expected_version, const UserInput& input);
User set_user_active(Services& s, const Actor& actor, UserId id, int expected_version, bool active);

std::string user_audit_json(const User& user);  // never includes the password hash
// A password set by a person (an administrator) is temporary: its owner must change it. One
// set by the system (the `assure` command run on the server, demo data) is not.
bool set_by_a_person(const Actor& actor);
Actor actor_for(const User& user);

}  // namespace assure
