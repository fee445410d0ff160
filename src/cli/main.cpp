// The `assure` command: the one composition root. config -> store -> use cases -> web.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <optional>
#include <pthread.h>
#include <sys/stat.h>
#include <thread>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/partnership.hpp"
#include "app/reviews.hpp"
#include "app/tokens.hpp"
#include "cli/audit_checkpoints.hpp"
#include "cli/backup.hpp"
#include "cli/tokens.hpp"
#include "cli/mail_worker.hpp"
#include "mail/smtp.hpp"
#include "cli/config.hpp"
#include "cli/dataset_import.hpp"
#include "cli/demo.hpp"
#include "cli/demo_scale.hpp"
#include "cli/documents.hpp"
#include "cli/runtime.hpp"
#include "cli/key_rotate.hpp"
#include "core/role_table.hpp"
#include "crypto/bounded_hasher.hpp"
#include "ingest/libxml2_xml_reader.hpp"
#include "crypto/case_key_file.hpp"
#include "crypto/sodium.hpp"
#include "store/copy.hpp"
#include "store/open.hpp"
#include "store/postgres/store.hpp"
#include "store/sql/slow_statements.hpp"
#include "store/sqlite/store.hpp"
#include "web/server.hpp"

namespace fs = std::filesystem;
using namespace assure;

namespace {

// `created_file` is set to the key file when this start made it (there was none).
crypto::SecretboxSealer case_sealer(const cli::Config& config, std::string& created_file) {
    bool created = false;
    const std::string key_file = config.case_key_hex.empty() ? config.key_file() : std::string();
    auto key = crypto::load_case_key(config.case_key_hex, key_file, created);
    if (created) {
        created_file = key_file;
        spdlog::warn("Created the case key {}: back it up with the database; without it the children's "
                     "identifiable details cannot be read", key_file);
    }
    return crypto::SecretboxSealer(std::move(key));
}

// A key file made on this start for a database whose details another key sealed is the
// "missing key file silently replaced" fault: the new file is removed again (nothing was sealed
// with it), so the next start does not find a wrong key waiting, and the message says so.
Failure missing_key_file(const Failure& refused, const std::string& created_file) {
    std::error_code ignored;
    fs::remove(created_file, ignored);
    return {refused.code(),
            "The case key file " + created_file + " was missing, but this database already has a case key (the one that file "
                "held), and a new key cannot open what it sealed, so the key just made was removed again. Restore the key file "
                "backed up with the database, or give the key in ASSURE_CASE_KEY. (" + refused.what() + ")",
            {},
            refused.detail()};
}

// Half the cores hash passwords at most, so a burst of sign-ins leaves the rest for pages.
int password_hash_slots(const cli::Config& config) {
    if (config.password_hash_slots > 0) return config.password_hash_slots;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 2);
}

// The case key is settled before the database is reached, so a missing key is reported as
// such rather than hidden behind a connection error.
struct Wiring {
    explicit Wiring(const cli::Config& config)
        : sealer(case_sealer(config, created_key_file)),
          store(store::open_store(config.db_path)),
          hasher(argon2id, password_hash_slots(config), config.password_hash_queue),
          services{*store, clock, hasher, tokens, config.sessions, &sealer, WorkingCalendar(config.holiday_changes),
                   PartnershipRules{config.review_rules, config.governance_rules, config.learning_rules, config.register_rules,
                                    config.sign_in_rules}} {
        services.xml = &xml;
        // Before anything is sealed: a key other than the database's stops every command here.
        try {
            if (check_case_key(services) == CaseKeyCheck::stored) {
                spdlog::info("Stored the case key check: every server on this database must use this case key");
            }
        } catch (const Failure& refused) {
            if (created_key_file.empty()) throw;
            throw missing_key_file(refused, created_key_file);
        }
        // After a rotation the dataset's pseudonym key is the database's, so digests never change.
        if (auto kept = kept_digest_key(services)) sealer.use_digest_key(std::move(*kept));
        // A partnership from before settings existed (an upgraded database) takes the file's
        // rules as its own, so no partnership is ever without them.
        if (const int adopted = adopt_default_rules(services); adopted > 0) {
            spdlog::info("{} partnership(s) took the configuration file's rules as their own settings", adopted);
        }
        // Cases from before their standing was stored (an upgraded database) get it now, before
        // any list asks for it.
        settle_case_standings(services);
    }
    std::string created_key_file;  // set (before `sealer` is made) when this start made the key file
    crypto::SecretboxSealer sealer;
    std::unique_ptr<sql::SqlStore> store;
    cli::SystemClock clock;
    crypto::Argon2idHasher argon2id;
    crypto::BoundedHasher hasher;  // Argon2id's memory times the slots, however many sign in at once
    crypto::SodiumTokens tokens;
    ingest::Libxml2XmlReader xml;
    Services services;
};

