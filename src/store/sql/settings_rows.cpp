#include "store/sql/settings_rows.hpp"

#include <nlohmann/json.hpp>

#include "store/sql/connection.hpp"

namespace assure::sql::settings_rows {
namespace {

using nlohmann::json;

template <class Read>
auto from_json(std::string_view column, std::string_view stored, Read read) {
    try {
        return read(json::parse(stored));
    } catch (const json::exception& e) {
        throw Error(Error::Kind::other, "partnership_rules." + std::string(column) +
                                            " is not as this version of Assure writes it: " + e.what());
    }
}

json standards_json(const std::vector<AuditStandard>& standards) {
    json a = json::array();
    for (const auto& s : standards) a.push_back({{"code", s.code}, {"title", s.title}, {"prompt", s.prompt}});
    return a;
}

std::vector<AuditStandard> standards_from(const json& a) {
    std::vector<AuditStandard> out;
    for (const auto& s : a) {
        out.push_back({s.at("code").get<std::string>(), s.at("title").get<std::string>(), s.at("prompt").get<std::string>()});
    }
    return out;
}

}  // namespace

std::string governance_json(const GovernanceRules& r) {
    json cycle = json::array();
    for (const auto& m : r.annual_cycle) cycle.push_back({{"month", m.month}, {"label", m.label}});
    return json{{"expected_rate", r.expected_rate},
                {"deputy_exceptional_share", r.deputy_exceptional_share},
                {"deputy_counts_as_attended", r.deputy_counts_as_attended},
                {"window_months", r.window_months},
                {"annual_cycle", cycle}}
        .dump();
}

GovernanceRules governance_from(std::string_view stored) {
    return from_json("governance_json", stored, [](const json& j) {
        GovernanceRules r;
        r.expected_rate = j.at("expected_rate").get<double>();
        r.deputy_exceptional_share = j.at("deputy_exceptional_share").get<double>();
        r.deputy_counts_as_attended = j.at("deputy_counts_as_attended").get<bool>();
        r.window_months = j.at("window_months").get<int>();
        r.annual_cycle.clear();
        for (const auto& m : j.at("annual_cycle")) r.annual_cycle.push_back({m.at("month").get<int>(), m.at("label").get<std::string>()});
        return r;
    });
}

std::string learning_json(const LearningRules& r) {
    return json{{"priorities", r.priorities},
                {"stale_days", r.stale_days},
                {"evidence_to_complete", r.evidence_to_complete},
                {"max_thematic_audits_per_year", r.max_thematic_audits_per_year},
                {"section_11", standards_json(r.section_11)},
                {"section_175", standards_json(r.section_175)}}
        .dump();
}

LearningRules learning_from(std::string_view stored) {
    return from_json("learning_json", stored, [](const json& j) {
        LearningRules r;
        r.priorities = j.at("priorities").get<std::vector<std::string>>();
        r.stale_days = j.at("stale_days").get<int>();
        r.evidence_to_complete = j.at("evidence_to_complete").get<bool>();
        r.max_thematic_audits_per_year = j.at("max_thematic_audits_per_year").get<int>();
        r.section_11 = standards_from(j.at("section_11"));
        r.section_175 = standards_from(j.at("section_175"));
        return r;
    });
}

std::string registers_json(const RegisterRules& r) {
    return json{{"lado_within_one_month_percent", r.lado_within_one_month_percent},
                {"lado_within_three_months_percent", r.lado_within_three_months_percent},
                {"lado_within_twelve_months_percent", r.lado_within_twelve_months_percent},
                {"risk_medium_from", r.risk_medium_from},
                {"risk_high_from", r.risk_high_from},
                {"risk_very_high_from", r.risk_very_high_from},
                {"escalation_stage1_working_days", r.escalation_stage1_working_days},
                {"escalation_stage2_working_days", r.escalation_stage2_working_days},
                {"escalation_stage3_working_days", r.escalation_stage3_working_days},
                {"escalation_stage4_working_days", r.escalation_stage4_working_days}}
        .dump();
}

std::string sign_in_json(const SignInRules& r) { return json{{"two_factor_required", r.two_factor_required}}.dump(); }

SignInRules sign_in_from(std::string_view stored) {
    return from_json("sign_in_json", stored, [](const json& j) {
        SignInRules r;
        r.two_factor_required = j.at("two_factor_required").get<bool>();
        return r;
    });
}

RegisterRules registers_from(std::string_view stored) {
    return from_json("registers_json", stored, [](const json& j) {
        RegisterRules r;
        r.lado_within_one_month_percent = j.at("lado_within_one_month_percent").get<int>();
        r.lado_within_three_months_percent = j.at("lado_within_three_months_percent").get<int>();
        r.lado_within_twelve_months_percent = j.at("lado_within_twelve_months_percent").get<int>();
        r.risk_medium_from = j.at("risk_medium_from").get<int>();
        r.risk_high_from = j.at("risk_high_from").get<int>();
        r.risk_very_high_from = j.at("risk_very_high_from").get<int>();
        r.escalation_stage1_working_days = j.at("escalation_stage1_working_days").get<int>();
        r.escalation_stage2_working_days = j.at("escalation_stage2_working_days").get<int>();
        r.escalation_stage3_working_days = j.at("escalation_stage3_working_days").get<int>();
        r.escalation_stage4_working_days = j.at("escalation_stage4_working_days").get<int>();
        return r;
    });
}

}  // namespace assure::sql::settings_rows
