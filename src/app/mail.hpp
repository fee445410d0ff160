#pragma once
// Use cases of mail: queueing a message in the outbox, the business unit's view of the outbox,
// one pass of the sender, and the daily statutory milestone reminders (issue 19 item 3).
// docs/decisions/0015-mail.md.
#include <string>

#include "app/context.hpp"
#include "core/mail.hpp"

namespace assure {

// What a producer wants sent. The outbox adds the rest (when, attempts, status).
struct OutgoingMail {
    PartnershipId partnership;
    MailKind kind = MailKind::milestone_reminder;
    std::string to;
    std::string subject;
    std::string body;  // plain text
};

// THE SEAM for every producer (reminders, training confirmations): queues the message inside
// the caller's write transaction, so it is sent if, and only if, the change it tells of commits.
// Nothing waits for a mail server: the sender takes it from the outbox later. Throws
// Failure::invalid naming "to", "subject" or "body" for a message no server should be handed.
MailId queue_mail(Transaction& tx, Instant now, const OutgoingMail& mail);

// The outbox page and API: the partnership's messages, newest first, optionally of one status.
Page<MailMessage> list_outbox(Services& s, const Actor& actor, const std::string& status, const PageRequest& page);
OutboxCounts outbox_counts(Services& s, const Actor& actor);

// One pass of the sender: takes up to `batch` due messages, hands each to `transport` outside
// any transaction, and records each outcome (sent, or failed with its error and next attempt).
struct SendPass {
    int sent = 0;
    int failed = 0;
};
// Messages are held this long while being sent, so another server does not send them too; one
// whose sender died mid-attempt is tried again after it.
inline constexpr int kMailHoldSeconds = 300;
SendPass send_due_mail(Store& store, const Clock& clock, MailTransport& transport, const MailRetry& retry, int batch = 20);

// The daily reminders: for each partnership, each open case's notification and rapid-review
// milestones due today or in two working days (core's milestone_reminders) are written to
// every active business-unit account, once per case, milestone and day. Answers how many
// messages were queued.
int queue_milestone_reminders(Services& s, Date today);

}  // namespace assure
