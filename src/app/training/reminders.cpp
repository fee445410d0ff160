// The daily pass that reminds delegates of their sessions (app/training_reminders.hpp).
#include "app/mail.hpp"
#include "app/ports/training_reminders.hpp"
#include "app/training_reminders.hpp"
#include "core/training.hpp"
#include "core/training_mail.hpp"
#include "core/training_notice.hpp"

namespace assure {
namespace {

SessionReminderRepo& reminders_of(Transaction& tx) {
    auto* with = dynamic_cast<SessionReminderTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Session reminders are not kept by this store", {}, "no SessionReminderTransaction");
    return with->session_reminders();
}

// Each page of a query, in turn, until the last.
template <class Query, class Read, class Each>
void every_page(Query q, Read read, Each each) {
    q.page.limit = PageRequest::max_limit;
    while (true) {
        auto page = read(q);
        for (const auto& item : page.items) each(item);
        if (!page.next) return;
        q.page.after = *page.next;
    }
}

}  // namespace

int queue_session_reminders(Services& s, Date today) {
    std::vector<Partnership> partnerships;
    s.store.read([&](Transaction& tx) { partnerships = tx.partnerships().list(); });
    int queued = 0;
    for (const Partnership& p : partnerships) {
        // One transaction a partnership: its reminders and their mail commit together, or none do.
        s.store.write([&](Transaction& tx) {
            const Instant now = s.clock.now();
            SessionQuery sessions;
            sessions.partnership = p.id;
            sessions.from = today;
            sessions.to = s.calendar.add_working_days(today, kReminderWorkingDays);
            every_page(sessions, [&](const SessionQuery& q) { return tx.training().sessions(q); }, [&](const TrainingSession& t) {
                if (!reminder_due(t.on, today, s.calendar)) return;
                const BookingQuery places{p.id, t.id, BookingStatus::booked, {}};
                every_page(places, [&](const BookingQuery& q) { return tx.training().bookings(q); }, [&](const Booking& b) {
                    if (!reminders_of(tx).mark_reminded(p.id, b.id, now)) return;
                    const MailText text = reminder_mail_text(p.name, t, b);
                    queue_mail(tx, now, OutgoingMail{p.id, MailKind::session_reminder, b.email, text.subject, text.body});
                    ++queued;
                });
            });
        });
    }
    return queued;
}

}  // namespace assure
