// The sender's pass: claim due messages in one short write, talk to the mail server with no
// transaction open (a slow server never holds the write lock, so never blocks a page), then
// record each outcome in a write of its own. Every bit of state is in the database, so a
// restart carries on where the last process stopped.
#include <exception>

#include "app/mail.hpp"

namespace assure {

SendPass send_due_mail(Store& store, const Clock& clock, MailTransport& transport, const MailRetry& retry, int batch) {
    std::vector<MailMessage> due;
    const Instant now = clock.now();
    store.write([&](Transaction& tx) { due = tx.mail().claim_due(now, now + kMailHoldSeconds, batch); });
    SendPass pass;
    for (const MailMessage& m : due) {
        std::string error;
        try {
            transport.send(m);
        } catch (const std::exception& e) {
            error = e.what();
            if (error.empty()) error = "the mail server refused the message";
        }
        const Instant at = clock.now();
        if (error.empty()) {
            store.write([&](Transaction& tx) { tx.mail().mark_sent(m.id, at); });
            ++pass.sent;
        } else {
            const Instant next = next_attempt_after_failure(at, m.attempts + 1, retry);
            store.write([&](Transaction& tx) { tx.mail().mark_failed(m.id, error.substr(0, 1000), next); });
            ++pass.failed;
        }
    }
    return pass;
}

}  // namespace assure
