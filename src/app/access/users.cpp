// User accounts: administrators add them for people in the directory, change roles, deactivate.
#include <charconv>
#include <nlohmann/json.hpp>

#include "app/access.hpp"
#include "app/role_grants.hpp"

namespace assure {
namespace {

std::optional<Person> find_person(Transaction& tx, const Actor& actor, const std::string& raw) {
    std::int64_t value = 0;
    const auto parsed = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (raw.empty() || parsed.ec != std::errc{} || parsed.ptr != raw.data() + raw.size()) return std::nullopt;
    return tx.people().find(actor.partnership, PersonId{value});
}

User load_for_change(Transaction& tx, const Actor& actor, UserId id, int expected_version) {
    auto current = tx.users().find(id);
    if (!current || current->partnership != actor.partnership) throw Failure::not_found("user " + id.str());
    if (current->version != expected_version) throw Failure::stale("user account");
    return *current;
}

User save(Services& s, Transaction& tx, const Actor& actor, const User& before, User after, const char* action) {
    if (!tx.users().update(after)) throw Failure::stale("user account");
    after.version = before.version + 1;
    record_audit(tx, actor, s.clock.now(), action, "user", after.id.str(), user_audit_json(before),
                 user_audit_json(after));
    return after;
}

// A token is the account's: when its password is reset or it is deactivated, every token stops,
// and reactivating the account does not bring them back.
void revoke_tokens(Services& s, Transaction& tx, const Actor& actor, UserId user, const char* reason) {
    if (const int revoked = tx.api_tokens().revoke_for_user(user, s.clock.now()); revoked > 0) {
        record_audit(tx, actor, s.clock.now(), "api_token.revoke", "user", user.str(), "",
                     nlohmann::json{{"tokens", revoked}, {"reason", reason}}.dump());
    }
}

}  // namespace

bool set_by_a_person(const Actor& actor) { return actor.user.valid(); }

SignedIn change_own_password(Services& s, const Actor& actor, const PasswordChange& change) {
    require(actor, Permission::signed_in);
    std::optional<User> user;
    s.store.read([&](Transaction& tx) { user = tx.users().find(actor.user); });
    if (!user || !user->active) throw Failure::forbidden("only an active account changes its password");
    // Argon2id outside the write transaction, as signing in does.
    const bool current_ok = !change.current_password.empty() && s.hasher.verify(user->password_hash, change.current_password);
    if (auto errors = validate_password_change(current_ok, change.current_password, change.new_password, change.confirm_password);
        !errors.empty()) {
        throw Failure::invalid(std::move(errors));
    }
    const std::string hash = s.hasher.hash(change.new_password);
    SignedIn out{s.tokens.random_token(), s.tokens.random_token(), {}};
    const Instant now = s.clock.now();
    s.store.write([&](Transaction& tx) {
        const auto current = tx.users().find(actor.user);
        // Changed meanwhile (by an administrator, or in another tab): the check above was of another password.
        if (!current || current->version != user->version || !current->active) throw Failure::stale("user account");
        User after = *current;
        after.password_hash = hash;
        after.must_change_password = false;
        if (!tx.users().update(after)) throw Failure::stale("user account");
        after.version = current->version + 1;
        tx.sessions().remove_for_user(after.id);
        tx.sessions().insert(Session{s.tokens.digest(out.session_token), after.id, out.csrf_token, now, now});
        record_audit(tx, actor, now, "user.change_password", "user", after.id.str(), user_audit_json(*current), user_audit_json(after));
        out.user = after;
    });
    return out;
}

std::string user_audit_json(const User& u) {
    return nlohmann::json{{"id", u.id.value},        {"email", u.email},   {"person_id", u.person.value},
                          {"role", role_key(u.role)}, {"active", u.active}, {"must_change_password", u.must_change_password},
                          {"version", u.version}}
        .dump();
}

Page<User> list_users(Services& s, const Actor& actor, const PageRequest& page) {
    require(actor, Permission::manage_users);
    Page<User> out;
    s.store.read([&](Transaction& tx) { out = tx.users().query(UserQuery{actor.partnership, page}); });
    return out;
}

User get_user(Services& s, const Actor& actor, UserId id) {
    require(actor, Permission::manage_users);
    std::optional<User> found;
    s.store.read([&](Transaction& tx) { found = tx.users().find(id); });
    if (!found || found->partnership != actor.partnership) throw Failure::not_found("user " + id.str());
    return *found;
}

User add_user(Services& s, const Actor& actor, const UserInput& input) {
    require(actor, Permission::manage_users);
    User user;
    s.store.write([&](Transaction& tx) {
        FieldErrors errors;
        const auto person = find_person(tx, actor, input.person_id);
        if (!person) {
            errors.push_back({"person_id", "Select a person in the directory"});
        } else if (!person->active) {
            errors.push_back({"person_id", "Select an active person; this one has been deactivated"});
        } else if (tx.users().find_by_email(person->email)) {
            errors.push_back({"person_id", "This person already has a user account"});
        }
        const auto role = parse_role(input.role);
        if (!role || !role_is_assignable(*role)) errors.push_back({"role", "Select a role"});
        for (auto& e : validate_new_password(input.password)) errors.push_back(std::move(e));
        if (!errors.empty()) throw Failure::invalid(std::move(errors));

        user.partnership = actor.partnership;
        user.person = person->id;
        user.email = person->email;
        user.display_name = person->name;
        // A role that sees children's identities waits for a partner lead; until then the
        // account has the least role there is (docs/decisions/0029).
        const bool waits = grant_needs_approval(kRoleWhileWaiting, *role, set_by_a_person(actor));
        user.role = waits ? kRoleWhileWaiting : *role;
        user.password_hash = s.hasher.hash(input.password);
        user.must_change_password = set_by_a_person(actor);
        user.id = tx.users().insert(user);
        record_audit(tx, actor, s.clock.now(), "user.create", "user", user.id.str(), "", user_audit_json(user));
        if (waits) ask_for_role(tx, actor, s.clock.now(), user, *role);
    });
    return user;
}

User update_user(Services& s, const Actor& actor, UserId id, int expected_version, const UserInput& input) {
    require(actor, Permission::manage_users);
    User result;
    s.store.write([&](Transaction& tx) {
        const User before = load_for_change(tx, actor, id, expected_version);
        const auto role = parse_role(input.role);
        if (!role || (!role_is_assignable(*role) && *role != before.role)) throw Failure::invalid({{"role", "Select a role"}});
        // Commissioning made the account for one review, and publishing it ends it (decision 0041).
        if (before.role == Role::commissioned_reviewer && *role != before.role) {
            throw Failure::invalid({{"role", "A commissioned reviewer's account sees their review only: give them another account for other work"}});
        }
        if (before.id == actor.user && *role != Role::administrator) {
            throw Failure::invalid({{"role", "You cannot remove your own administrator role"}});
        }
        // The role as the form shows it: the one waiting for approval, if any, else the account's.
        const auto waiting = waiting_role_request(tx, before.id);
        const bool asked_again = waiting && waiting->role == *role;
        const bool waits = !asked_again && grant_needs_approval(before.role, *role, set_by_a_person(actor));
        if (!asked_again) withdraw_role_request(tx, actor, s.clock.now(), before.id, "another role chosen");
        if (waits) ask_for_role(tx, actor, s.clock.now(), before, *role);
        User after = before;
        if (!waits && !asked_again) after.role = *role;
        if (!input.password.empty()) {
            if (auto errors = validate_new_password(input.password); !errors.empty()) {
                throw Failure::invalid(std::move(errors));
            }
            after.password_hash = s.hasher.hash(input.password);
            after.must_change_password = set_by_a_person(actor);
            tx.sessions().remove_for_user(after.id);  // a reset password ends every session
            revoke_tokens(s, tx, actor, after.id, "password reset");
        }
        result = save(s, tx, actor, before, after, "user.update");
    });
    return result;
}

User set_user_active(Services& s, const Actor& actor, UserId id, int expected_version, bool active) {
    require(actor, Permission::manage_users);
    User result;
    s.store.write([&](Transaction& tx) {
        const User before = load_for_change(tx, actor, id, expected_version);
        if (before.id == actor.user && !active) {
            throw Failure::invalid({{"active", "You cannot deactivate your own account"}});
        }
        // It ended with its review (decision 0041): reopening it would show that review again.
        if (active && !before.active && before.role == Role::commissioned_reviewer) {
            throw Failure::invalid({{"active", "A commissioned reviewer's account ends with their review and is not reopened"}});
        }
        User after = before;
        after.active = active;
        if (!active) {
            withdraw_role_request(tx, actor, s.clock.now(), after.id, "account deactivated");
            tx.sessions().remove_for_user(after.id);
            revoke_tokens(s, tx, actor, after.id, "account deactivated");
        }
        result = save(s, tx, actor, before, after, active ? "user.reactivate" : "user.deactivate");
    });
    return result;
}

}  // namespace assure
