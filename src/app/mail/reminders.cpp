// The daily statutory milestone reminders: core decides which milestones call for one today;
// the database's unique key (case, milestone, day) makes a second run, or a second server,
// queue nothing more.
#include "app/mail.hpp"

namespace assure {
namespace {

std::vector<Case> open_cases(Transaction& tx, PartnershipId partnership) {
    std::vector<Case> out;
    CaseQuery q;
    q.partnership = partnership;
    q.open_only = true;
    q.page.limit = PageRequest::max_limit;
    while (true) {
        auto page = tx.cases().list(q);
        for (auto& c : page.items) out.push_back(std::move(c));
        if (!page.next) break;
        q.page.after = *page.next;
    }
    return out;
}

}  // namespace

int queue_milestone_reminders(Services& s, Date today) {
    std::vector<Partnership> partnerships;
    s.store.read([&](Transaction& tx) { partnerships = tx.partnerships().list(); });
    int queued = 0;
    for (const Partnership& p : partnerships) {
        s.store.write([&](Transaction& tx) {
            std::vector<std::string> to;
            for (const User& u : tx.users().list(p.id)) {
                if (u.active && u.role == Role::business_unit && plausible_address(u.email)) to.push_back(u.email);
            }
            if (to.empty()) return;
            const Instant now = s.clock.now();
            for (const Case& c : open_cases(tx, p.id)) {
                for (const MilestoneReminder& r : milestone_reminders(c, today, s.calendar)) {
                    if (!tx.mail().record_reminder(p.id, c.id, r.milestone, today)) continue;
                    const MailText text = milestone_reminder_text(p.name, c.reference, r);
                    for (const auto& address : to) {
                        queue_mail(tx, now, {p.id, MailKind::milestone_reminder, address, text.subject, text.body});
                        ++queued;
                    }
                }
            }
        });
    }
    return queued;
}

}  // namespace assure
