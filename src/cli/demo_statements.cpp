// The demo's agency statements: 2016/17's, abridged from seed 001's Appendix B ("Partners'
// contribution to safeguarding children in Knowsley"), each written and submitted by the agency's
// lead where the demo has one (the business unit otherwise, as it would for a statement sent by
// email) and accepted by the business unit before the report is signed off; and this year's,
// in the states a business manager meets in December: one waiting, one returned, one in draft.
#include <stdexcept>

#include "app/agency_statements.hpp"
#include "app/partnership.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

struct DemoStatement {
    const char* agency;  // the directory's name
    const char* author;  // an account's email; "" for the business unit
    const char* text;
};

constexpr DemoStatement k201617[] = {
    {"Knowsley Council", "nadia.kowalski@knowsley-council.example",
     "Children's social care worked to make sure children are safeguarded, services improve and multi-agency working is stronger.\n\n"
     "- Social work practice improved across every area, as external monitoring visits, Ofsted among them, confirmed: assessments "
     "are timely and of good quality, reviews are timely and child focused.\n"
     "- New services strengthened prevention: Family First, the new residential home, multi-systemic therapy and Safer Families, "
     "forming a whole-system approach with early help, including agreed step-up and step-down arrangements.\n"
     "- Mobile technology for every practitioner continued to improve direct work with children, and live performance information "
     "reached every manager."},
    {"Knowsley Council Education Services", "",
     "The Education Safeguarding Officer helped develop the neglect policy, the domestic abuse pathway and the harmful sexual "
     "behaviour protocol, and after each board meeting an education sub-group shared what schools need to know through a newsletter "
     "that schools value. A conference on mental health and trauma in children, with reference to domestic abuse, was well attended. "
     "Keeping Children Safe in Education was disseminated to every school in September 2016, with refresher training on request."},
    {"Knowsley Housing Trust", "andrew.kerr@knowsley-housing.example",
     "Safeguarding children took on a much larger profile across the group this year. We set up an internal safeguarding forum "
     "drawn from staff across the group, improved our process for raising a concern so that any member of staff can report one and "
     "hears what was done, signed a protocol with the Young Persons Team for re-housing care leavers aged 16 to 18, and began a home "
     "share pilot matching young people who need a home with older people who can offer one."},
    {"Merseyside Fire and Rescue Service", "",
     "A task and finish group is setting the service's safeguarding strategy, reviewing policies and raising practitioners' "
     "awareness. One of our youth advocates is seconded part time to the Knowsley and Sefton child criminal exploitation prevention "
     "team, and the fire setters' intervention for children was refreshed, with staff trained in each area."},
    {"Merseyside Police", "daniel.okafor@merseyside-police.example",
     "The Community First model brought one team for safeguarding and vulnerable people across St Helens and Knowsley from November "
     "2016. We contribute to the community safety partnership's domestic abuse strategy, with a detective inspector leading the work "
     "on perpetrators: prompt arrest, plans for repeat offenders and a stronger multi-agency response. We are developing our own "
     "early help capability for families who do not meet the threshold for social care but still carry risk."},
    {"Knowsley Clinical Commissioning Group", "",
     "The CCG was represented at the board and each of its sub-groups. The designated nurse led the review of the protocol for "
     "sexually active young people under 18, with an assessment tool for early detection of exploitation, and contributed to the "
     "year's serious case reviews. The named GP resolved barriers to GPs sharing safeguarding information, and a protected teaching "
     "event in February 2017 brought the lessons of local reviews to GPs and practice staff."},
    {"Probation Service", "yvonne.clarke@probation.example",
     "A senior manager attends the board and contributes to case audits, serious case reviews, planning and the Section 11 "
     "review. Training and briefings on child sexual exploitation and children missing from home reached every team, and a new "
     "management oversight process reviews every high-risk, MAPPA or child protection case throughout its sentence, with a section "
     "on safeguarding children."},
    {"Youth Offending Service", "",
     "The inspection improvement plan was completed. Staff training drew on the lessons of serious case reviews and emerging local "
     "issues, new monitoring covers looked-after children entering the justice system and young people at high risk, and the Shield "
     "team was expanded to respond to both sexual and criminal exploitation."},
};

AgencyId agency_named(Services& s, const Actor& bu, const std::string& name) {
    for (const auto& a : list_agencies(s, bu, true)) {
        if (a.name == name) return a.id;
    }
    throw std::runtime_error("demo statements: no agency named " + name);
}

// Written by its author (or the unit), submitted, and accepted by the unit when `accept`.
AgencyStatement submitted(Services& s, const Actor& bu, const char* year, const DemoStatement& d) {
    const Actor author = *d.author == '\0' ? bu : demo_actor(s, d.author);
    const AgencyId agency = agency_named(s, bu, d.agency);
    const auto draft = save_statement(s, author, year, agency, 0, d.text);
    return submit_statement(s, author, year, agency, draft.version);
}

}  // namespace

void load_demo_statements(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    for (const auto& d : k201617) {
        const auto st = submitted(s, bu, "2016-17", d);
        accept_statement(s, bu, "2016-17", st.agency, st.version);
    }
    // This year's, under way.
    const std::string year = FinancialYear::of(london_today(s)).key();
    const auto waiting = submitted(s, bu, year.c_str(),
                                   {"Knowsley Housing Trust", "andrew.kerr@knowsley-housing.example",
                                    "Our tenancy officers completed the partnership's neglect training, and referrals from housing to the "
                                    "front door rose by a third. The home share pilot placed six young people."});
    (void)waiting;
    const auto probation = submitted(s, bu, year.c_str(),
                                     {"Probation Service", "yvonne.clarke@probation.example",
                                      "We attended every board meeting and contributed to the year's rapid reviews."});
    return_statement(s, bu, year, probation.agency, probation.version,
                     "Please add what changed for children: the training your staff took and the checks made before "
                     "people on probation live with children.");
    save_statement(s, demo_actor(s, "nadia.kowalski@knowsley-council.example"), year, agency_named(s, bu, "Knowsley Council"), 0,
                   "Children's social care: a first draft of the year's highlights, to be completed after the January audit.");
}

}  // namespace assure::cli
