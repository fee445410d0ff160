// Mail's rules: kinds and statuses, what a message must be before a server is handed it, the
// retry delays, and which statutory milestones call for a reminder on a day.
#include "core/mail.hpp"

#include <algorithm>
#include <array>

#include "core/registers.hpp"

namespace assure {

std::string_view mail_kind_key(MailKind k) {
    switch (k) {
        case MailKind::milestone_reminder: return "milestone_reminder";
        case MailKind::booking_confirmation: return "booking_confirmation";
        case MailKind::waiting_list_promotion: return "waiting_list_promotion";
        case MailKind::evaluation_request: return "evaluation_request";
        case MailKind::role_approval: return "role_approval";
        case MailKind::action_reminder: return "action_reminder";
        case MailKind::return_reminder: return "return_reminder";
        case MailKind::agenda_published: return "agenda_published";
        case MailKind::reminder_digest: return "reminder_digest";
        case MailKind::account_invitation: return "account_invitation";
        case MailKind::session_reminder: return "session_reminder";
        case MailKind::no_show_notice: return "no_show_notice";
    }
    return "";
}

std::string_view mail_kind_label(MailKind k) {
    switch (k) {
        case MailKind::milestone_reminder: return "Statutory milestone reminder";
        case MailKind::booking_confirmation: return "Training booking";
        case MailKind::waiting_list_promotion: return "Training place from the waiting list";
        case MailKind::evaluation_request: return "Training evaluation request";
        case MailKind::role_approval: return "Role approval";
        case MailKind::action_reminder: return "Action coming due or overdue";
        case MailKind::return_reminder: return "Agency return coming due or overdue";
        case MailKind::agenda_published: return "Meeting agenda published";
        case MailKind::reminder_digest: return "Daily digest";
        case MailKind::account_invitation: return "Invitation to an account";
        case MailKind::session_reminder: return "Training session reminder";
        case MailKind::no_show_notice: return "Training no-shows told to the agency";
    }
    return "";
}

std::optional<MailKind> parse_mail_kind(std::string_view key) {
    if (key == "milestone_reminder") return MailKind::milestone_reminder;
    if (key == "booking_confirmation") return MailKind::booking_confirmation;
    if (key == "waiting_list_promotion") return MailKind::waiting_list_promotion;
    if (key == "evaluation_request") return MailKind::evaluation_request;
    if (key == "role_approval") return MailKind::role_approval;
    if (key == "action_reminder") return MailKind::action_reminder;
    if (key == "return_reminder") return MailKind::return_reminder;
    if (key == "agenda_published") return MailKind::agenda_published;
    if (key == "reminder_digest") return MailKind::reminder_digest;
    if (key == "account_invitation") return MailKind::account_invitation;
    if (key == "session_reminder") return MailKind::session_reminder;
    if (key == "no_show_notice") return MailKind::no_show_notice;
    return std::nullopt;
}

std::string_view mail_status_key(MailStatus s) {
    switch (s) {
        case MailStatus::waiting: return "waiting";
        case MailStatus::failing: return "failing";
        case MailStatus::sent: return "sent";
    }
    return "";
}

std::string_view mail_status_label(MailStatus s) {
    switch (s) {
        case MailStatus::waiting: return "Waiting";
        case MailStatus::failing: return "Failing";
        case MailStatus::sent: return "Sent";
    }
    return "";
}

std::optional<MailStatus> parse_mail_status(std::string_view key) {
    for (auto s : {MailStatus::waiting, MailStatus::failing, MailStatus::sent}) {
        if (mail_status_key(s) == key) return s;
    }
    return std::nullopt;
}

MailStatus mail_status(const MailMessage& m) {
    if (m.sent_at) return MailStatus::sent;
    return m.attempts > 0 ? MailStatus::failing : MailStatus::waiting;
}

bool plausible_address(std::string_view a) {
    if (a.empty() || a.size() > 254) return false;
    const auto at = a.find('@');
    if (at == std::string_view::npos || at == 0 || a.find('@', at + 1) != std::string_view::npos) return false;
    const auto domain = a.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
    return std::none_of(a.begin(), a.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= ' ' || u == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' || c == ')';
    });
}

FieldErrors validate_mail(const MailMessage& m) {
    FieldErrors errors;
    if (!plausible_address(m.to)) errors.push_back({"to", "Enter the address as name@example.org, one address only"});
    if (m.subject.empty()) {
        errors.push_back({"subject", "Enter a subject"});
    } else if (m.subject.find_first_of("\r\n") != std::string::npos) {
        errors.push_back({"subject", "A subject is one line"});
    } else if (m.subject.size() > 200) {
        errors.push_back({"subject", "A subject is at most 200 characters"});
    }
    if (m.body.empty()) errors.push_back({"body", "Enter the message"});
    if (m.body.size() > 100'000) errors.push_back({"body", "A message is at most 100,000 characters"});
    return errors;
}

Instant next_attempt_after_failure(Instant failed_at, int attempts, const MailRetry& retry) {
    std::int64_t delay = std::max(1, retry.first_delay_seconds);
    for (int i = 1; i < attempts && delay < retry.max_delay_seconds; ++i) delay *= 2;
    return failed_at + std::min<std::int64_t>(delay, std::max(retry.first_delay_seconds, retry.max_delay_seconds));
}

std::vector<MilestoneReminder> milestone_reminders(const Case& c, Date today, const WorkingCalendar& calendar) {
    std::vector<MilestoneReminder> out;
    const CaseState state = replay(c);
    if (state.stage == Stage::closed || !calendar.is_working_day(today)) return out;
    static constexpr std::array<std::string_view, 3> kReminded{"notify_panel", "inform_partners", "rapid_review"};
    for (const Milestone& m : milestones(c, state, deadlines(c, state, calendar))) {
        if (m.done || !m.due) continue;
        if (std::find(kReminded.begin(), kReminded.end(), m.key) == kReminded.end()) continue;
        if (*m.due == today) {
            out.push_back({m.key, m.label, *m.due, ReminderWhen::due_today});
        } else if (today < *m.due && calendar.working_days_between(today, *m.due) == 2) {
            out.push_back({m.key, m.label, *m.due, ReminderWhen::two_working_days_before});
        }
    }
    return out;
}

MailText milestone_reminder_text(const std::string& partnership_name, const std::string& case_reference, const MilestoneReminder& r) {
    const std::string due = date_in_words(r.due);
    const bool today = r.when == ReminderWhen::due_today;
    MailText t;
    t.subject = case_reference + ": " + r.label + (today ? " is due today" : " is due on " + due);
    t.body = "Serious incident " + case_reference + ", " + partnership_name + ".\n\n" + r.label + " is due " +
             (today ? "today, " + due + "." : "on " + due + ", in 2 working days.") +
             "\n\nThis is a statutory deadline. Sign in to Assure to record it when it is done.\n\n"
             "You are sent this because you work in the partnership's business unit.\n";
    return t;
}

}  // namespace assure
