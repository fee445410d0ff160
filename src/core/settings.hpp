#pragma once
// A partnership's own settings: its profile (name, area, the text its pages carry) and the
// rule set its records are judged under — the review clocks, the attendance rules and annual
// cycle, the learning rules and audit standards. Every setting is described once here, so the
// settings pages, the API, the configuration file's defaults and the checks agree on its name,
// label and range (DOMAIN.md: every number is a configurable default).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"
#include "core/governance.hpp"
#include "core/learning.hpp"
#include "core/partnership.hpp"
#include "core/registers.hpp"
#include "core/reviews.hpp"

namespace assure {

// The rule set. A new partnership starts from the server's defaults (the configuration file).
// How people sign in to the partnership's records (docs/decisions/0031): whether everyone whose
// role can see case records must use a second factor (core/two_factor.hpp says which roles).
struct SignInRules {
    bool two_factor_required = false;
    bool operator==(const SignInRules&) const = default;
};

struct PartnershipRules {
    ReviewRules reviews;
    GovernanceRules governance;
    LearningRules learning;
    RegisterRules registers;
    SignInRules sign_in;
};

struct PartnershipSettings {
    Partnership partnership;  // id, slug, name, area, logo text, version
    PartnershipRules rules;
};

// The settings pages group settings under these headings, each with its own form.
enum class SettingsSection { profile, reviews, governance, learning, registers, sign_in };
std::string_view section_key(SettingsSection s);    // "reviews"
std::string_view section_label(SettingsSection s);  // "Statutory reviews"
std::optional<SettingsSection> parse_section(std::string_view key);

// A whole-number setting. Shares are shown and typed as whole percentages (75 for 0.75).
struct NumberSetting {
    std::string_view key;  // the form field and API name, e.g. "rapid_review_working_days"
    SettingsSection section;
    std::string_view label;
    std::string_view hint;
    int min;
    int max;
    int (*get)(const PartnershipRules&);
    void (*set)(PartnershipRules&, int);
};
const std::vector<NumberSetting>& number_settings();

// A yes/no setting.
struct FlagSetting {
    std::string_view key;
    SettingsSection section;
    std::string_view label;
    std::string_view hint;
    bool (*get)(const PartnershipRules&);
    void (*set)(PartnershipRules&, bool);
};
const std::vector<FlagSetting>& flag_settings();

// What a person asked to change. A key or list that is absent keeps its current value, so a
// form sends its section and the API sends only what changes.
struct SettingsChange {
    // Scalars as typed: "name", "area", "logo_text", "rules_name", "rapid_review_anchor", every
    // number_settings() key (whole numbers) and every flag_settings() key ("yes"/"no").
    std::map<std::string, std::string> values;
    std::optional<std::vector<std::string>> priorities;
    struct Milestone {
        std::string month;  // 1–12 as typed
        std::string label;
    };
    std::optional<std::vector<Milestone>> annual_cycle;
    std::optional<std::vector<AuditStandard>> section_11;
    std::optional<std::vector<AuditStandard>> section_175;
};

// Applies `change` to `settings`. Returns every problem, each naming its field ("priorities",
// "section_11", a key); on any problem the caller must keep the settings it had.
FieldErrors apply_settings(const SettingsChange& change, PartnershipSettings& settings);

// The checks apply_settings makes of a whole rule set, for defaults read from a file.
FieldErrors validate_partnership_rules(const PartnershipRules& rules);

// A new partnership's short name: lower-case letters, digits and hyphens, 1–64 characters.
FieldErrors validate_new_partnership(const Partnership& p);

inline constexpr std::size_t kMaxPriorities = 12;
inline constexpr std::size_t kMaxStandards = 40;
inline constexpr std::size_t kMaxMilestones = 24;
inline constexpr std::size_t kMaxLogoText = 60;

}  // namespace assure