std::string default_public_dir(const char* argv0) {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0);
    return (exe.parent_path() / "public").string();
}

// An SQLite file's folder is created if missing; a PostgreSQL database is the administrator's.
void ensure_parent(const std::string& path) {
    if (store::is_postgres_url(path)) return;
    const auto parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent);
}

void remove_database(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

std::string read_password() {
    if (const char* env = std::getenv("ASSURE_PASSWORD")) return env;
    std::cerr << "Password (or set ASSURE_PASSWORD): " << std::flush;
    std::string line;
    std::getline(std::cin, line);
    return line;
}

// The "being served" lock is a file beside an SQLite database. Several servers may share one
// PostgreSQL database: its writers are serialised by the database itself.
std::optional<cli::ServeLock> serve_lock(const std::string& db) {
    if (store::is_postgres_url(db)) return std::nullopt;
    return std::make_optional<cli::ServeLock>(db);
}

bool being_served(const std::optional<cli::ServeLock>& lock) { return lock && !lock->held(); }

// `demo` starts from nothing: the SQLite file is removed, the PostgreSQL schema emptied.
void start_afresh(const std::string& db) {
    if (store::is_postgres_url(db)) {
        postgres::empty_schema(db);
    } else {
        ensure_parent(db);
        remove_database(db);
    }
}

void refuse_url(const std::string& db, const char* what) {
    if (!store::is_postgres_url(db)) return;
    throw std::runtime_error(std::string("assure ") + what + " works on SQLite files; for PostgreSQL (" + store::describe(db) +
                             ") use pg_dump and pg_restore (see docs/admin.md)");
}

int serve(cli::Config config) {
    const auto lock = serve_lock(config.db_path);
    if (being_served(lock)) {
        spdlog::error("{} is already being served by another process", config.db_path);
        return 1;
    }
    // Block the stop signals in every thread; one thread waits for them and stops the server.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    ensure_parent(config.db_path);
    Wiring w(config);
    AuditTrailWatch audit_watch;
    w.services.audit_watch = &audit_watch;
    const int minutes = config.audit_checkpoint_minutes;
    cli::AuditCheckpoints checkpoints(*w.store, w.clock, audit_watch, std::chrono::minutes(minutes), 24 * 60 / minutes);
    config.web.data_version = [store = w.store.get()] { return store->data_version(); };
    cli::DocumentWiring documents(config);
    config.web.documents = &documents.services;
    config.web.upload_dir = documents.incoming;
    web::WebApp app(w.services, config.web);
    std::unique_ptr<MailTransport> smtp;
    if (config.smtp.configured()) {
        smtp = std::make_unique<mail::SmtpTransport>(config.smtp, w.clock);
        spdlog::info("mail: sending through {}:{} ({})", config.smtp.host, config.smtp.port, mail::smtp_tls_key(config.smtp.tls));
    } else {
        spdlog::info("mail: no [mail] host set: messages are kept in the outbox, none is sent");
    }
    cli::MailWorker mail_worker(w.services, std::move(smtp), config.mail_retry, std::chrono::seconds(config.mail_poll_seconds),
                                config.site());
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        spdlog::info("signal {} received: stopping", sig);
        app.stop();
    });
    spdlog::info("Assure serving {} on http://{}:{}", store::describe(config.db_path), config.web.bind, config.web.port);
    const bool ok = app.listen();
    if (!ok) {
        spdlog::error("cannot listen on {}:{} (in use, or not permitted)", config.web.bind, config.web.port);
        pthread_kill(waiter.native_handle(), SIGTERM);
    }
    waiter.join();
    spdlog::info("stopped");
    return ok ? 0 : 1;
}

