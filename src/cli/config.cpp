#include "cli/config.hpp"

#include "core/api_tokens.hpp"

#include "core/settings.hpp"
#include "store/open.hpp"
#include "web/public_host.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <toml++/toml.h>

namespace assure::cli {
namespace {

[[noreturn]] void bad(const std::string& where, const std::string& why) {
    throw std::runtime_error("configuration: " + where + ": " + why);
}

template <class T>
T read(const toml::table& t, const char* section, const char* key, T fallback, const std::string& file) {
    const auto node = t[section][key];
    if (!node) return fallback;
    if (auto v = node.value<T>()) return *v;
    bad(file + " [" + section + "] " + key, "has the wrong type");
}

long positive(long value, const std::string& where, long max) {
    if (value <= 0 || value > max) bad(where, "must be between 1 and " + std::to_string(max));
    return value;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

double share(const toml::table& t, const char* key, double fallback, const std::string& file) {
    const auto node = t["governance"][key];
    if (!node) return fallback;
    const auto v = node.value<double>();
    if (!v || *v < 0 || *v > 1) bad(file + " [governance] " + key, "must be a share between 0 and 1, for example 0.75");
    return *v;
}

// [public_site] hosts: each partnership's own host name for its public site (decision 0045).
void read_public_hosts(const toml::table& t, const std::string& file, std::map<std::string, std::string, std::less<>>& hosts) {
    const auto node = t["public_site"]["hosts"];
    if (!node) return;
    const std::string where = file + " [public_site] hosts";
    const auto* table = node.as_table();
    if (table == nullptr) bad(where, "must be a table of host name = \"partnership slug\"");
    static const std::regex slug(R"([a-z0-9][a-z0-9-]{0,62})");
    for (const auto& [key, value] : *table) {
        const std::string host(key.str());
        if (host.empty() || web::host_name(host) != host || host.find('.') == std::string::npos) {
            bad(where, "\"" + host + "\" is not a host name in lower case, such as \"safeguarding.knowsley.example\"");
        }
        const auto partnership = value.value<std::string>();
        if (!partnership || !std::regex_match(*partnership, slug)) {
            bad(where, "\"" + host + "\" must name a partnership's slug, such as \"knowsley\"");
        }
        hosts.emplace(host, *partnership);
    }
}

// [governance]: the attendance rules and the annual cycle (DOMAIN.md §1–2).
void read_governance(const toml::table& t, const std::string& file, GovernanceRules& g) {
    g.expected_rate = share(t, "expected_attendance", g.expected_rate, file);
    g.deputy_exceptional_share = share(t, "deputy_exceptional_share", g.deputy_exceptional_share, file);
    g.deputy_counts_as_attended = read<bool>(t, "governance", "deputy_counts_as_attended", g.deputy_counts_as_attended, file);
    g.window_months = static_cast<int>(positive(read<int64_t>(t, "governance", "attendance_window_months", g.window_months, file),
                                                file + " [governance] attendance_window_months", 60));
    if (const auto* cycle = t["governance"]["annual_cycle"].as_array()) {
        g.annual_cycle.clear();
        for (const auto& item : *cycle) {
            const auto* m = item.as_table();
            const std::string where = file + " [governance] annual_cycle";
            if (m == nullptr) bad(where, "must be a list of { month = 1-12, label = \"…\" }");
            const auto month = (*m)["month"].value<int64_t>();
            const std::string label = (*m)["label"].value_or(std::string());
            if (!month || *month < 1 || *month > 12 || label.empty()) bad(where, "each needs a month from 1 to 12 and a label");
            g.annual_cycle.push_back({static_cast<int>(*month), label});
        }
    } else if (t["governance"]["annual_cycle"]) {
        bad(file + " [governance] annual_cycle", "must be a list");
    }
}

// A list of standards: [[learning.section_11]] code = "1", title = "…", prompt = "…".
std::vector<AuditStandard> read_standards(const toml::table& t, const char* key, std::vector<AuditStandard> fallback,
                                          const std::string& file) {
    const auto node = t["learning"][key];
    if (!node) return fallback;
    const std::string where = file + " [learning] " + key;
    const auto* list = node.as_array();
    if (list == nullptr || list->empty()) bad(where, "must be a list of { code = \"1\", title = \"…\", prompt = \"…\" }");
    std::vector<AuditStandard> out;
    for (const auto& item : *list) {
        const auto* st = item.as_table();
        if (st == nullptr) bad(where, "each standard must be { code, title, prompt }");
        AuditStandard a{(*st)["code"].value_or(std::string()), (*st)["title"].value_or(std::string()), (*st)["prompt"].value_or(std::string())};
        if (a.code.empty() || a.code.size() > 12 || a.title.empty()) bad(where, "each standard needs a code (up to 12 characters) and a title");
        if (a.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.") != std::string::npos) {
            bad(where, "a standard's code may use letters, digits and dots only, not '" + a.code + "'");
        }
        for (const auto& seen : out) if (seen.code == a.code) bad(where, "the code '" + a.code + "' is used twice");
        out.push_back(a);
    }
    return out;
}

// [learning]: the partnership's priorities, when an action is stale, the evidence rule, the
// thematic-audit limit and the audit standards (DOMAIN.md §4).
void read_learning(const toml::table& t, const std::string& file, LearningRules& l) {
    if (const auto* list = t["learning"]["priorities"].as_array()) {
        l.priorities.clear();
        for (const auto& item : *list) {
            const auto p = item.value<std::string>();
            if (!p || p->empty()) bad(file + " [learning] priorities", "must be a list of names");
            l.priorities.push_back(*p);
        }
        if (l.priorities.empty()) bad(file + " [learning] priorities", "must name at least one priority");
    } else if (t["learning"]["priorities"]) {
        bad(file + " [learning] priorities", "must be a list of names");
    }
    l.stale_days = static_cast<int>(positive(read<int64_t>(t, "learning", "stale_days", l.stale_days, file),
                                             file + " [learning] stale_days", 730));
    l.evidence_to_complete = read<bool>(t, "learning", "evidence_to_complete", l.evidence_to_complete, file);
    l.max_thematic_audits_per_year = static_cast<int>(positive(
        read<int64_t>(t, "learning", "max_thematic_audits_per_year", l.max_thematic_audits_per_year, file),
        file + " [learning] max_thematic_audits_per_year", 52));
    l.section_11 = read_standards(t, "section_11", l.section_11, file);
    l.section_175 = read_standards(t, "section_175", l.section_175, file);
}

// [registers]: the LADO timeliness targets a new partnership starts with, whole percentages.
void read_registers(const toml::table& t, const std::string& file, RegisterRules& r) {
    const auto share = [&](const char* key, int fallback) {
        const auto v = read<int64_t>(t, "registers", key, fallback, file);
        if (v < 0 || v > 100) bad(file + " [registers] " + key, "must be a whole percentage from 0 to 100");
        return static_cast<int>(v);
    };
    r.lado_within_one_month_percent = share("lado_within_one_month_percent", r.lado_within_one_month_percent);
    r.lado_within_three_months_percent = share("lado_within_three_months_percent", r.lado_within_three_months_percent);
    r.lado_within_twelve_months_percent = share("lado_within_twelve_months_percent", r.lado_within_twelve_months_percent);
    const auto number = [&](const char* key, int fallback) { return static_cast<int>(read<int64_t>(t, "registers", key, fallback, file)); };
    r.risk_medium_from = number("risk_medium_from", r.risk_medium_from);
    r.risk_high_from = number("risk_high_from", r.risk_high_from);
    r.risk_very_high_from = number("risk_very_high_from", r.risk_very_high_from);
    r.escalation_stage1_working_days = number("escalation_stage1_working_days", r.escalation_stage1_working_days);
    r.escalation_stage2_working_days = number("escalation_stage2_working_days", r.escalation_stage2_working_days);
    r.escalation_stage3_working_days = number("escalation_stage3_working_days", r.escalation_stage3_working_days);
    r.escalation_stage4_working_days = number("escalation_stage4_working_days", r.escalation_stage4_working_days);
    for (const auto& e : validate_register_rules(r)) bad(file + " [registers] " + e.field, e.message);
}

// A secret kept in a file of its own (mode 0600, outside the repository): its first line.
std::string secret_from_file(const std::string& path, const std::string& where) {
    std::ifstream in(path);
    if (!in) bad(where, "cannot read " + path);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) bad(where, path + " is empty");
    return line;
}

// [mail]: the SMTP server, how often the sender looks at the outbox, and how it retries.
void read_mail(const toml::table& t, const std::string& file, Config& c) {
    mail::SmtpSettings& m = c.smtp;
    if (t["mail"]["password"]) {
        bad(file + " [mail] password", "a password never goes in this file: set ASSURE_SMTP_PASSWORD or name a file in password_file");
    }
    m.host = read<std::string>(t, "mail", "host", m.host, file);
    m.port = static_cast<int>(positive(read<int64_t>(t, "mail", "port", m.port, file), file + " [mail] port", 65535));
    m.from = read<std::string>(t, "mail", "from", m.from, file);
    m.username = read<std::string>(t, "mail", "username", m.username, file);
    const std::string tls = read<std::string>(t, "mail", "tls", std::string(mail::smtp_tls_key(m.tls)), file);
    if (auto v = mail::parse_smtp_tls(tls)) {
        m.tls = *v;
    } else {
        bad(file + " [mail] tls", "must be starttls, implicit or none, not '" + tls + "'");
    }
    m.timeout_seconds = static_cast<int>(positive(read<int64_t>(t, "mail", "timeout_seconds", m.timeout_seconds, file),
                                                  file + " [mail] timeout_seconds", 600));
    c.mail_poll_seconds = static_cast<int>(positive(read<int64_t>(t, "mail", "poll_seconds", c.mail_poll_seconds, file),
                                                    file + " [mail] poll_seconds", 3600));
    c.mail_retry.first_delay_seconds = static_cast<int>(positive(
        read<int64_t>(t, "mail", "retry_first_seconds", c.mail_retry.first_delay_seconds, file), file + " [mail] retry_first_seconds", 86400));
    c.mail_retry.max_delay_seconds = static_cast<int>(positive(
        read<int64_t>(t, "mail", "retry_max_seconds", c.mail_retry.max_delay_seconds, file), file + " [mail] retry_max_seconds", 7 * 86400));
    if (c.mail_retry.max_delay_seconds < c.mail_retry.first_delay_seconds) {
        bad(file + " [mail] retry_max_seconds", "must be at least retry_first_seconds");
    }
    c.site_address = read<std::string>(t, "mail", "site_address", c.site_address, file);
    const std::string password_file = read<std::string>(t, "mail", "password_file", "", file);
    if (!password_file.empty()) m.password = secret_from_file(password_file, file + " [mail] password_file");
}

}  // namespace

std::string Config::key_file() const {
    if (!case_key_file.empty()) return case_key_file;
    if (store::is_postgres_url(db_path)) {
        throw std::runtime_error("with a PostgreSQL database, give the case key in ASSURE_CASE_KEY or name its file in "
                                 "[database] case_key_file");
    }
    return db_path + ".key";
}

std::string Config::documents_folder() const {
    if (!documents_dir.empty()) return documents_dir;
    if (store::is_postgres_url(db_path)) return "var/documents";
    return db_path + ".documents";
}

std::string Config::site() const {
    return site_address.empty() ? "http://" + web.bind + ":" + std::to_string(web.port) : site_address;
}

Config load_config(const std::string& path) {
    Config c;
    if (!path.empty()) {
        toml::table t;
        try {
            t = toml::parse_file(path);
        } catch (const toml::parse_error& e) {
            bad(path, std::string(e.description()) + " at line " + std::to_string(e.source().begin.line));
        }
        for (const auto& [section, _] : t) {
            const std::string name(section.str());
            if (name != "database" && name != "server" && name != "sessions" && name != "log" &&
                name != "reviews" && name != "calendar" && name != "governance" && name != "learning" && name != "registers" &&
                name != "mail" && name != "documents" && name != "sign_in" && name != "public_site" && name != "dataset") {
                bad(path, "unknown section [" + name + "]");
            }
        }
        c.db_path = read<std::string>(t, "database", "path", c.db_path, path);
        c.web.bind = read<std::string>(t, "server", "bind", c.web.bind, path);
        c.web.port = static_cast<int>(positive(read<int64_t>(t, "server", "port", c.web.port, path), "server.port", 65535));
        c.web.threads = static_cast<int>(read<int64_t>(t, "server", "threads", c.web.threads, path));
        if (c.web.threads < 0 || c.web.threads > 1024) bad(path + " [server] threads", "must be between 0 (two per core) and 1024");
        c.web.io_threads = static_cast<int>(read<int64_t>(t, "server", "io_threads", c.web.io_threads, path));
        if (c.web.io_threads < 0 || c.web.io_threads > 256) bad(path + " [server] io_threads", "must be between 0 (one per core) and 256");
        c.web.header_timeout_seconds = static_cast<int>(positive(
            read<int64_t>(t, "server", "header_timeout_seconds", c.web.header_timeout_seconds, path), "server.header_timeout_seconds", 600));
        c.web.idle_timeout_seconds = static_cast<int>(positive(
            read<int64_t>(t, "server", "idle_timeout_seconds", c.web.idle_timeout_seconds, path), "server.idle_timeout_seconds", 3600));
        c.web.trust_proxy = read<bool>(t, "server", "trust_proxy", c.web.trust_proxy, path);
        c.web.public_dir = read<std::string>(t, "server", "public_dir", c.web.public_dir, path);
        c.web.max_body_bytes = static_cast<std::size_t>(positive(
            read<int64_t>(t, "server", "max_body_bytes", static_cast<int64_t>(c.web.max_body_bytes), path),
            "server.max_body_bytes", 64L << 20));
        const auto cache_mb = read<int64_t>(t, "server", "page_cache_mb", static_cast<int64_t>(c.web.page_cache_bytes >> 20), path);
        if (cache_mb < 0 || cache_mb > 64 * 1024) bad(path + " [server] page_cache_mb", "must be between 0 (off) and 65536");
        c.web.page_cache_bytes = static_cast<std::size_t>(cache_mb) << 20;
        c.sessions.idle_seconds = 60 * positive(read<int64_t>(t, "sessions", "idle_minutes", 30, path), "sessions.idle_minutes", 24 * 60);
        c.sessions.absolute_seconds = 3600 * positive(read<int64_t>(t, "sessions", "absolute_hours", 12, path), "sessions.absolute_hours", 24 * 7);
        c.sessions.max_failed_logins = static_cast<int>(positive(read<int64_t>(t, "sessions", "max_failed_logins", 5, path), "sessions.max_failed_logins", 100));
        c.sessions.lockout_seconds = 60 * positive(read<int64_t>(t, "sessions", "lockout_minutes", 15, path), "sessions.lockout_minutes", 24 * 60);
        c.sessions.api_token_days = static_cast<int>(
            positive(read<int64_t>(t, "sessions", "api_token_days", kTokenDaysDefault, path), "sessions.api_token_days", kTokenDaysMax));
        c.password_hash_slots = static_cast<int>(read<int64_t>(t, "sessions", "password_hash_slots", c.password_hash_slots, path));
        if (c.password_hash_slots < 0 || c.password_hash_slots > 256) {
            bad(path + " [sessions] password_hash_slots", "must be between 0 (half the cores) and 256");
        }
        c.password_hash_queue = static_cast<int>(read<int64_t>(t, "sessions", "password_hash_queue", c.password_hash_queue, path));
        if (c.password_hash_queue < 0 || c.password_hash_queue > 10'000) {
            bad(path + " [sessions] password_hash_queue", "must be between 0 and 10000");
        }
        SignInLimits& limits = c.web.sign_in;
        limits.per_address = static_cast<int>(positive(
            read<int64_t>(t, "sessions", "failed_logins_per_address", limits.per_address, path), "sessions.failed_logins_per_address", 100'000));
        limits.address_window_seconds = 60 * static_cast<int>(positive(
            read<int64_t>(t, "sessions", "address_window_minutes", limits.address_window_seconds / 60, path),
            "sessions.address_window_minutes", 24 * 60));
        limits.per_minute = static_cast<int>(positive(
            read<int64_t>(t, "sessions", "failed_logins_per_minute", limits.per_minute, path), "sessions.failed_logins_per_minute", 1'000'000));
        read_public_hosts(t, path, c.web.public_hosts);
        c.web.max_import_bytes = static_cast<std::size_t>(positive(
            read<int64_t>(t, "dataset", "max_import_mb", static_cast<int64_t>(c.web.max_import_bytes >> 20), path),
            "dataset.max_import_mb", 16L << 10)) << 20;
        c.log_level = read<std::string>(t, "log", "level", c.log_level, path);
        c.slow_statement_ms = static_cast<int>(read<int64_t>(t, "log", "slow_statement_ms", c.slow_statement_ms, path));
        c.audit_checkpoint_minutes = static_cast<int>(positive(
            read<int64_t>(t, "log", "audit_checkpoint_minutes", c.audit_checkpoint_minutes, path), "log.audit_checkpoint_minutes", 24 * 60));
        c.case_key_file = read<std::string>(t, "database", "case_key_file", c.case_key_file, path);
        ReviewRules& r = c.review_rules;
        auto days = [&](const char* key, int fallback) {
            return static_cast<int>(read<int64_t>(t, "reviews", key, fallback, path));
        };
        r.name = read<std::string>(t, "reviews", "rules_name", r.name, path);
        r.notify_panel_working_days = days("notify_panel_working_days", r.notify_panel_working_days);
        r.inform_partners_working_days = days("inform_partners_working_days", r.inform_partners_working_days);
        r.rapid_review_working_days = days("rapid_review_working_days", r.rapid_review_working_days);
        r.review_months = days("review_months", r.review_months);
        r.final_report_working_days_before_publication =
            days("final_report_working_days_before_publication", r.final_report_working_days_before_publication);
        r.keep_published_months = days("keep_published_months", r.keep_published_months);
        r.max_children = days("max_children", r.max_children);
        const std::string anchor = read<std::string>(t, "reviews", "rapid_review_anchor", "became_aware", path);
        if (auto a = parse_anchor(anchor)) {
            r.rapid_review_anchor = *a;
        } else {
            bad(path + " [reviews] rapid_review_anchor", "must be became_aware or notification, not '" + anchor + "'");
        }
        if (const auto* extra = t["calendar"]["extra_holidays"].as_array()) {
            for (const auto& item : *extra) {
                const auto* h = item.as_table();
                const std::string where = path + " [calendar] extra_holidays";
                if (h == nullptr) bad(where, "must be a list of { date = \"YYYY-MM-DD\", name = \"…\" }");
                const auto date = Date::parse((*h)["date"].value_or(std::string()));
                const std::string name = (*h)["name"].value_or(std::string());
                if (!date || name.empty()) bad(where, "each needs a real date (YYYY-MM-DD) and a name");
                std::optional<Date> replaces;
                if (auto moved = (*h)["replaces"].value<std::string>()) {
                    replaces = Date::parse(*moved);
                    if (!replaces) bad(where, "replaces must be a date as YYYY-MM-DD");
                }
                c.holiday_changes.push_back({*date, name, replaces});
            }
        } else if (t["calendar"]["extra_holidays"]) {
            bad(path + " [calendar] extra_holidays", "must be a list");
        }
        read_governance(t, path, c.governance_rules);
        read_learning(t, path, c.learning_rules);
        read_registers(t, path, c.register_rules);
        c.sign_in_rules.two_factor_required =
            read<bool>(t, "sign_in", "two_factor_required", c.sign_in_rules.two_factor_required, path);
        read_mail(t, path, c);
        c.documents_dir = read<std::string>(t, "documents", "dir", c.documents_dir, path);
        c.documents_max_megabytes = static_cast<int>(positive(read<int64_t>(t, "documents", "max_megabytes", c.documents_max_megabytes, path),
                                                              path + " [documents] max_megabytes", 1024));
        c.clamd = read<std::string>(t, "documents", "clamd", c.clamd, path);
        c.allow_unscanned = read<bool>(t, "documents", "allow_unscanned", c.allow_unscanned, path);
        if (auto errors = validate_rules(r); !errors.empty()) {
            bad(path + " [reviews] " + errors.front().field, errors.front().message);
        }
        // The same checks a partnership's settings page makes: the file gives new partnerships
        // their rules, so it may not give them what the page would refuse.
        if (auto errors = validate_partnership_rules(PartnershipRules{r, c.governance_rules, c.learning_rules, c.register_rules, c.sign_in_rules}); !errors.empty()) {
            bad(path + " " + errors.front().field, errors.front().message);
        }
    }
    c.case_key_hex = env("ASSURE_CASE_KEY");
    if (auto v = env("ASSURE_DB"); !v.empty()) c.db_path = v;
    if (auto v = env("ASSURE_BIND"); !v.empty()) c.web.bind = v;
    if (auto v = env("ASSURE_PORT"); !v.empty()) {
        char* end = nullptr;
        const long port = std::strtol(v.c_str(), &end, 10);
        if (*end != '\0') bad("ASSURE_PORT", "is not a number");
        c.web.port = static_cast<int>(positive(port, "ASSURE_PORT", 65535));
    }
    if (auto v = env("ASSURE_TRUST_PROXY"); !v.empty()) c.web.trust_proxy = v == "1" || v == "true";
    if (auto v = env("ASSURE_LOG_LEVEL"); !v.empty()) c.log_level = v;
    if (auto v = env("ASSURE_COUNT_QUERIES"); !v.empty()) c.web.count_statements = v == "1" || v == "true";
    if (auto v = env("ASSURE_PAGE_CACHE_MB"); !v.empty()) {
        char* end = nullptr;
        const long mb = std::strtol(v.c_str(), &end, 10);
        if (*end != '\0' || mb < 0 || mb > 64 * 1024) bad("ASSURE_PAGE_CACHE_MB", "must be a number between 0 (off) and 65536");
        c.web.page_cache_bytes = static_cast<std::size_t>(mb) << 20;
    }
    if (auto v = env("ASSURE_SLOW_STATEMENT_MS"); !v.empty()) {
        char* end = nullptr;
        const long ms = std::strtol(v.c_str(), &end, 10);
        if (*end != '\0') bad("ASSURE_SLOW_STATEMENT_MS", "is not a number");
        c.slow_statement_ms = static_cast<int>(ms);
    }
    if (c.slow_statement_ms < 0 || c.slow_statement_ms > 600000) {
        bad("log.slow_statement_ms", "must be between 0 (off) and 600000 milliseconds");
    }
    if (auto v = env("ASSURE_SMTP_PASSWORD"); !v.empty()) c.smtp.password = v;
    if (auto v = env("ASSURE_SITE_ADDRESS"); !v.empty()) c.site_address = v;
    while (!c.site_address.empty() && c.site_address.back() == '/') c.site_address.pop_back();
    if (!c.site_address.empty() && c.site_address.rfind("https://", 0) != 0 && c.site_address.rfind("http://", 0) != 0) {
        bad("mail.site_address", "must start https:// (or http://), like https://assure.example.org");
    }
    if (auto v = env("ASSURE_DOCUMENTS_DIR"); !v.empty()) c.documents_dir = v;
    if (auto v = env("ASSURE_CLAMD"); !v.empty()) c.clamd = v;
    if (c.smtp.configured()) {
        if (!plausible_address(c.smtp.from)) bad("mail.from", "must be the address messages come from, as name@example.org");
        if (!c.smtp.username.empty() && c.smtp.password.empty()) {
            bad("mail.username", "needs a password: set ASSURE_SMTP_PASSWORD or [mail] password_file");
        }
    }
    if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" && c.log_level != "error") {
        bad("log.level", "must be debug, info, warn or error, not '" + c.log_level + "'");
    }
    return c;
}

}  // namespace assure::cli
