// One SMTP conversation per message, through libcurl: it speaks EHLO, STARTTLS, AUTH, MAIL
// FROM, RCPT TO and DATA (with the dot-stuffing DATA needs), and checks the server's
// certificate against the system's trust store. A message is accepted once DATA is answered 250.
#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace assure::mail {
namespace {

struct Upload {
    std::string text;
    std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, up->text.size() - up->at);
    std::memcpy(buffer, up->text.data() + up->at, n);
    up->at += n;
    return n;
}

// curl_global_init is not thread-safe before libcurl 7.84; call it once, before any handle.
void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Handle {
    CURL* curl = curl_easy_init();
    curl_slist* recipients = nullptr;
    ~Handle() {
        curl_slist_free_all(recipients);
        if (curl != nullptr) curl_easy_cleanup(curl);
    }
};

// An address in angle brackets for MAIL FROM and RCPT TO.
std::string bracketed(const std::string& address) { return "<" + address + ">"; }

}  // namespace

std::string_view smtp_tls_key(SmtpTls t) {
    switch (t) {
        case SmtpTls::starttls: return "starttls";
        case SmtpTls::implicit: return "implicit";
        case SmtpTls::none: return "none";
    }
    return "";
}

std::optional<SmtpTls> parse_smtp_tls(std::string_view key) {
    for (auto t : {SmtpTls::starttls, SmtpTls::implicit, SmtpTls::none}) {
        if (smtp_tls_key(t) == key) return t;
    }
    return std::nullopt;
}

SmtpTransport::SmtpTransport(SmtpSettings settings, const Clock& clock) : settings_(std::move(settings)), clock_(clock) {
    global_init();
}

void SmtpTransport::send(const MailMessage& m) {
    // The outbox refuses these when queued; checked again here, as a header is no place for them.
    if (!plausible_address(m.to)) throw std::runtime_error("the address '" + m.to + "' cannot be sent to");
    Handle h;
    if (h.curl == nullptr) throw std::runtime_error("libcurl could not start a connection");
    const std::string scheme = settings_.tls == SmtpTls::implicit ? "smtps://" : "smtp://";
    const std::string url = scheme + settings_.host + ":" + std::to_string(settings_.port);
    Upload upload{rfc5322_message(m, settings_.from, clock_.now())};
    char error[CURL_ERROR_SIZE] = {0};
    h.recipients = curl_slist_append(nullptr, bracketed(m.to).c_str());
    const std::string from = bracketed(settings_.from);
    curl_easy_setopt(h.curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.recipients);
    curl_easy_setopt(h.curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h.curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);  // a worker thread: no SIGALRM for timeouts
    curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (settings_.tls == SmtpTls::starttls) curl_easy_setopt(h.curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings_.username.empty()) {
        curl_easy_setopt(h.curl, CURLOPT_USERNAME, settings_.username.c_str());
        curl_easy_setopt(h.curl, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    const CURLcode rc = curl_easy_perform(h.curl);
    if (rc != CURLE_OK) {
        long reply = 0;
        curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &reply);
        std::string why = error[0] != '\0' ? std::string(error) : std::string(curl_easy_strerror(rc));
        if (reply > 0) why += " (the server answered " + std::to_string(reply) + ")";
        throw std::runtime_error(url + ": " + why);
    }
}

}  // namespace assure::mail
