#pragma once
// Port: the yearly report's own records (its written sections, the partners' sign-offs, where
// it was sent) and the one figure no other area counts by year: the reviews' milestones within
// the year, answered by one SELECT … sum(CASE …), never by loading cases.
#include <optional>
#include <vector>

#include "core/report.hpp"

namespace assure {

// Milestones of serious incidents that fell within the year, by the date each was recorded as
// happening (seed 001 §9; DOMAIN.md §3).
struct ReviewYearCounts {
    int became_aware = 0;      // cases the partnership became aware of in the year
    int notified = 0;          // notified to the national Panel in the year
    int rapid_reviews = 0;     // rapid review panels held in the year
    int decided = 0;           // decisions made in the year, of which:
    int local_reviews = 0, national_reviews = 0, other_learning = 0, no_further_review = 0;
    int published = 0;         // review reports published in the year
    bool operator==(const ReviewYearCounts&) const = default;
};

struct ReportRepo {
    virtual ~ReportRepo() = default;
    // The sections written for the year, in no particular order.
    virtual std::vector<SectionText> sections(PartnershipId partnership, FinancialYear year) = 0;
    // Writes the section if its stored version still equals `expected_version` (0: none stored
    // yet); the stored version becomes expected_version + 1. False when another change came first.
    virtual bool put_section(PartnershipId partnership, FinancialYear year, const SectionText& text, int expected_version) = 0;
    // Sign-offs in the order they were given.
    virtual std::vector<SignOff> sign_offs(PartnershipId partnership, FinancialYear year) = 0;
    // A second sign-off by one agency for one year breaks report_sign_offs_once.
    virtual void insert_sign_off(PartnershipId partnership, FinancialYear year, const SignOff& s) = 0;
    // Withdraws every sign-off of the year (the words they signed changed); how many there were.
    virtual int clear_sign_offs(PartnershipId partnership, FinancialYear year) = 0;
    virtual std::vector<Dispatch> dispatches(PartnershipId partnership, FinancialYear year) = 0;
    virtual void insert_dispatch(PartnershipId partnership, FinancialYear year, const Dispatch& d) = 0;
    virtual ReviewYearCounts count_reviews(PartnershipId partnership, FinancialYear year) = 0;
};

}  // namespace assure
