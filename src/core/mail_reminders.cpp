// Reminders beyond the statutory ones: when an action or a return calls for one, the words of
// each message, and each person's choices. docs/decisions/0032-reminders-and-email-preferences.md.
#include "core/mail_reminders.hpp"

#include <algorithm>

#include "core/date_words.hpp"

namespace assure {

std::string_view reminder_stage_key(ReminderStage s) {
    switch (s) {
        case ReminderStage::coming_due: return "coming_due";
        case ReminderStage::overdue: return "overdue";
    }
    return "";
}

Date coming_due_from(Date due, const ReminderLead& lead, const WorkingCalendar& calendar) {
    const int n = std::max(0, lead.days);
    return lead.working_days ? calendar.subtract_working_days(due, n) : Date::from_days(due.days() - n);
}

std::optional<ReminderStage> reminder_stage(Date due, Date today, const ReminderLead& lead, const WorkingCalendar& calendar) {
    if (!calendar.is_working_day(today)) return std::nullopt;
    if (today > due) {
        if (today.days() - due.days() <= kOverdueCatchUpDays) return ReminderStage::overdue;
        return std::nullopt;
    }
    if (today >= coming_due_from(due, lead, calendar)) return ReminderStage::coming_due;
    return std::nullopt;
}

namespace {

std::string due_words(const DueItem& item, Date today) {
    if (item.stage == ReminderStage::overdue) return "was due on " + date_in_words(item.due) + " and is overdue";
    if (item.due == today) return "is due today, " + date_in_words(item.due);
    return "is due on " + date_in_words(item.due);
}

}  // namespace

std::string preferences_line(const std::string& site) {
    return "To change which reminders you are sent, or to have them in one email a day, go to " + site +
           std::string(kMailPreferencesPath) + "\n";
}

MailText action_reminder_text(const std::string& partnership_name, const DueItem& item, Date today, const std::string& site) {
    const bool overdue = item.stage == ReminderStage::overdue;
    MailText t;
    t.subject = std::string(overdue ? "Action overdue" : "Action due") + " (" + partnership_name + "): " +
                (overdue ? "was due " + date_in_words(item.due) : "due " + date_in_words(item.due));
    t.body = "An action you own " + due_words(item, today) + ".\n\n" + item.what + "\n\n" + "From: " + item.place + "\n" +
             "See it and record progress: " + site + item.path + "\n\n" +
             (overdue ? "If it is done, record that in Assure. If it needs more time, ask the group to agree a new date.\n\n" : "") +
             preferences_line(site);
    return t;
}

MailText return_reminder_text(const std::string& partnership_name, const DueItem& item, Date today, const std::string& site) {
    const bool overdue = item.stage == ReminderStage::overdue;
    MailText t;
    t.subject = std::string(overdue ? "Return overdue" : "Return due") + " (" + partnership_name + "): " + item.what;
    t.body = item.place + "'s return to " + item.what + " has not been submitted. It " + due_words(item, today) + ".\n\n" +
             "Fill it in and submit it: " + site + item.path + "\n\n" +
             "You are sent this because you are your agency's safeguarding lead.\n" + preferences_line(site);
    return t;
}

MailText agenda_published_text(const std::string& partnership_name, const AgendaNotice& n, const std::string& site) {
    MailText t;
    t.subject = "Agenda published: " + n.group_name + ", " + date_in_words(n.on);
    std::string body = "The agenda for the " + n.group_name + " meeting on " + date_in_words(n.on) + " at " + n.starts_at +
                       " has been published (" + partnership_name + ").\n\n";
    body += n.online ? "Where: online" + (n.place.empty() ? std::string() : " (" + n.place + ")") + "\n"
                     : (n.place.empty() ? std::string() : "Where: " + n.place + "\n");
    if (!n.items.empty()) {
        body += "\nAgenda:\n";
        int i = 0;
        for (const auto& item : n.items) body += std::to_string(++i) + ". " + item + "\n";
    }
    body += "\nThe agenda and papers: " + site + n.path + "\n\n";
    body += "You are sent this because you sit on the " + n.group_name + ".\n" + preferences_line(site);
    t.body = std::move(body);
    return t;
}

MailText digest_text(const std::string& partnership_name, Date today, const std::vector<MailText>& items, const std::string& site) {
    MailText t;
    t.subject = "Your reminders from " + partnership_name + ", " + date_in_words(today);
    std::string body = std::to_string(items.size()) + (items.size() == 1 ? " message" : " messages") + " for you from " +
                       partnership_name + " on " + date_in_words(today) + ".\n";
    const std::string line = preferences_line(site);
    for (const auto& m : items) {
        std::string text = m.body;
        // Each message's own last line is the preferences line; the digest says it once, at the end.
        if (text.size() >= line.size() && text.compare(text.size() - line.size(), line.size(), line) == 0) {
            text.erase(text.size() - line.size());
        }
        while (!text.empty() && text.back() == '\n') text.pop_back();
        body += "\n----------------------------------------\n" + m.subject + "\n\n" + text + "\n";
    }
    body += "\n----------------------------------------\n" + line;
    t.body = std::move(body);
    return t;
}

const std::vector<MailKind>& optional_mail_kinds() {
    static const std::vector<MailKind> kinds{MailKind::action_reminder, MailKind::return_reminder, MailKind::agenda_published};
    return kinds;
}

std::string_view mail_preference_label(MailKind kind) {
    switch (kind) {
        case MailKind::action_reminder: return "Actions you own, when they are coming due and when they are overdue";
        case MailKind::return_reminder: return "Your agency's returns (Section 11, Section 175 and the multi-agency dataset), when they are coming due and overdue";
        case MailKind::agenda_published: return "Agendas published for meetings of the groups you sit on";
        default: return mail_kind_label(kind);
    }
}

bool wants(const MailPreferences& p, MailKind kind) {
    switch (kind) {
        case MailKind::action_reminder: return p.action_reminders;
        case MailKind::return_reminder: return p.return_reminders;
        case MailKind::agenda_published: return p.agenda_published;
        default: return true;
    }
}

bool digestible(MailKind kind) {
    return kind == MailKind::action_reminder || kind == MailKind::return_reminder || kind == MailKind::agenda_published;
}

FieldErrors validate_mail_preferences(const MailPreferencesInput& in, MailPreferences& out) {
    FieldErrors errors;
    MailPreferences p = out;
    p.action_reminders = p.return_reminders = p.agenda_published = false;
    for (const auto& key : in.kinds) {
        const auto kind = parse_mail_kind(key);
        const auto& optional = optional_mail_kinds();
        if (!kind || std::find(optional.begin(), optional.end(), *kind) == optional.end()) {
            errors.push_back({"kinds", "Select only the reminders listed"});
            break;
        }
        if (*kind == MailKind::action_reminder) p.action_reminders = true;
        if (*kind == MailKind::return_reminder) p.return_reminders = true;
        if (*kind == MailKind::agenda_published) p.agenda_published = true;
    }
    if (in.delivery == "each") {
        p.digest = false;
    } else if (in.delivery == "digest") {
        p.digest = true;
    } else {
        errors.push_back({"delivery", "Select whether you want each message as it happens or one digest a day"});
    }
    if (errors.empty()) out = p;
    return errors;
}

}  // namespace assure
