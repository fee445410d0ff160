// The outbox: queueing (the seam every producer calls) and the business unit's view of it.
#include "app/mail.hpp"

namespace assure {

MailId queue_mail(Transaction& tx, Instant now, const OutgoingMail& mail) {
    MailMessage m;
    m.partnership = mail.partnership;
    m.kind = mail.kind;
    m.to = mail.to;
    m.subject = mail.subject;
    m.body = mail.body;
    m.created_at = now;
    m.next_attempt_at = now;
    if (auto errors = validate_mail(m); !errors.empty()) throw Failure::invalid(std::move(errors));
    return tx.mail().queue(m);
}

Page<MailMessage> list_outbox(Services& s, const Actor& actor, const std::string& status, const PageRequest& page) {
    require(actor, Permission::view_outbox);
    OutboxQuery q;
    q.partnership = actor.partnership;
    q.page = page;
    if (!status.empty()) {
        q.status = parse_mail_status(status);
        if (!q.status) throw Failure::invalid({{"status", "Choose waiting, failing or sent"}});
    }
    Page<MailMessage> out;
    s.store.read([&](Transaction& tx) { out = tx.mail().outbox(q); });
    return out;
}

OutboxCounts outbox_counts(Services& s, const Actor& actor) {
    require(actor, Permission::view_outbox);
    OutboxCounts out;
    s.store.read([&](Transaction& tx) { out = tx.mail().count(actor.partnership); });
    return out;
}

}  // namespace assure