// `demo --scale england`: progress on stderr, then the rows written and the first
// partnership's accounts (the benchmark signs in as its business unit).
int demo_england(const cli::Config& config, cli::ScaleOptions options, const std::string& password) {
    if (password.empty()) throw std::runtime_error("--scale england needs --password: every account gets it");
    options.password = password;
    start_afresh(config.db_path);
    Wiring w(config);
    const auto started = std::chrono::steady_clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    const auto report = cli::load_england(w.services, options, [&](int done, const cli::ScaleReport& r) {
        std::cerr << "\r" << done << "/" << options.partnerships << " partnerships, " << r.total() << " rows, " << static_cast<int>(seconds())
                  << " s" << std::flush;
    });
    std::cerr << "\n";
    std::cout << "England scale: " << options.partnerships << " partnerships x " << options.years << " years in "
              << store::describe(config.db_path) << " (" << static_cast<int>(seconds()) << " s)\nRows:\n";
    for (const auto& [table, rows] : report.rows) std::cout << "  " << table << ": " << rows << "\n";
    std::cout << "  total: " << report.total() << "\nAccounts of the first partnership (role, email):\n";
    for (const auto& a : report.first_partnership_accounts) std::cout << "  " << a.role << "  " << a.email << "\n";
    return 0;
}

