#pragma once
// The server's mail worker: a thread of its own that, every poll, queues the day's statutory
// reminders and the evaluation requests due (each once per London day) and, when a mail server is configured, sends what is due from
// the outbox. Pages never wait for it; it keeps nothing in memory that a restart would lose.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/mail.hpp"

namespace assure::cli {

class MailWorker {
public:
    // `transport` may be null: no mail server, so messages are queued and stay in the outbox.
    // `site`: what the links in evaluation requests start with ("https://assure.example.org").
    MailWorker(Services& services, std::unique_ptr<MailTransport> transport, MailRetry retry, std::chrono::seconds every,
               std::string site);
    ~MailWorker();  // finishes the message in hand, then stops
    MailWorker(const MailWorker&) = delete;
    MailWorker& operator=(const MailWorker&) = delete;

private:
    void loop();
    void once();

    Services& services_;
    std::unique_ptr<MailTransport> transport_;
    MailRetry retry_;
    std::chrono::seconds every_;
    std::string site_;
    std::optional<Date> reminded_on_;  // the London day whose reminders were queued
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace assure::cli
