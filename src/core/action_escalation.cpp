#include "core/action_escalation.hpp"

#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure {

std::string_view escalation_step_key(EscalationStep s) { return s == EscalationStep::chair ? "chair" : "partners"; }

std::optional<EscalationStep> parse_escalation_step(std::string_view key) {
    if (key == "chair") return EscalationStep::chair;
    if (key == "partners") return EscalationStep::partners;
    return std::nullopt;
}

std::string_view escalation_step_label(EscalationStep s) {
    return s == EscalationStep::chair ? "Escalated to the group's chair" : "Escalated to the statutory partners";
}

std::optional<EscalationStep> escalation_step(Date due, Date today, const WorkingCalendar& calendar, const EscalationPolicy& policy) {
    const int late = calendar.working_days_between(due, today);
    if (late >= policy.partners_after) return EscalationStep::partners;
    if (late >= policy.chair_after) return EscalationStep::chair;
    return std::nullopt;
}

MailText escalation_text(const std::string& partnership_name, const EscalatedAction& a, Date today, const WorkingCalendar& calendar,
                         const std::string& site) {
    const int late = calendar.working_days_between(a.due, today);
    MailText t;
    t.subject = "Action escalated (" + partnership_name + "): " + count_of(late, "working day", "working days") + " overdue";
    const std::string to_whom = a.step == EscalationStep::chair ? "you chair the " + a.group + ", which agreed it"
                                                                : "you lead for a statutory partner of the partnership";
    t.body = "An action is " + count_of(late, "working day", "working days") + " past its due date of " + date_in_words(a.due) +
             " and is still open. It is escalated to you because " + to_whom + ".\n\n" + a.what + "\n\n" + "Owner: " + a.owner +
             "\nAgreed by: " + a.group + "\n" + "See it: " + site + a.path + "\n\n" +
             (a.step == EscalationStep::chair ? "If it stays open, it goes next to the statutory partners' leads.\n"
                                              : "The group's chair was told first.\n");
    return t;
}

}  // namespace assure
