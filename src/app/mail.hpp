#pragma once
// Use cases of mail: queueing a message in the outbox, the business unit's view of the outbox,
// one pass of the sender, and the daily statutory milestone reminders (issue 19 item 3).
// docs/decisions/0015-mail.md.
#include <map>
#include <string>

#include "app/context.hpp"
#include "core/mail.hpp"
#include "core/mail_reminders.hpp"

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

// ---- reminders beyond the statutory ones, and each person's choices (issue 19 item 3) ----
// docs/decisions/0032-reminders-and-email-preferences.md.

// THE SEAM for messages a person may choose about: inside the caller's write transaction,
// sends `text` to `to` unless their choices turn its kind off; for a person who chose a digest,
// keeps a digestible kind for the day's digest instead of queueing it. `prefs` is their choices
// (defaults when they recorded none). Answers whether anything was queued or kept.
bool deliver_to_person(Transaction& tx, Instant now, const User& to, const MailPreferences& prefs, MailKind kind,
                       const MailText& text);
// Each person's choices in the partnership, by account; defaults for those who recorded none.
MailPreferences preferences_for(const std::map<UserId, MailPreferences>& recorded, const User& u);
std::map<UserId, MailPreferences> recorded_preferences(Transaction& tx, PartnershipId partnership);

// What one daily round queued.
struct DueReminders {
    int actions = 0;   // messages (or digest entries) about meeting actions and action-plan items
    int returns = 0;   // about Section 11 and 175 returns, the dataset's agency returns and training needs returns
    int digests = 0;   // digests queued
};
// The daily round: each open meeting action and open action-plan item with a due date and an
// owner with an account is reminded to its owner kActionReminderLead before it is due and when
// it is overdue; each Section 11 or 175 return an invited agency has not submitted is reminded to
// the agency's leads (agency_lead accounts) kReturnReminderLead before the cycle closes and when
// it is overdue; each dataset return asked for and not yet in is reminded to the agency's leads
// kDatasetReturnReminderLead before its due date and when it is overdue; each training needs
// return not submitted is reminded to the agency's leads kReturnReminderLead before the analysis
// closes (not after: then only the training team enters one); once per item, stage and due date (the store's unique key), whichever server
// runs it. Then every digest waiting in the partnership is queued as one message per person.
// `site` is the address links start with.
DueReminders queue_due_reminders(Services& s, Date today, const std::string& site);

// The person's own choices, for the preferences page (defaults when none are recorded).
MailPreferences my_mail_preferences(Services& s, const Actor& actor);
// Records the person's choices and audits the change in one transaction. Throws
// Failure::invalid naming "kinds" or "delivery", changing nothing.
MailPreferences change_mail_preferences(Services& s, const Actor& actor, const MailPreferencesInput& input);

}  // namespace assure
