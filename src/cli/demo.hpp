#pragma once
// The demo partnership, drawn from the published arrangements of a real partnership.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <string_view>

#include "app/context.hpp"
#include "app/ports/documents.hpp"
#include "core/learning.hpp"

namespace assure::cli {

struct DemoAccount {
    std::string partnership;
    std::string role;
    std::string email;
    std::string name;
    std::string password;
};

// Loads data/demo/knowsley.json and its neighbour data/demo/sefton.json (compiled in) into an
// empty store. An empty `password` gives every account its own random password. With
// `documents`, Knowsley's public site is filled too (load_demo_public_site).
std::vector<DemoAccount> load_demo(Services& services, const std::string& password, DocumentServices* documents = nullptr);

// The demo's reviews: seed 001's three published reviews, a reflective review and live cases
// placed relative to today (one inside its rapid-review window, one overdue, a published local
// review, and one whose reviewer from outside was invited by email three working days ago).
void load_demo_reviews(Services& services, const std::map<std::string, AgencyId>& agencies,
                       const std::string& business_unit_email);
// Names the Safeguarding Review and Learning Group as the group case panels are drawn from.
void load_demo_review_group(Services& services, const std::string& business_unit_email);

// Seed 000's groups with a year of meetings, attendance, decisions and actions placed
// relative to today, so the demo always shows a live year (data/demo/knowsley_governance.json).
void load_demo_governance(Services& services, const std::string& business_unit_email);

// Seed 001's year of learning: thematic audits, a frontline visit, the reviews' recommendations
// as actions in mixed states, Section 11 and Section 175 cycles and briefings
// (data/demo/knowsley_learning.json), each recorded on the day it would have been.
void load_demo_learning(Services& services, const std::map<std::string, AgencyId>& agencies,
                        const std::string& business_unit_email);

// Seed 001's registers: LADO referrals of 2014/15 to 2016/17, the child deaths of 2016/17 and
// the year before, and the money of 2015/16 and 2016/17 with 2017/18's projection, from which
// the report's published figures are counted (cli/demo_registers.cpp).
void load_demo_registers(Services& services, const std::string& business_unit_email);

// Seed 001's training year 2016/17 (courses, sessions, bookings and registers whose delegates
// add up to the report's 1,756) and this year's calendar relative to today (cli/demo_training.cpp).
void load_demo_training(Services& services, const std::map<std::string, AgencyId>& agencies,
                        const std::string& business_unit_email);

// Audit cycles with their returns (a "share" return is also shared with the other partnerships),
// each opened and submitted on its own day.
std::map<std::string, AuditCycle> load_demo_cycles(Services& services, const Actor& business_unit,
                                                   const std::map<std::string, AgencyId>& agencies, const nlohmann::json& cycles);

// The risk register and escalations (cli/demo_risks.cpp): illustrative entries in the themes of
// seeds 003 and 004, whose registers are described but not published.
void load_demo_risks(Services& services, const std::map<std::string, AgencyId>& agencies, const std::string& business_unit_email);

// The voice of children and independent scrutiny registers (cli/demo_voice.cpp): seed 001's
// survey of 1,808 young people with its six findings and responses, the children in care
// council and the young scrutineers, the scrutineer's visits and reports, some points awaiting
// a response; and the child death overview panel Knowsley shares with its neighbour.
void load_demo_voice(Services& services, const std::string& business_unit_email, const std::string& administrator_email,
                     PartnershipId neighbour);

// The yearly report of 2016/17 (cli/demo_report.cpp): seed 001's foreword and other written
// sections, signed off by each statutory partner's lead, so it is approved; its figures are
// counted from everything loaded before it.
void load_demo_report(Services& services, const std::string& business_unit_email);
// The neglect audit's ten cases, graded by their agencies and mostly moderated (cli/demo_case_audits.cpp).
void load_demo_case_audits(Services& services, const std::string& business_unit_email);
// The register of schools, the 2016/17 Section 175 round seed 001 reports and this year's
// Section 157 round for the academies (cli/demo_schools.cpp).
void load_demo_schools(Services& services, const std::string& business_unit_email);
// The agencies' statements: 2016/17's accepted (seed 001's Appendix B), this year's under way.
void load_demo_statements(Services& services, const std::string& business_unit_email);

// Knowsley's public site (cli/demo_public.cpp): its 2016/17 report, review reports and an
// executive summary of seed 001's reviews (one old enough to be on request), a 7-minute briefing,
// the threshold document and the escalation procedure, each a small PDF kept in the documents
// store, proposed by the business manager and approved by the council's partner lead.
void load_demo_public_site(Services& services, DocumentServices& documents, const std::string& business_unit_email);

// A demo document compiled in from data/demo/, by file name.
nlohmann::json demo_document(std::string_view name);
// The acting account for a demo email; the demo records everything as real people would.
Actor demo_actor(Services& s, const std::string& email);

}  // namespace assure::cli
