// The outbox's repository. The list is a keyset page (created, id) newest first; a status is
// answered in SQL from sent_at and attempts; the sender's claim moves each message's next
// attempt forward in the same write, so two servers never hand the same message over together.
// The row mapping is strict: an unknown kind is an error naming mail_outbox.kind.
#include <algorithm>

#include "store/sql/keyset.hpp"
#include "store/sql/repos.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

constexpr const char* kColumns =
    "SELECT id, partnership_id, kind, to_address, subject, body, created_at, next_attempt_at, attempts, last_error, sent_at "
    "FROM mail_outbox ";

MailMessage read_message(const Statement& q) {
    MailMessage m;
    m.id = MailId{q.int64(0)};
    m.partnership = PartnershipId{q.int64(1)};
    m.kind = strict_enum("mail_outbox", "kind", q.text(2), parse_mail_kind);
    m.to = q.text(3);
    m.subject = q.text(4);
    m.body = q.text(5);
    m.created_at = q.int64(6);
    m.next_attempt_at = q.int64(7);
    m.attempts = q.integer(8);
    m.last_error = q.text(9);
    if (!q.is_null(10)) m.sent_at = q.int64(10);
    return m;
}

// The SQL condition of each status; "" for every status.
const char* status_condition(const std::optional<MailStatus>& s) {
    if (!s) return "";
    switch (*s) {
        case MailStatus::waiting: return "AND sent_at IS NULL AND attempts = 0 ";
        case MailStatus::failing: return "AND sent_at IS NULL AND attempts > 0 ";
        case MailStatus::sent: return "AND sent_at IS NOT NULL ";
    }
    return "";
}

}  // namespace

MailId SqlMail::queue(const MailMessage& m) {
    auto& q = db_.cached(
        "INSERT INTO mail_outbox(partnership_id, kind, to_address, subject, body, created_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, m.partnership.value)
        .bind(2, mail_kind_key(m.kind))
        .bind(3, m.to)
        .bind(4, m.subject)
        .bind(5, m.body)
        .bind(6, m.created_at)
        .bind(7, m.next_attempt_at)
        .run();
    return MailId{db_.last_insert_id()};
}

Page<MailMessage> SqlMail::outbox(const OutboxQuery& f) {
    const int limit = std::clamp(f.page.limit, 1, PageRequest::max_limit);
    std::int64_t after_at = 0, after_id = 0;
    if (!f.page.after.empty()) {
        const auto parts = cursor_parts(f.page.after, 2);
        after_at = cursor_number(parts[0]);
        after_id = cursor_number(parts[1]);
    }
    // One statement per status, each cached: the condition is part of the SQL, not a parameter.
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ?1 " + status_condition(f.status) +
                         "AND (CAST(?3 AS BIGINT) = 0 OR created_at < ?2 OR (created_at = ?2 AND id < ?3)) "
                         "ORDER BY created_at DESC, id DESC LIMIT ?4");
    q.bind(1, f.partnership.value).bind(2, after_at).bind(3, after_id).bind(4, limit + 1);
    std::vector<MailMessage> rows;
    while (q.step()) rows.push_back(read_message(q));
    return page_of(std::move(rows), limit,
                   [](const MailMessage& m) { return std::vector<std::string>{std::to_string(m.created_at), m.id.str()}; });
}

OutboxCounts SqlMail::count(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT count(CASE WHEN sent_at IS NULL AND attempts = 0 THEN 1 END), "
        "count(CASE WHEN sent_at IS NULL AND attempts > 0 THEN 1 END), count(sent_at) "
        "FROM mail_outbox WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    q.step();
    return {q.integer(0), q.integer(1), q.integer(2)};
}

