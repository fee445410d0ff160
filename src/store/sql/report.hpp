#pragma once
// The yearly report's repository over sql::Connection (store/sql/report.cpp).
#include "app/ports/report.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlReport final : public ReportRepo {
public:
    explicit SqlReport(Connection& db) : db_(db) {}
    std::vector<SectionText> sections(PartnershipId partnership, FinancialYear year) override;
    bool put_section(PartnershipId partnership, FinancialYear year, const SectionText& text, int expected_version) override;
    std::vector<SignOff> sign_offs(PartnershipId partnership, FinancialYear year) override;
    void insert_sign_off(PartnershipId partnership, FinancialYear year, const SignOff& s) override;
    int clear_sign_offs(PartnershipId partnership, FinancialYear year) override;
    std::vector<Dispatch> dispatches(PartnershipId partnership, FinancialYear year) override;
    void insert_dispatch(PartnershipId partnership, FinancialYear year, const Dispatch& d) override;
    ReviewYearCounts count_reviews(PartnershipId partnership, FinancialYear year) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
