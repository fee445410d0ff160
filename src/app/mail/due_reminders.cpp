// The daily round of reminders beyond the statutory ones (issue 19 item 3): actions, audit
// returns, the dataset's agency returns and training needs returns coming due and overdue, each to the people whose it is, then each person's digest.
// Core decides what a day calls for; the store's unique key (record, stage, due date) keeps
// each reminder to once, whichever server or run gets there first.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/mail.hpp"
#include "app/ports/action_escalations.hpp"
#include "app/ports/training_needs.hpp"
#include "core/action_escalation.hpp"

namespace assure {
namespace {

bool has_date(Date d) { return d != Date{}; }

// Everything one partnership's round needs, read once in its transaction.
struct Round {
    Transaction& tx;
    const Partnership& partnership;
    const WorkingCalendar& calendar;
    Date today;
    Instant now;
    const std::string& site;
    std::map<PersonId, std::vector<User>> accounts;  // active accounts by person
    std::vector<PersonId> partner_leads;              // people with an active partner_lead account
    std::map<PersonId, std::string> names;
    std::map<AgencyId, std::vector<User>> agency_leads;
    std::map<AgencyId, std::string> agency_names;
    std::map<UserId, MailPreferences> preferences;

    // Once per record, stage and due date: then to each person.
    int remind(const std::string& record, ReminderStage stage, Date due, const std::vector<User>& to, MailKind kind,
               const MailText& text) {
        if (to.empty()) return 0;
        if (!tx.mail().record_due_reminder(partnership.id, record, stage, due, today)) return 0;
        int sent = 0;
        for (const User& u : to) {
            if (deliver_to_person(tx, now, u, preferences_for(preferences, u), kind, text)) ++sent;
        }
        return sent;
    }
};

int meeting_actions(Round& r) {
    std::map<GroupId, std::string> groups;
    for (const Group& g : r.tx.governance().groups(r.partnership.id)) groups[g.id] = g.name;
    ActionQuery q;
    q.partnership = r.partnership.id;
    q.states = {ActionStatus::open};
    int sent = 0;
    for (const ActionItem& a : every_page(q, [&](const ActionQuery& x) { return r.tx.governance().actions(x); })) {
        if (!a.owner.valid() || !has_date(a.due)) continue;
        const auto owners = r.accounts.find(a.owner);
        if (owners == r.accounts.end()) continue;
        const auto stage = reminder_stage(a.due, r.today, kActionReminderLead, r.calendar);
        if (!stage) continue;
        const DueItem item{a.text, groups[a.group], "/meetings/" + a.meeting.str(), a.due, *stage};
        sent += r.remind("meeting_action:" + a.id.str(), *stage, a.due, owners->second, MailKind::action_reminder,
                         action_reminder_text(r.partnership.name, item, r.today, r.site));
    }
    return sent;
}

int plan_actions(Round& r) {
    ImprovementQuery q;
    q.partnership = r.partnership.id;
    q.states = {ActionState::proposed, ActionState::agreed, ActionState::in_progress};
    int sent = 0;
    for (const ImprovementAction& a : every_page(q, [&](const ImprovementQuery& x) { return r.tx.learning().improvements(x); })) {
        if (!improvement_open(a) || !a.lead.valid() || !has_date(a.due)) continue;
        const auto leads = r.accounts.find(a.lead);
        if (leads == r.accounts.end()) continue;
        const auto stage = reminder_stage(a.due, r.today, kActionReminderLead, r.calendar);
        if (!stage) continue;
        const DueItem item{a.text, "the partnership's action plan (" + r.agency_names[a.agency] + ")",
                           "/improvement/" + a.id.str(), a.due, *stage};
        sent += r.remind("improvement:" + a.id.str(), *stage, a.due, leads->second, MailKind::action_reminder,
                         action_reminder_text(r.partnership.name, item, r.today, r.site));
    }
    return sent;
}

int audit_returns(Round& r) {
    int sent = 0;
    for (const AuditCycle& c : r.tx.learning().cycles(r.partnership.id)) {
        if (c.closed || r.today < c.opens) continue;
        const auto stage = reminder_stage(c.closes, r.today, kReturnReminderLead, r.calendar);
        if (!stage) continue;
        const auto returns = r.tx.learning().returns_of(r.partnership.id, c.id);
        for (const AgencyId agency : c.invited) {
            const bool submitted = std::any_of(returns.begin(), returns.end(), [&](const AuditReturn& x) {
                return x.agency == agency && x.status == ReturnStatus::submitted;
            });
            if (submitted) continue;
            const auto leads = r.agency_leads.find(agency);
            if (leads == r.agency_leads.end()) continue;
            const DueItem item{c.title, r.agency_names[agency], "/audits/" + c.id.str() + "/returns/" + agency.str(), c.closes, *stage};
            sent += r.remind("audit_return:" + c.id.str() + ":" + agency.str(), *stage, c.closes, leads->second,
                             MailKind::return_reminder, return_reminder_text(r.partnership.name, item, r.today, r.site));
        }
    }
    return sent;
}

// The multi-agency dataset's quarterly returns asked for and not yet in, to the agency's leads.
int dataset_returns(Round& r) {
    DatasetReturnQuery q;
    q.partnership = r.partnership.id;
    q.state = DatasetReturnListState::outstanding;
    q.today = r.today;
    int sent = 0;
    for (const DatasetReturn& ret : every_page(q, [&](const DatasetReturnQuery& x) { return r.tx.dataset().returns(x); })) {
        if (ret.submitted_on) continue;
        const auto leads = r.agency_leads.find(ret.agency);
        if (leads == r.agency_leads.end()) continue;
        const auto stage = reminder_stage(ret.due_on, r.today, kDatasetReturnReminderLead, r.calendar);
        if (!stage) continue;
        const DueItem item{"the multi-agency dataset for " + ret.period.label(), r.agency_names[ret.agency],
                           "/dataset/returns/" + ret.id.str(), ret.due_on, *stage};
        sent += r.remind("dataset_return:" + ret.id.str(), *stage, ret.due_on, leads->second, MailKind::return_reminder,
                         return_reminder_text(r.partnership.name, item, r.today, r.site));
    }
    return sent;
}

// Training needs analyses open and returns not yet submitted, to the agency's leads, while they
// may still submit: after the day returns close only the training team enters one.
int needs_returns(Round& r) {
    auto* with = dynamic_cast<NeedsTransaction*>(&r.tx);
    if (with == nullptr) return 0;
    int sent = 0;
    for (const NeedsAnalysis& a : with->training_needs().list(r.partnership.id)) {
        if (needs_stage(a, r.today) != NeedsAnalysisStage::open) continue;
        const auto stage = reminder_stage(a.closes, r.today, kReturnReminderLead, r.calendar);
        if (!stage) continue;
        for (const NeedsReturn& ret : with->training_needs().returns(r.partnership.id, a.id)) {
            if (ret.state == NeedsReturnState::submitted) continue;
            const auto leads = r.agency_leads.find(ret.agency);
            if (leads == r.agency_leads.end()) continue;
            const DueItem item{a.title, ret.agency_name, "/training/needs/" + a.id.str() + "/returns/" + ret.agency.str(), a.closes, *stage};
            sent += r.remind("training_needs:" + a.id.str() + ":" + ret.agency.str(), *stage, a.closes, leads->second, MailKind::return_reminder,
                             return_reminder_text(r.partnership.name, item, r.today, r.site));
        }
    }
    return sent;
}

// Meeting actions long overdue (issue 20 item 7; decision 0036): each step core's
// escalation_step has reached, to the group's chair and then to the statutory partners' leads,
// recorded once per action, step, due date and person with an audit row, and mailed to the
// person's accounts (as an action reminder, which their choices may hold for a digest).
int escalations(Round& r) {
    auto* with = dynamic_cast<ActionEscalationTransaction*>(&r.tx);
    if (with == nullptr) return 0;
    std::map<GroupId, Group> groups;
    for (Group& g : r.tx.governance().groups(r.partnership.id)) groups[g.id] = std::move(g);
    ActionQuery q;
    q.partnership = r.partnership.id;
    q.overdue_on = r.today;
    int sent = 0;
    for (const ActionItem& a : every_page(q, [&](const ActionQuery& x) { return r.tx.governance().actions(x); })) {
        if (!has_date(a.due)) continue;
        const auto reached = escalation_step(a.due, r.today, r.calendar);
        if (!reached) continue;
        const auto group = groups.find(a.group);
        for (const EscalationStep step : {EscalationStep::chair, EscalationStep::partners}) {
            if (step == EscalationStep::partners && *reached == EscalationStep::chair) break;
            std::vector<PersonId> to;
            if (step == EscalationStep::chair) {
                if (group != groups.end() && group->second.chair.valid()) to.push_back(group->second.chair);
            } else {
                to = r.partner_leads;
            }
            const EscalatedAction about{a.text, group == groups.end() ? std::string("a group") : group->second.name,
                                        a.owner.valid() ? r.names[a.owner] : std::string("no one named"), "/actions/" + a.id.str(),
                                        a.due, step};
            const MailText text = escalation_text(r.partnership.name, about, r.today, r.calendar, r.site);
            for (const PersonId person : to) {
                const ActionEscalation e{a.id, step, a.due, r.today, person, r.names[person]};
                if (!with->action_escalations().record(r.partnership.id, e)) continue;
                record_audit(r.tx, Actor::system(r.partnership.id), r.now, "action.escalate", "action", a.id.str(), "",
                             nlohmann::json{{"step", escalation_step_key(step)}, {"due", a.due.iso()}, {"to", e.person_name}}.dump());
                const auto accounts = r.accounts.find(person);
                if (accounts == r.accounts.end()) continue;
                for (const User& u : accounts->second) {
                    if (deliver_to_person(r.tx, r.now, u, preferences_for(r.preferences, u), MailKind::action_reminder, text)) ++sent;
                }
            }
        }
    }
    return sent;
}

int digests(Round& r, const std::vector<User>& users) {
    const auto items = r.tx.mail().take_digest_items(r.partnership.id);
    int queued = 0;
    for (std::size_t i = 0; i < items.size();) {
        const UserId who = items[i].user;
        std::vector<MailText> texts;
        for (; i < items.size() && items[i].user == who; ++i) texts.push_back({items[i].subject, items[i].body});
        const auto u = std::find_if(users.begin(), users.end(), [&](const User& x) { return x.id == who; });
        if (u == users.end() || !u->active || !plausible_address(u->email)) continue;
        const MailText text = digest_text(r.partnership.name, r.today, texts, r.site);
        queue_mail(r.tx, r.now, {r.partnership.id, MailKind::reminder_digest, u->email, text.subject, text.body});
        ++queued;
    }
    return queued;
}

}  // namespace

DueReminders queue_due_reminders(Services& s, Date today, const std::string& site) {
    std::vector<Partnership> partnerships;
    s.store.read([&](Transaction& tx) { partnerships = tx.partnerships().list(); });
    DueReminders out;
    for (const Partnership& p : partnerships) {
        s.store.write([&](Transaction& tx) {
            Round r{tx, p, s.calendar, today, s.clock.now(), site, {}, {}, {}, {}, {}, recorded_preferences(tx, p.id)};
            const auto users = tx.users().list(p.id);
            std::map<PersonId, AgencyId> agency_of;
            for (const Person& person : tx.people().list(p.id, PersonFilter{})) {
                agency_of[person.id] = person.agency;
                r.names[person.id] = person.name;
            }
            for (const Agency& a : tx.agencies().list(p.id, true)) r.agency_names[a.id] = a.name;
            for (const User& u : users) {
                if (!u.active || !u.person.valid() || !plausible_address(u.email)) continue;
                r.accounts[u.person].push_back(u);
                if (u.role == Role::partner_lead) r.partner_leads.push_back(u.person);
                if (u.role == Role::agency_lead) {
                    if (auto a = agency_of.find(u.person); a != agency_of.end() && a->second.valid()) r.agency_leads[a->second].push_back(u);
                }
            }
            out.actions += meeting_actions(r) + plan_actions(r) + escalations(r);
            out.returns += audit_returns(r) + dataset_returns(r) + needs_returns(r);
            out.digests += digests(r, users);
        });
    }
    return out;
}

}  // namespace assure
