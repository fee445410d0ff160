// A message as a mail server receives it (RFC 5322 with MIME): encoded so that any text a
// person wrote travels intact, and no header can be added through a subject or an address.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "core/mail.hpp"

namespace assure {
namespace {

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, in.size() - i);
        std::uint32_t v = 0;
        for (std::size_t j = 0; j < 3; ++j) v = (v << 8) | (j < n ? static_cast<unsigned char>(in[i + j]) : 0u);
        for (std::size_t j = 0; j < 4; ++j) out += j <= n ? kBase64[(v >> (18 - 6 * j)) & 0x3f] : '=';
    }
    return out;
}

bool plain_ascii(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || u < 0x20) return false;
    }
    return true;
}

// RFC 2047 encoded words of at most 45 bytes of text each (60 characters of base64), cut
// between UTF-8 characters, folded onto continuation lines.
std::string encoded_header(std::string_view text) {
    if (plain_ascii(text)) return std::string(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + 45);
        while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string domain_of(const std::string& address) {
    const auto at = address.find('@');
    return at == std::string::npos ? std::string("assure.invalid") : address.substr(at + 1);
}

}  // namespace

std::string rfc5322_date(Instant at) {
    static constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Date d = utc_date(at);
    const auto seconds = static_cast<int>(((at % 86400) + 86400) % 86400);
    return std::string(kDays.at(static_cast<std::size_t>(d.weekday()))) + ", " + two(d.day) + " " +
           kMonths.at(static_cast<std::size_t>(d.month - 1)) + " " + std::to_string(d.year) + " " + two(seconds / 3600) + ":" +
           two(seconds / 60 % 60) + ":" + two(seconds % 60) + " +0000";
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t width = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto u = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            std::string piece;
            if ((u >= 33 && u <= 126 && u != '=') || ((u == ' ' || u == '\t') && !last)) {
                piece = std::string(1, line[i]);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "=%02X", u);
                piece = hex;
            }
            if (width + piece.size() > 75) {  // a soft break: "=" ends the 76-character line
                out += "=\r\n";
                width = 0;
            }
            out += piece;
            width += piece.size();
        }
        out += "\r\n";
        start = end + 1;
    }
    return out;
}

std::string rfc5322_message(const MailMessage& m, const std::string& from, Instant now) {
    std::string out;
    out += "From: " + from + "\r\n";
    out += "To: " + m.to + "\r\n";
    out += "Subject: " + encoded_header(m.subject) + "\r\n";
    out += "Date: " + rfc5322_date(now) + "\r\n";
    out += "Message-ID: <assure." + m.id.str() + "." + std::to_string(m.created_at) + "@" + domain_of(from) + ">\r\n";
    out += "Auto-Submitted: auto-generated\r\n";  // RFC 3834: no out-of-office replies to a reminder
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n";
    out += "\r\n";
    out += quoted_printable(m.body);
    return out;
}

}  // namespace assure
