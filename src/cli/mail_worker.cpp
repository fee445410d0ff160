#include "cli/mail_worker.hpp"

#include <spdlog/spdlog.h>

#include "app/training_evaluations.hpp"
#include "app/training_reminders.hpp"

namespace assure::cli {

MailWorker::MailWorker(Services& services, std::unique_ptr<MailTransport> transport, MailRetry retry, std::chrono::seconds every,
                       std::string site)
    : services_(services),
      transport_(std::move(transport)),
      retry_(retry),
      every_(every),
      site_(std::move(site)),
      thread_([this] { loop(); }) {}

MailWorker::~MailWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void MailWorker::once() {
    const Date today = london_today(services_);
    if (reminded_on_ != today) {
        const int queued = queue_milestone_reminders(services_, today);
        // Idempotent like the reminders: a request already sent for a booking and stage is not sent again.
        const SentRequests requests = queue_due_evaluation_requests(services_, today, site_);
        // Once a booking: a reminder already sent is not sent again.
        const int session_reminders = queue_session_reminders(services_, today);
        // Actions and returns coming due and overdue, then the day's digests: once per item, stage and due date.
        const DueReminders due = queue_due_reminders(services_, today, site_);
        reminded_on_ = today;
        if (due.actions + due.returns + due.digests > 0) {
            spdlog::info("mail: {} action reminder(s), {} return reminder(s) and {} digest(s) for {}", due.actions, due.returns,
                         due.digests, today.iso());
        }
        if (queued > 0) spdlog::info("mail: queued {} statutory milestone reminder(s) for {}", queued, today.iso());
        if (session_reminders > 0) spdlog::info("mail: queued {} training session reminder(s)", session_reminders);
        if (requests.after_session + requests.follow_up > 0) {
            spdlog::info("mail: queued {} training evaluation request(s) and {} follow-up(s)", requests.after_session, requests.follow_up);
        }
    }
    if (!transport_) return;
    // Batch after batch while messages are due, so a backlog drains without waiting a poll each.
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        const SendPass pass = send_due_mail(services_.store, services_.clock, *transport_, retry_);
        if (pass.sent > 0) spdlog::info("mail: sent {} message(s)", pass.sent);
        if (pass.failed > 0) spdlog::warn("mail: {} message(s) not sent; each is tried again later (the outbox page says why)", pass.failed);
        if (pass.sent + pass.failed == 0 || pass.failed > 0) return;
    }
}

void MailWorker::loop() {
    while (true) {
        try {
            once();
        } catch (const std::exception& e) {  // the database unreachable: try again next poll
            spdlog::warn("mail: skipped a round: {}", e.what());
        }
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, every_, [this] { return stopping_; })) return;
    }
}

}  // namespace assure::cli
