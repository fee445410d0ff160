// A person's own choices of what mail they are sent: read, and changed with its audit row.
#include <nlohmann/json.hpp>

#include "app/mail.hpp"

namespace assure {
namespace {

std::string audit_json(const MailPreferences& p) {
    return nlohmann::json{{"digest", p.digest},
                          {"action_reminders", p.action_reminders},
                          {"return_reminders", p.return_reminders},
                          {"agenda_published", p.agenda_published}}
        .dump();
}

MailPreferences current(Transaction& tx, const Actor& actor) {
    if (auto p = tx.mail().preferences(actor.user)) return *p;
    MailPreferences p;
    p.user = actor.user;
    p.partnership = actor.partnership;
    return p;
}

}  // namespace

MailPreferences my_mail_preferences(Services& s, const Actor& actor) {
    require(actor, Permission::signed_in);
    MailPreferences p;
    s.store.read([&](Transaction& tx) { p = current(tx, actor); });
    return p;
}

MailPreferences change_mail_preferences(Services& s, const Actor& actor, const MailPreferencesInput& input) {
    require(actor, Permission::signed_in);
    MailPreferences after;
    s.store.write([&](Transaction& tx) {
        const MailPreferences before = current(tx, actor);
        after = before;
        if (auto errors = validate_mail_preferences(input, after); !errors.empty()) throw Failure::invalid(std::move(errors));
        const Instant now = s.clock.now();
        tx.mail().put_preferences(after, now);
        record_audit(tx, actor, now, "mail_preferences.change", "user", actor.user.str(), audit_json(before), audit_json(after));
    });
    return after;
}

}  // namespace assure