std::optional<MailMessage> SqlMail::find(PartnershipId partnership, MailId id) {
    auto& q = db_.cached(std::string(kColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id.value);
    if (!q.step()) return std::nullopt;
    return read_message(q);
}

std::vector<MailMessage> SqlMail::claim_due(Instant now, Instant hold_until, int limit) {
    std::vector<MailMessage> due;
    {
        auto& q = db_.cached(std::string(kColumns) +
                             "WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?");
        q.bind(1, now).bind(2, std::max(1, limit));
        while (q.step()) due.push_back(read_message(q));
    }
    for (const auto& m : due) {
        auto& hold = db_.cached("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL");
        hold.bind(1, hold_until).bind(2, m.id.value).run();
    }
    return due;
}

void SqlMail::mark_sent(MailId id, Instant at) {
    auto& q = db_.cached("UPDATE mail_outbox SET sent_at = ?, last_error = '' WHERE id = ? AND sent_at IS NULL");
    q.bind(1, at).bind(2, id.value).run();
}

void SqlMail::mark_failed(MailId id, const std::string& error, Instant next_attempt) {
    auto& q = db_.cached(
        "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL");
    q.bind(1, error).bind(2, next_attempt).bind(3, id.value).run();
}

bool SqlMail::record_reminder(PartnershipId partnership, CaseId case_id, const std::string& milestone, Date on) {
    auto& q = db_.cached(
        "INSERT INTO mail_milestone_reminders(partnership_id, case_id, milestone, reminded_on) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (partnership_id, case_id, milestone, reminded_on) DO NOTHING");
    q.bind(1, partnership.value).bind(2, case_id.value).bind(3, milestone).bind(4, on.iso()).run();
    return db_.changes() == 1;
}

bool SqlMail::record_due_reminder(PartnershipId partnership, const std::string& record, ReminderStage stage, Date due, Date on) {
    auto& q = db_.cached(
        "INSERT INTO mail_due_reminders(partnership_id, record, stage, due_on, reminded_on) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (partnership_id, record, stage, due_on) DO NOTHING");
    q.bind(1, partnership.value).bind(2, record).bind(3, reminder_stage_key(stage)).bind(4, due.iso()).bind(5, on.iso()).run();
    return db_.changes() == 1;
}

namespace {

constexpr const char* kPreferenceColumns =
    "SELECT user_id, partnership_id, digest, action_reminders, return_reminders, agenda_published FROM mail_preferences ";

MailPreferences read_preferences(const Statement& q) {
    MailPreferences p;
    p.user = UserId{q.int64(0)};
    p.partnership = PartnershipId{q.int64(1)};
    p.digest = q.integer(2) != 0;
    p.action_reminders = q.integer(3) != 0;
    p.return_reminders = q.integer(4) != 0;
    p.agenda_published = q.integer(5) != 0;
    return p;
}

}  // namespace

std::optional<MailPreferences> SqlMail::preferences(UserId user) {
    auto& q = db_.cached(std::string(kPreferenceColumns) + "WHERE user_id = ?");
    q.bind(1, user.value);
    if (!q.step()) return std::nullopt;
    return read_preferences(q);
}

std::vector<MailPreferences> SqlMail::preferences_of(PartnershipId partnership) {
    auto& q = db_.cached(std::string(kPreferenceColumns) + "WHERE partnership_id = ? ORDER BY user_id");
    q.bind(1, partnership.value);
    std::vector<MailPreferences> out;
    while (q.step()) out.push_back(read_preferences(q));
    return out;
}

void SqlMail::put_preferences(const MailPreferences& p, Instant at) {
    auto& q = db_.cached(
        "INSERT INTO mail_preferences(user_id, partnership_id, digest, action_reminders, return_reminders, agenda_published, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (user_id) DO UPDATE SET digest = ?3, action_reminders = ?4, return_reminders = ?5, agenda_published = ?6, "
        "updated_at = ?7");
    q.bind(1, p.user.value)
        .bind(2, p.partnership.value)
        .bind(3, p.digest)
        .bind(4, p.action_reminders)
        .bind(5, p.return_reminders)
        .bind(6, p.agenda_published)
        .bind(7, at)
        .run();
}

void SqlMail::add_digest_item(const DigestItem& item) {
    auto& q = db_.cached(
        "INSERT INTO mail_digest_items(partnership_id, user_id, kind, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, item.partnership.value)
        .bind(2, item.user.value)
        .bind(3, mail_kind_key(item.kind))
        .bind(4, item.subject)
        .bind(5, item.body)
        .bind(6, item.created_at)
        .run();
}

std::vector<DigestItem> SqlMail::take_digest_items(PartnershipId partnership) {
    std::vector<DigestItem> out;
    {
        auto& q = db_.cached(
            "SELECT partnership_id, user_id, kind, subject, body, created_at FROM mail_digest_items "
            "WHERE partnership_id = ? ORDER BY user_id, id");
        q.bind(1, partnership.value);
        while (q.step()) {
            DigestItem item;
            item.partnership = PartnershipId{q.int64(0)};
            item.user = UserId{q.int64(1)};
            item.kind = strict_enum("mail_digest_items", "kind", q.text(2), parse_mail_kind);
            item.subject = q.text(3);
            item.body = q.text(4);
            item.created_at = q.int64(5);
            out.push_back(std::move(item));
        }
    }
    auto& remove = db_.cached("DELETE FROM mail_digest_items WHERE partnership_id = ?");
    remove.bind(1, partnership.value).run();
    return out;
}

bool SqlMail::record_agenda_published(PartnershipId partnership, MeetingId meeting, Instant at, const std::string& by) {
    auto& q = db_.cached(
        "INSERT INTO mail_agenda_published(partnership_id, meeting_id, published_at, published_by) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (partnership_id, meeting_id) DO NOTHING");
    q.bind(1, partnership.value).bind(2, meeting.value).bind(3, at).bind(4, by).run();
    return db_.changes() == 1;
}

std::optional<Instant> SqlMail::agenda_published_at(PartnershipId partnership, MeetingId meeting) {
    auto& q = db_.cached("SELECT published_at FROM mail_agenda_published WHERE partnership_id = ? AND meeting_id = ?");
    q.bind(1, partnership.value).bind(2, meeting.value);
    if (!q.step()) return std::nullopt;
    return q.int64(0);
}

}  // namespace assure::sql
