#pragma once
// Mail: the messages Assure sends (statutory reminders now; training confirmations next), kept
// in an outbox in the database until an SMTP server has taken them; when to try again after a
// failure; and which statutory milestones of a case call for a reminder on a given day.
// docs/decisions/0015-mail.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/reviews.hpp"

namespace assure {

using MailId = Id<struct MailTag>;

// What a message is about. Each producer adds its kind here (the stored key is strict).
enum class MailKind {
    milestone_reminder, booking_confirmation, waiting_list_promotion, evaluation_request, role_approval,
    action_reminder, return_reminder, agenda_published, reminder_digest,  // core/mail_reminders.hpp
    account_invitation,  // a commissioned reviewer's link to set a password (decision 0041)
    session_reminder,    // a training session two days ahead, to each delegate with a place
    no_show_notice       // an agency's staff who did not come to training, to its leads
};
std::string_view mail_kind_key(MailKind k);    // "milestone_reminder"
std::string_view mail_kind_label(MailKind k);  // "Statutory milestone reminder"
std::optional<MailKind> parse_mail_kind(std::string_view key);

struct MailMessage {
    MailId id;
    PartnershipId partnership;
    MailKind kind = MailKind::milestone_reminder;
    std::string to;       // one address
    std::string subject;  // one line
    std::string body;     // plain text, lines separated by "\n"
    Instant created_at = 0;
    Instant next_attempt_at = 0;  // not before this instant
    int attempts = 0;             // failed attempts so far
    std::string last_error;       // the last failure's words, "" when none
    std::optional<Instant> sent_at;
};

// Sent once a server took it; failing once an attempt failed; waiting before any attempt.
enum class MailStatus { waiting, failing, sent };
std::string_view mail_status_key(MailStatus s);    // "waiting"
std::string_view mail_status_label(MailStatus s);  // "Waiting"
std::optional<MailStatus> parse_mail_status(std::string_view key);
MailStatus mail_status(const MailMessage& m);

// An address a mail server can be given: one local part, one @, a domain with a dot, no
// spaces, angle brackets or line breaks (a line break in a header would let the text add headers).
bool plausible_address(std::string_view address);
// Refuses a message no server should be handed, naming the field: "to", "subject", "body".
FieldErrors validate_mail(const MailMessage& m);

// How long to wait after a failure: the first delay, doubled for each failure since, never
// more than the largest. A server down for an afternoon is not hammered, and is tried again
// within the largest delay of coming back.
struct MailRetry {
    int first_delay_seconds = 60;
    int max_delay_seconds = 6 * 3600;
};
Instant next_attempt_after_failure(Instant failed_at, int attempts, const MailRetry& retry);  // attempts >= 1, this one included

// ---- statutory milestone reminders (issue 19) -------------------------------------------

enum class ReminderWhen { two_working_days_before, due_today };

struct MilestoneReminder {
    std::string milestone;  // core's milestone key, "rapid_review"
    std::string label;      // "Complete the rapid review and decide"
    Date due;
    ReminderWhen when = ReminderWhen::due_today;
};

// The notification and rapid-review milestones (notify the Panel, inform the partners, the
// rapid review's decision) of an open case that are not done and fall due, on `today`, either
// today or two working days from today. Only on working days: a weekend is never "two working
// days before" as well as the Friday.
std::vector<MilestoneReminder> milestone_reminders(const Case& c, Date today, const WorkingCalendar& calendar);

// The reminder's subject and plain-text body, naming the case by its reference only (an email
// leaves the partnership's systems: no child's pseudonym or details).
struct MailText {
    std::string subject;
    std::string body;
};
MailText milestone_reminder_text(const std::string& partnership_name, const std::string& case_reference, const MilestoneReminder& r);

// ---- the message as a mail server receives it (RFC 5322) -------------------------------

// The whole message, headers and body, lines ending CRLF: From, To, Subject (RFC 2047 encoded
// when not plain ASCII), Date (RFC 5322, UTC), Message-ID, Auto-Submitted, MIME-Version and a
// quoted-printable UTF-8 text body, so no line is longer than SMTP allows whatever was written.
std::string rfc5322_message(const MailMessage& m, const std::string& from, Instant now);
std::string quoted_printable(std::string_view text);  // lines of at most 76 characters, CRLF
std::string rfc5322_date(Instant at);                 // "Tue, 01 Dec 2026 19:02:15 +0000"

}  // namespace assure
