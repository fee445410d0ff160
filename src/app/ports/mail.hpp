#pragma once
// Ports: the outbox (messages kept in the database until a mail server takes them) and the
// transport that hands a message to a mail server. docs/decisions/0015-mail.md.
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/mail.hpp"
#include "core/mail_reminders.hpp"

namespace assure {

// Order: created, newest first, then newest id.
struct OutboxQuery {
    PartnershipId partnership;
    std::optional<MailStatus> status;
    PageRequest page;
};

struct OutboxCounts {
    int waiting = 0;
    int failing = 0;
    int sent = 0;
};

// A message kept for the day's digest of a person who chose one.
struct DigestItem {
    PartnershipId partnership;
    UserId user;
    MailKind kind = MailKind::action_reminder;
    std::string subject;
    std::string body;
    Instant created_at = 0;
};

struct MailRepo {
    virtual ~MailRepo() = default;
    // Keeps the message (attempts 0, not sent) and answers its id.
    virtual MailId queue(const MailMessage& m) = 0;
    virtual Page<MailMessage> outbox(const OutboxQuery& query) = 0;
    virtual OutboxCounts count(PartnershipId partnership) = 0;
    virtual std::optional<MailMessage> find(PartnershipId partnership, MailId id) = 0;
    // Every partnership's unsent messages whose next attempt is at or before `now`, soonest due
    // first, at most `limit`; each is held until `hold_until` (its next attempt moved there), so
    // that another server's sender on the same database leaves it alone while this one tries.
    virtual std::vector<MailMessage> claim_due(Instant now, Instant hold_until, int limit) = 0;
    virtual void mark_sent(MailId id, Instant at) = 0;
    // One more failed attempt, its error, and when to try again.
    virtual void mark_failed(MailId id, const std::string& error, Instant next_attempt) = 0;
    // Notes that the reminder of this case's milestone was queued on `on`. False when it already
    // was: the database's unique key says so, so two servers never send it twice.
    virtual bool record_reminder(PartnershipId partnership, CaseId case_id, const std::string& milestone, Date on) = 0;

    // Notes that the reminder of `record` ("improvement:4") at `stage` for its due date `due` was
    // queued on `on`. False when it already was, on any day: once per record, stage and due date.
    virtual bool record_due_reminder(PartnershipId partnership, const std::string& record, ReminderStage stage, Date due,
                                     Date on) = 0;

    // A person's choices; none recorded is nullopt (the caller takes the defaults).
    virtual std::optional<MailPreferences> preferences(UserId user) = 0;
    // Everyone in the partnership who recorded choices.
    virtual std::vector<MailPreferences> preferences_of(PartnershipId partnership) = 0;
    virtual void put_preferences(const MailPreferences& p, Instant at) = 0;  // insert or replace

    virtual void add_digest_item(const DigestItem& item) = 0;
    // Takes the partnership's waiting digest items, by person and then oldest first, and removes
    // them, so that a second server taking them in its own transaction finds none.
    virtual std::vector<DigestItem> take_digest_items(PartnershipId partnership) = 0;

    // Notes that the meeting's agenda was published. False when it already was.
    virtual bool record_agenda_published(PartnershipId partnership, MeetingId meeting, Instant at, const std::string& by) = 0;
    virtual std::optional<Instant> agenda_published_at(PartnershipId partnership, MeetingId meeting) = 0;
};

// Hands one message to a mail server. Throws std::runtime_error with the server's (or the
// network's) words when it is refused or cannot be reached; returning means it was accepted.
struct MailTransport {
    virtual ~MailTransport() = default;
    virtual void send(const MailMessage& m) = 0;
};

}  // namespace assure
