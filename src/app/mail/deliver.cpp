// Delivering a message a person may choose about: turned off, kept for their digest, or queued.
#include "app/mail.hpp"

namespace assure {

std::map<UserId, MailPreferences> recorded_preferences(Transaction& tx, PartnershipId partnership) {
    std::map<UserId, MailPreferences> out;
    for (auto& p : tx.mail().preferences_of(partnership)) out.emplace(p.user, p);
    return out;
}

MailPreferences preferences_for(const std::map<UserId, MailPreferences>& recorded, const User& u) {
    if (auto it = recorded.find(u.id); it != recorded.end()) return it->second;
    MailPreferences p;
    p.user = u.id;
    p.partnership = u.partnership;
    return p;
}

bool deliver_to_person(Transaction& tx, Instant now, const User& to, const MailPreferences& prefs, MailKind kind,
                       const MailText& text) {
    if (!to.active || !plausible_address(to.email) || !wants(prefs, kind)) return false;
    if (prefs.digest && digestible(kind)) {
        tx.mail().add_digest_item({to.partnership, to.id, kind, text.subject, text.body, now});
        return true;
    }
    queue_mail(tx, now, {to.partnership, kind, to.email, text.subject, text.body});
    return true;
}

}  // namespace assure
