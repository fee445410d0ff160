#pragma once
// Escalating overdue meeting actions (issue 20 item 7): an action still open a set number of
// working days after its due date goes to the chair of the group that agreed it; later still, to
// the statutory partners' leads. Pure rules: which step a day calls for, the step's words and
// the message (docs/decisions/0036-escalating-overdue-actions.md).
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/mail.hpp"

namespace assure {

enum class EscalationStep { chair, partners };
std::string_view escalation_step_key(EscalationStep s);    // "chair", "partners"
std::optional<EscalationStep> parse_escalation_step(std::string_view key);
std::string_view escalation_step_label(EscalationStep s);  // "Escalated to the group's chair"

// Working days past the due date before each step. Defaults: two weeks to the chair, four to the
// statutory partners.
struct EscalationPolicy {
    int chair_after = 10;
    int partners_after = 20;
};
inline constexpr EscalationPolicy kEscalationPolicy{};

// The furthest step an open action due on `due` has reached on `today`: none until `chair_after`
// working days have passed since the due day. The caller keeps each (action, step, due date) to
// once, so a step missed while the server was down is still taken on a later day, and an action
// given a new due date starts again.
std::optional<EscalationStep> escalation_step(Date due, Date today, const WorkingCalendar& calendar,
                                              const EscalationPolicy& policy = kEscalationPolicy);

// What the chair or the partners' leads are told. `what` is the action's text, `group` the group
// that agreed it, `owner` its owner's name, `path` the action's page.
struct EscalatedAction {
    std::string what;
    std::string group;
    std::string owner;
    std::string path;
    Date due;
    EscalationStep step = EscalationStep::chair;
};
MailText escalation_text(const std::string& partnership_name, const EscalatedAction& a, Date today, const WorkingCalendar& calendar,
                         const std::string& site);

}  // namespace assure
