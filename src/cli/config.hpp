#pragma once
// Configuration: an optional TOML file, then environment variables, then command-line flags.
// Secrets come only from the environment, never from the file or the repository.
#include <string>

#include <vector>

#include "core/calendar.hpp"
#include "core/governance.hpp"
#include "core/learning.hpp"
#include "core/reviews.hpp"
#include "core/settings.hpp"

#include "core/mail.hpp"
#include "core/session.hpp"
#include "mail/smtp.hpp"
#include "web/server.hpp"

namespace assure::cli {

struct Config {
    std::string db_path = "var/assure.db";
    web::WebConfig web;
    SessionPolicy sessions;
    std::string log_level = "info";
    int slow_statement_ms = 0;     // [log] slow_statement_ms: log SQL slower than this (0: off)
    // [log] audit_checkpoint_minutes: how often `serve` checks the audit trail's new rows and
    // writes the chain's head to the log (the whole trail is checked at start and daily).
    int audit_checkpoint_minutes = 10;
    ReviewRules review_rules;      // [reviews]: the statutory clocks' numbers
    GovernanceRules governance_rules;  // [governance]: attendance expectations and the annual cycle
    LearningRules learning_rules;      // [learning]: priorities, stale actions, evidence rule, audit standards
    RegisterRules register_rules;      // [registers]: LADO timeliness targets
    SignInRules sign_in_rules;         // [sign_in]: whether a second factor is required
    std::vector<HolidayChange> holiday_changes = shipped_holiday_changes();  // + [calendar] extra_holidays
    int password_hash_slots = 0;   // [sessions] password_hash_slots: hashes at once (0: half the cores, at least 1)
    int password_hash_queue = 4;   // [sessions] password_hash_queue: sign-ins waiting for a slot before "try again"
    std::string case_key_file;     // "" = "<database path>.key" (a PostgreSQL database needs it set)
    std::string case_key_hex;      // ASSURE_CASE_KEY (environment only: a secret)
    // [mail]: the SMTP server (none: messages stay in the outbox), the sender's pace and retries.
    // The password comes from ASSURE_SMTP_PASSWORD or [mail] password_file, never the file itself.
    mail::SmtpSettings smtp;
    MailRetry mail_retry;
    int mail_poll_seconds = 30;
    // [mail] site_address (ASSURE_SITE_ADDRESS): what links in mail the server sends by itself
    // start with, as people reach the site ("https://assure.example.org"). "" = the address
    // the server listens on, http://<bind>:<port>, right only when people reach it directly.
    std::string site_address;
    [[nodiscard]] std::string site() const;
    // [documents] (docs/admin.md): where the files are kept ("" = beside the SQLite file, as
    // "<database>.documents", or "var/documents" for PostgreSQL), the largest upload, clamd's
    // address (HOST:PORT or a socket path; ASSURE_CLAMD), and whether uploads are taken unscanned
    // when no clamd is set (false: refused).
    std::string documents_dir;
    int documents_max_megabytes = 25;
    std::string clamd;
    bool allow_unscanned = false;
    [[nodiscard]] std::string documents_folder() const;
    // Throws std::runtime_error for a PostgreSQL URL without case_key_file: there is no file
    // beside such a database to keep the key in.
    [[nodiscard]] std::string key_file() const;
};

// Reads `path` (if not empty) and the ASSURE_* environment. Throws std::runtime_error with a
// message naming the file, key and problem on any bad value.
Config load_config(const std::string& path);

}  // namespace assure::cli
