#pragma once
// The SMTP transport (libcurl): hands one message from the outbox to the partnership's mail
// server. docs/decisions/0015-mail.md says why libcurl and why an outbox.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/ports.hpp"

namespace assure::mail {

// How the connection is protected. starttls: plain connection upgraded with STARTTLS, refused
// if the server does not offer it (port 587). implicit: TLS from the first byte (smtps, port
// 465). none: no TLS at all, only for a relay on the same machine or a test server on loopback.
enum class SmtpTls { starttls, implicit, none };
std::string_view smtp_tls_key(SmtpTls t);
std::optional<SmtpTls> parse_smtp_tls(std::string_view key);

struct SmtpSettings {
    std::string host;            // "" = no mail server: nothing is sent, messages stay in the outbox
    int port = 587;
    std::string from;            // the envelope sender and the From header
    std::string username;        // "" = no authentication
    std::string password;        // from the environment or a file, never the configuration file
    SmtpTls tls = SmtpTls::starttls;
    int timeout_seconds = 30;    // connecting and the whole conversation
    [[nodiscard]] bool configured() const { return !host.empty(); }
};

class SmtpTransport final : public MailTransport {
public:
    SmtpTransport(SmtpSettings settings, const Clock& clock);
    // Throws std::runtime_error with libcurl's words and the server's reply when not accepted.
    void send(const MailMessage& m) override;

private:
    SmtpSettings settings_;
    const Clock& clock_;
};

}  // namespace assure::mail
