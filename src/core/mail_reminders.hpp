#pragma once
// Reminders by email beyond the statutory ones (issue 19 item 3): actions and audit returns
// coming due and overdue, an agenda published, each person's choices of what they are sent and
// whether it comes as single messages or one digest a day, and the words of each message.
// Pure rules; docs/decisions/0032-reminders-and-email-preferences.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"
#include "core/mail.hpp"

namespace assure {

// ---- which items call for a reminder today ----------------------------------------------

enum class ReminderStage { coming_due, overdue };
std::string_view reminder_stage_key(ReminderStage s);  // "coming_due", "overdue"

// How far ahead a reminder comes: a number of working days (actions) or of calendar days
// (audit returns, whose closing dates are set by the business unit).
struct ReminderLead {
    int days = 5;
    bool working_days = true;
};
inline constexpr ReminderLead kActionReminderLead{5, true};
inline constexpr ReminderLead kReturnReminderLead{10, false};
// The dataset's quarterly returns fall due a number of working days after the quarter: counted
// the same way, a week ahead.
inline constexpr ReminderLead kDatasetReturnReminderLead{5, true};
// An overdue reminder missed on its first day (the server was down) is still sent on a later
// day, but not once the item is more than this many days overdue.
inline constexpr int kOverdueCatchUpDays = 14;

// The first day the coming-due reminder may go: `lead` before the due date.
Date coming_due_from(Date due, const ReminderLead& lead, const WorkingCalendar& calendar);

// Which reminder, if any, an open item due on `due` calls for on `today`. Reminders go on
// working days only. Coming due: from coming_due_from up to and including the due day (so an
// item raised inside the window is reminded once at once). Overdue: the first working day
// after the due day, or a later one within kOverdueCatchUpDays of it. The caller keeps each
// (item, stage, due date) to once: this answers what is called for, not what was sent.
std::optional<ReminderStage> reminder_stage(Date due, Date today, const ReminderLead& lead, const WorkingCalendar& calendar);

// ---- the messages ------------------------------------------------------------------------

// What is reminded of, in the words a person reads. `what` is the action's text or the
// return's title; `place` where it belongs ("Core Business Group", "Knowsley Housing Trust");
// `path` the page of Assure it is on, "/improvement/4".
struct DueItem {
    std::string what;
    std::string place;
    std::string path;
    Date due;
    ReminderStage stage = ReminderStage::coming_due;
};

// Actions: "Action due on 8 December 2026: …"; "Action overdue: … was due on 8 December 2026".
MailText action_reminder_text(const std::string& partnership_name, const DueItem& item, Date today, const std::string& site);
// Section 11 / 175 returns, to the agency's leads.
MailText return_reminder_text(const std::string& partnership_name, const DueItem& item, Date today, const std::string& site);
// A meeting's agenda published: the group, the date and time, the place, the items.
struct AgendaNotice {
    std::string group_name;
    Date on;
    std::string starts_at;  // "10:00"
    std::string place;
    bool online = false;
    std::vector<std::string> items;
    std::string path;  // "/meetings/12"
};
MailText agenda_published_text(const std::string& partnership_name, const AgendaNotice& notice, const std::string& site);

// One message of the day's messages for a person who chose a digest, in the order given.
MailText digest_text(const std::string& partnership_name, Date today, const std::vector<MailText>& items, const std::string& site);

inline constexpr std::string_view kMailPreferencesPath = "/account/email";
// The line every reminder ends with: where to change what is sent.
std::string preferences_line(const std::string& site);

// ---- each person's choices ---------------------------------------------------------------

// A person's choices; with none recorded, everything is sent, one message at a time.
struct MailPreferences {
    UserId user;
    PartnershipId partnership;
    bool digest = false;
    bool action_reminders = true;
    bool return_reminders = true;
    bool agenda_published = true;
};

// The kinds a person may turn off, in the order the page lists them. Statutory milestone
// reminders to the business unit are not among them: they are statutory.
const std::vector<MailKind>& optional_mail_kinds();
// What the preferences page calls each optional kind: "Actions you own coming due and overdue".
std::string_view mail_preference_label(MailKind kind);
// Whether this person is sent a message of this kind. Kinds that are not optional always are.
bool wants(const MailPreferences& p, MailKind kind);
// Whether a message of this kind may wait for the day's digest (reminders and notices, not a
// booking or an approval a person acts on).
bool digestible(MailKind kind);

// What the form sent: the kinds ticked (their keys) and "each" or "digest".
struct MailPreferencesInput {
    std::vector<std::string> kinds;
    std::string delivery;
};
// Fields: "kinds" (an unknown kind), "delivery" (neither choice). On success fills `out`'s
// choices (its user and partnership are left as they were).
FieldErrors validate_mail_preferences(const MailPreferencesInput& in, MailPreferences& out);

}  // namespace assure
