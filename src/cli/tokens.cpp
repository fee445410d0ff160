#include "cli/tokens.hpp"

#include "app/tokens.hpp"

namespace assure::cli {
namespace {

std::string day(Instant at) { return iso_instant(at).substr(0, 10); }

}  // namespace

int list_tokens(Services& s, const std::string& email, std::ostream& out) {
    const auto tokens = tokens_of(s, email);
    if (tokens.empty()) {
        out << email << " has no API tokens\n";
        return 0;
    }
    const Instant now = s.clock.now();
    out << "id\tstatus\tname\tmade\texpires\tlast used\n";
    for (const auto& t : tokens) {
        out << t.id << "\t" << token_state_label(token_state(t, now)) << "\t" << t.name << "\t" << day(t.created_at) << "\t"
            << day(t.expires_at) << "\t" << (t.last_used_at == 0 ? std::string("never") : day(t.last_used_at)) << "\n";
    }
    return 0;
}

int revoke_token(Services& s, const std::string& email, const std::string& name, std::int64_t id, std::ostream& out) {
    if (name.empty() == (id == 0)) throw std::runtime_error("name the token to revoke with --name NAME or --id ID (one of them)");
    const ApiToken t = id != 0 ? revoke_token_by_id(s, email, id) : revoke_token_named(s, email, name);
    out << "Revoked the token " << t.name << " (id " << t.id << ") of " << email << "\n";
    return 0;
}

}  // namespace assure::cli
