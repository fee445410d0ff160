// The configuration file's [mail] section: the SMTP server, the sender's pace and retries; the
// password only from ASSURE_SMTP_PASSWORD or a file, never the file itself; bad values refused
// naming the key; no host, no sending.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/config.hpp"

namespace {

namespace fs = std::filesystem;

fs::path temp(const std::string& name) { return fs::temp_directory_path() / ("assure-mail-" + std::to_string(::getpid()) + "-" + name); }

std::string config_file(const std::string& text) {
    const fs::path p = temp("config.toml");
    std::ofstream(p) << text;
    return p.string();
}

// load_config's refusal, or "" if it accepted the file.
std::string refusal(const std::string& text) {
    try {
        assure::cli::load_config(config_file(text));
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(MailConfig, NoHostMeansNothingIsSent) {
    const auto c = assure::cli::load_config(config_file("[server]\nport = 8080\n"));
    EXPECT_FALSE(c.smtp.configured());
    EXPECT_EQ(c.mail_poll_seconds, 30);
    EXPECT_EQ(c.mail_retry.first_delay_seconds, 60);
}

TEST(MailConfig, TheFileNamesTheServerAndThePasswordComesFromAFileOrTheEnvironment) {
    const fs::path secret = temp("password");
    std::ofstream(secret) << "s3cret from the file\n";
    const auto c = assure::cli::load_config(config_file(
        "[mail]\nhost = \"smtp.example.org\"\nport = 465\nfrom = \"assure@example.org\"\nusername = \"assure\"\ntls = \"implicit\"\n"
        "password_file = \"" + secret.string() + "\"\npoll_seconds = 5\nretry_first_seconds = 10\nretry_max_seconds = 600\n"));
    EXPECT_TRUE(c.smtp.configured());
    EXPECT_EQ(c.smtp.port, 465);
    EXPECT_EQ(c.smtp.tls, assure::mail::SmtpTls::implicit);
    EXPECT_EQ(c.smtp.password, "s3cret from the file");
    EXPECT_EQ(c.mail_poll_seconds, 5);
    EXPECT_EQ(c.mail_retry.max_delay_seconds, 600);

    ::setenv("ASSURE_SMTP_PASSWORD", "from the environment", 1);
    const auto e = assure::cli::load_config(config_file("[mail]\nhost = \"smtp.example.org\"\nfrom = \"assure@example.org\"\nusername = \"assure\"\n"));
    ::unsetenv("ASSURE_SMTP_PASSWORD");
    EXPECT_EQ(e.smtp.password, "from the environment");
    EXPECT_EQ(e.smtp.tls, assure::mail::SmtpTls::starttls) << "STARTTLS, required, unless told otherwise";
    fs::remove(secret);
}

TEST(MailConfig, APasswordInTheFileAndBadValuesAreRefusedNamingTheKey) {
    EXPECT_NE(refusal("[mail]\nhost = \"h.example.org\"\nfrom = \"a@example.org\"\npassword = \"x\"\n").find("[mail] password"), std::string::npos);
    EXPECT_NE(refusal("[mail]\nhost = \"h.example.org\"\nfrom = \"a@example.org\"\ntls = \"maybe\"\n").find("[mail] tls"), std::string::npos);
    EXPECT_NE(refusal("[mail]\nhost = \"h.example.org\"\nfrom = \"nobody\"\n").find("mail.from"), std::string::npos);
    EXPECT_NE(refusal("[mail]\nhost = \"h.example.org\"\nfrom = \"a@example.org\"\nusername = \"u\"\n").find("mail.username"), std::string::npos)
        << "a username with no password";
    EXPECT_NE(refusal("[mail]\nretry_first_seconds = 600\nretry_max_seconds = 60\n").find("[mail] retry_max_seconds"), std::string::npos);
    EXPECT_NE(refusal("[mail]\npassword_file = \"/nonexistent/assure-password\"\n").find("[mail] password_file"), std::string::npos);
    fs::remove(temp("config.toml"));
}