// `audit verify`: the whole chain, and a checkpoint copied from the log if one is given. Needs
// no case key: it reads only the trail.
int verify_audit(const cli::Config& config, const std::string& checkpoint) {
    AuditCheckpoint expected;
    if (!checkpoint.empty()) {
        const auto colon = checkpoint.find(':');
        try {
            if (colon == std::string::npos) throw std::invalid_argument("no colon");
            expected = AuditCheckpoint{std::stoll(checkpoint.substr(0, colon)), checkpoint.substr(colon + 1)};
        } catch (const std::logic_error&) {
            throw std::runtime_error("--checkpoint must be ROW:HASH as the log writes it, for example 1234:9f86d0…");
        }
    }
    auto store = store::open_store(config.db_path);
    auto check = verify_audit_trail(*store);
    if (check.intact && expected.id != 0) {
        // The checkpoint's row must still be in the chain, with the hash the log recorded.
        const auto from_checkpoint = verify_audit_trail(*store, expected);
        if (!from_checkpoint.intact) check = from_checkpoint;
    }
    if (!check.intact) {
        std::cout << "Audit trail broken at row " << check.broken_row << ": " << check.problem << "\n";
        return 2;
    }
    std::cout << "Audit trail intact: " << check.rows << " rows; head row " << check.head.id << " hash "
              << (check.head.hash.empty() ? "(none)" : check.head.hash) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Everything this process creates (the database and its journal, backups, the case key, the
    // lock file) holds children's and staff's records: readable by its owner only.
    ::umask(0077);
    CLI::App cli{"Assure: the statutory business of a local safeguarding children partnership"};
    cli.set_version_flag("--version", std::string("assure ") + ASSURE_VERSION);
    cli.require_subcommand(1);
    std::string config_path, db_path, bind;
    int port = 0;
    cli.add_option("--config", config_path, "TOML configuration file (see assure.example.toml)")->check(CLI::ExistingFile);

    auto add_db = [&](CLI::App* cmd) {
        cmd->add_option("--db", db_path, "SQLite database file, or a postgresql://user@host/database URL");
    };

    auto* demo = cli.add_subcommand("demo", "Create (or recreate) the demo partnership in a database");
    add_db(demo);
    std::string demo_password;
    demo->add_option("--password", demo_password, "Give every demo account this password (12+ characters)");
    std::string demo_scale;
    cli::ScaleOptions scale;
    demo->add_option("--scale", demo_scale, "'england': many partnerships with years of records, for benchmarks")
        ->check(CLI::IsMember({"england"}));
    demo->add_option("--partnerships", scale.partnerships, "With --scale: how many partnerships (default 150)")
        ->check(CLI::Range(1, 1000));
    demo->add_option("--years", scale.years, "With --scale: years of records each (default 10)")->check(CLI::Range(1, 50));
    demo->add_option("--seed", scale.seed, "With --scale: the generator's seed (the same seed, the same records)");

    auto* serve_cmd = cli.add_subcommand("serve", "Serve the site and the JSON API");
    add_db(serve_cmd);
    serve_cmd->add_option("--bind", bind, "Address to listen on (default 127.0.0.1)");
    serve_cmd->add_option("--port", port, "Port to listen on (default 8080)")->check(CLI::Range(1, 65535));

    auto* migrate_cmd = cli.add_subcommand("migrate", "Apply database migrations and exit");
    add_db(migrate_cmd);

    auto* partnership_cmd = cli.add_subcommand("partnership", "Manage partnerships on this server");
    partnership_cmd->require_subcommand(1);
    auto* partnership_add = partnership_cmd->add_subcommand("add", "Add a partnership");
    add_db(partnership_add);
    std::string slug, name, area;
    partnership_add->add_option("--slug", slug, "Short name, e.g. knowsley")->required();
    partnership_add->add_option("--name", name, "Full name")->required();
    partnership_add->add_option("--area", area, "The area it covers, e.g. Knowsley (default: the name)");

    auto* user_cmd = cli.add_subcommand("user", "Manage user accounts");
    user_cmd->require_subcommand(1);
    auto* user_add = user_cmd->add_subcommand("add", "Add a user account (password from ASSURE_PASSWORD or stdin)");
    add_db(user_add);
    std::string email, role = "administrator", job_title = "Administrator";
    user_add->add_option("--email", email, "The person's email address")->required();
    user_add->add_option("--role", role, "Role: administrator, business_unit, partner_lead, member, agency_lead, "
                                         "scrutineer or read_only");
    user_add->add_option("--partnership", slug, "Partnership slug (needed when the server holds several)");
    user_add->add_option("--name", name, "Full name, to add the person if they are not in the directory");
    user_add->add_option("--job-title", job_title, "Job title for a person added here");

    auto* token_cmd = cli.add_subcommand("token", "Manage API tokens");
    token_cmd->require_subcommand(1);
    auto* token_create = token_cmd->add_subcommand("create", "Print a new bearer token for a user");
    add_db(token_create);
    std::string token_name;
    token_create->add_option("--user", email, "The user's email address")->required();
    token_create->add_option("--name", token_name, "What the token is for");
    int expires_in_days = 0;
    token_create->add_option("--expires-in-days", expires_in_days,
                             "Days until it stops working (default [sessions] api_token_days, 90; at most 366)");
    auto* token_list = token_cmd->add_subcommand("list", "List a user's tokens: id, status, name, dates");
    add_db(token_list);
    token_list->add_option("--user", email, "The user's email address")->required();
    auto* token_revoke = token_cmd->add_subcommand("revoke", "Revoke one of a user's tokens, by --name or --id");
    add_db(token_revoke);
    std::int64_t token_id = 0;
    token_revoke->add_option("--user", email, "The user's email address")->required();
    token_revoke->add_option("--name", token_name, "The token's name");
    token_revoke->add_option("--id", token_id, "The token's id, from 'assure token list'");

    auto* backup_cmd = cli.add_subcommand("backup", "Copy a database safely, even while it is served");
    add_db(backup_cmd);
    std::string to;
    backup_cmd->add_option("--to", to, "Backup file to write (and FILE.sha256 beside it)");
    auto* backup_verify = backup_cmd->add_subcommand(
        "verify", "Check a backup: its checksum, SQLite's integrity check, its migrations and audit head (exit 2 if bad)");
    std::string verify_from;
    backup_verify->add_option("--from", verify_from, "The backup file")->required();

    auto* restore_cmd = cli.add_subcommand("restore", "Replace a database with a backup (not while it is served)");
    add_db(restore_cmd);
    std::string from;
    restore_cmd->add_option("--from", from, "Backup file to read")->required()->check(CLI::ExistingFile);

    auto* copy_cmd = cli.add_subcommand("copy", "Copy a whole database into an empty one (SQLite and PostgreSQL, either way)");
    std::string copy_from, copy_to;
    copy_cmd->add_option("--from", copy_from, "The database to copy (file or URL)")->required();
    copy_cmd->add_option("--to", copy_to, "The empty database to copy into (file or URL)")->required();

    auto* audit_cmd = cli.add_subcommand("audit", "Check the audit trail");
    audit_cmd->require_subcommand(1);
    auto* audit_verify = audit_cmd->add_subcommand(
        "verify", "Check the audit trail's hash chain; name the first row edited, deleted or moved (exit 2 if any)");
    add_db(audit_verify);
    std::string checkpoint;
    audit_verify->add_option("--checkpoint", checkpoint,
                             "ROW:HASH from a logged 'audit checkpoint': also check that row is still there, unchanged");

    auto* import_cmd = cli.add_subcommand("import", "Import a dataset file (SSDA903 extracts, missing episodes, population, returns)");
    add_db(import_cmd);
    cli::ImportCommand import_options;
    import_cmd->add_option("--partnership", import_options.partnership, "Partnership slug (needed when the server holds several)");
    import_cmd->add_option("--kind", import_options.kind,
                           "ssda903-header, ssda903-episodes, ssda903-missing, missing, cin-census, population or indicator-values")->required();
    import_cmd->add_option("--period", import_options.period, "The financial year of a record extract, e.g. 2016-17");
    import_cmd->add_option("--file", import_options.file, "The CSV or XLSX file (the CIN census: its XML)")->required()->check(CLI::ExistingFile);
    import_cmd->add_flag("--accept-valid", import_options.accept_valid, "Save the valid rows even if some are refused");

    auto* key_cmd = cli.add_subcommand("key", "Manage the case key");
    key_cmd->require_subcommand(1);
    auto* key_rotate = key_cmd->add_subcommand(
        "rotate", "Re-seal every child's details with a new case key, in one transaction (stop every server first)");
    add_db(key_rotate);
    std::string new_key_file;
    key_rotate->add_option("--new-key-file", new_key_file,
                           "File holding the new key (64 hexadecimal characters or 32 bytes, mode 0600); or set ASSURE_NEW_CASE_KEY");

    auto* roles_cmd = cli.add_subcommand("roles", "Print the table of what each role may do (Markdown, as in the README)");

    CLI11_PARSE(cli, argc, argv);
    if (*roles_cmd) {  // needs no database and no configuration
        std::cout << role_table_markdown();
        return 0;
    }

    try {
        crypto::initialise();
        cli::Config config = cli::load_config(config_path);
        if (!db_path.empty()) config.db_path = db_path;
        if (!bind.empty()) config.web.bind = bind;
        if (port != 0) config.web.port = port;
        if (config.web.public_dir.empty()) config.web.public_dir = default_public_dir(argv[0]);
        spdlog::set_level(spdlog::level::from_str(config.log_level));
        if (config.slow_statement_ms > 0) {
            sql::slow_statements::reporter = [](double ms, std::string_view text) {
                spdlog::warn("slow statement ({:.1f} ms): {}", ms, text);
            };
            sql::slow_statements::threshold_microseconds = std::int64_t{config.slow_statement_ms} * 1000;
        }

        if (*serve_cmd) return serve(config);

        if (*migrate_cmd) {
            ensure_parent(config.db_path);
            Wiring w(config);  // every setting checked, as `serve` would
            const int applied = w.store->migrations_applied();
            std::cout << "Database " << store::describe(config.db_path)
                      << (applied == 0 ? std::string(" was already up to date")
                                       : " is up to date: applied " + std::to_string(applied) +
                                             (applied == 1 ? " migration" : " migrations"))
                      << "\n";
            return 0;
        }

        if (*copy_cmd) {
            ensure_parent(copy_to);
            for (const auto& t : store::copy_database(copy_from, copy_to)) std::cout << "  " << t.name << ": " << t.rows << "\n";
            std::cout << "Copied " << store::describe(copy_from) << " to " << store::describe(copy_to) << "\n";
            return 0;
        }

        if (*demo) {
            const auto lock = serve_lock(config.db_path);
            if (being_served(lock)) throw std::runtime_error(config.db_path + " is being served: stop the server first");
            if (!demo_scale.empty()) return demo_england(config, scale, demo_password);
            start_afresh(config.db_path);
            Wiring w(config);
            cli::DocumentWiring documents(config);
            const auto accounts = cli::load_demo(w.services, demo_password, &documents.services);
            std::cout << "Demo partnerships created in " << store::describe(config.db_path) << "\nAccounts (role, email, password):\n";
            std::string partnership;
            for (const auto& a : accounts) {
                if (a.partnership != partnership) std::cout << (partnership.empty() ? "" : "\n") << (partnership = a.partnership) << ":\n";
                std::cout << "  " << a.role << "  " << a.email << "  " << a.password << "\n";
            }
            return 0;
        }

        if (*partnership_add) {
            Wiring w(config);
            const Partnership p{PartnershipId{}, slug, name, area.empty() ? name : area};
            if (const auto errors = validate_new_partnership(p); !errors.empty()) throw std::runtime_error(errors.front().message);
            w.store->write([&](Transaction& tx) {
                if (tx.partnerships().find_by_slug(slug)) throw std::runtime_error("partnership " + slug + " exists");
                const auto id = tx.partnerships().insert(p, w.services.defaults);
                record_audit(tx, Actor::system(id), w.clock.now(), "partnership.create", "partnership", id.str(), "",
                             settings_audit_record(PartnershipSettings{p, w.services.defaults}).dump());
            });
            std::cout << "Partnership " << slug << " added\n";
            return 0;
        }

        if (*user_add) {
            Wiring w(config);
            std::vector<Partnership> all;
            w.store->read([&](Transaction& tx) { all = tx.partnerships().list(); });
            const Partnership* p = nullptr;
            for (const auto& candidate : all) {
                if (slug.empty() ? all.size() == 1 : candidate.slug == slug) p = &candidate;
            }
            if (!p) throw std::runtime_error(all.empty() ? "no partnership yet: run 'assure partnership add' first"
                                                         : "name the partnership with --partnership SLUG");
            const Actor system = Actor::system(p->id);
            const std::string wanted = email;
            std::optional<Person> person;
            w.store->read([&](Transaction& tx) { person = tx.people().find_by_email(p->id, wanted); });
            if (!person) {
                if (name.empty()) throw std::runtime_error("no person with that email: give --name to add them");
                person = create_person(w.services, system, PersonInput{name, job_title, "none", email});
            }
            const auto user = add_user(w.services, system, UserInput{person->id.str(), role, read_password()});
            std::cout << "User " << user.email << " added as " << role << "\n";
            return 0;
        }

        if (*audit_verify) return verify_audit(config, checkpoint);

        if (*key_rotate) {
            if (!store::is_postgres_url(config.db_path) && !fs::exists(config.db_path)) {
                throw std::runtime_error("no database at " + config.db_path);
            }
            // A server still running with the old key would go on sealing with it.
            const auto lock = serve_lock(config.db_path);
            if (being_served(lock)) throw std::runtime_error(config.db_path + " is being served: stop the server first");
            Wiring w(config);  // the current key, checked against the database's
            const char* new_hex = std::getenv("ASSURE_NEW_CASE_KEY");
            return cli::rotate_case_key_command(w.services, new_key_file, new_hex ? new_hex : "", std::cout);
        }

        if (*import_cmd) {
            Wiring w(config);
            return cli::run_import(w.services, import_options, std::cout);
        }

        if (*token_create) {
            Wiring w(config);
            const auto made = create_api_token(w.services, email, NewToken{token_name.empty() ? "cli" : token_name,
                                                                         token_create->count("--expires-in-days") > 0
                                                                             ? std::optional<int>(expires_in_days)
                                                                             : std::nullopt});
            std::cout << made.secret << "\n";
            return 0;
        }
        if (*token_list) {
            Wiring w(config);
            return cli::list_tokens(w.services, email, std::cout);
        }
        if (*token_revoke) {
            Wiring w(config);
            return cli::revoke_token(w.services, email, token_name, token_id, std::cout);
        }

        if (*backup_verify) return cli::verify_backup_file(verify_from, std::cout);

        if (*backup_cmd) {
            refuse_url(config.db_path, "backup");
            if (to.empty()) throw std::runtime_error("name the backup file with --to FILE");
            return cli::backup_database(config.db_path, config.documents_folder(), to, std::cout, std::cerr);
        }

        if (*restore_cmd) {
            refuse_url(config.db_path, "restore");
            cli::ServeLock lock(config.db_path);
            if (!lock.held()) throw std::runtime_error(config.db_path + " is being served: stop the server first");
            if (!std::filesystem::exists(from + ".sha256")) {
                std::cerr << "Note: no checksum beside " << from << " (" << from << ".sha256); it was checked by SQLite's "
                          << "integrity check alone\n";
            }
            cli::restore_database(from, config.db_path, config.documents_folder(), std::cout);
            return 0;
        }
    } catch (const Failure& f) {
        std::cerr << "assure: " << f.what();
        for (const auto& e : f.fields()) std::cerr << "\n  " << e.field << ": " << e.message;
        std::cerr << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "assure: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
