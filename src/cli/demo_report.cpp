// The demo's yearly report for 2016/17: seed 001's own words for the sections the business unit
// writes (the foreword, the introduction, next year's priorities and the conclusion, abridged),
// and short sections drawn from the seed's chapters for those it does not have as such (what
// changed, the voice of children, independent scrutiny), written through the use case like any
// draft, then signed off by the lead of each statutory partner, so the report is approved and
// published on the public site (cli/demo_public.cpp). Its figures are not written here: the
// report counts them from the demo's governance, training, dataset and registers.
#include "app/report.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

constexpr const char* kForeword =
    "I am pleased to present Knowsley Safeguarding Children Board's annual report 2016 to 2017. This is the third annual report I "
    "have presented as the independent chair of the partnership, and I believe it is the strongest in providing evidence of good and "
    "sustained improvements in the work to safeguard vulnerable children in Knowsley.\n\n"
    "The partnership has come a very long way since Ofsted judged children's services and the board to be inadequate in June 2014. "
    "Knowsley was reinspected in March 2017 and inspectors judged children's services to be no longer inadequate. This is a "
    "significant achievement.\n\n"
    "This year there has been a clear focus on our priorities. The partnership has sought to learn from reviews, including serious "
    "case reviews, audits and scrutiny of individual services. While good work has been achieved on our priorities there remains "
    "work to do: the voice and experience of children who need protection require strengthening, too many children continue to "
    "witness domestic abuse, and some children have suffered neglect over a long period.\n\n"
    "As independent chair, I would like to thank all board members for their continued support in what has been a demanding year, "
    "the team that supports the board, and most importantly all those who work with vulnerable children and their families in Knowsley.\n\n"
    "Audrey Williamson, Independent chair";

constexpr const char* kIntroduction =
    "Under section 14A of the Children Act 2004 the independent chair of the local safeguarding children board must publish an annual "
    "report on the effectiveness of child safeguarding and promoting the welfare of children in the local area.\n\n"
    "The Children and Social Work Bill received Royal Assent in April 2017, removing the statutory requirement for local safeguarding "
    "children boards: they will be replaced by locally agreed safeguarding arrangements.\n\n"
    "This report has been circulated to the council's lead member for children's services and chief executive, the clinical "
    "commissioning group's chief officer, the chairs of the Health and Wellbeing Board and of the Merseyside Community Safety "
    "Partnership, and Knowsley Youth Parliament and Children in Care Council.";

constexpr const char* kNextPriorities =
    "* The strategic priorities through to 2018 remain unchanged: domestic abuse, child exploitation and neglect.\n"
    "* Through a children's engagement sub-group, make sure the voices and experiences of children are embedded in practice and "
    "service planning.\n"
    "* Implement the newly revised strategies on neglect, domestic abuse and harmful sexual behaviour.\n"
    "* Deliver an ambitious training plan set against the board's strategic priorities.\n"
    "* Consider the recommendations of the recent Ofsted inspection, and prepare for the new safeguarding arrangements.";

constexpr const char* kConclusion =
    "This has been a positive and rewarding year, with clear evidence of improved outcomes for many vulnerable children and a growing "
    "confidence among the staff who work with them. New legislation requires new safeguarding arrangements within eighteen months, "
    "for which the police, the clinical commissioning group and the council will be responsible. The partnership should move forward "
    "with confidence and, by addressing these challenges, secure good outcomes for vulnerable children in Knowsley.";

constexpr const char* kWhatChanged =
    "Serious case reviews and audits led to a revised neglect strategy and toolkit, a domestic abuse pathway shared by every "
    "agency, and a multi-agency audit of the front door. Learning was shared through 7-minute briefings and practitioner events.";

constexpr const char* kVoice =
    "Knowsley Youth Parliament and the Children in Care Council told the board what it is like to be helped in Knowsley. Their "
    "messages shaped the neglect strategy and the board's communications with young people.";

constexpr const char* kScrutiny =
    "The independent chair scrutinised the partnership's work through challenge at board meetings, attendance at sub-groups "
    "and frontline visits, and reports to the council's chief executive and the partners' leaders.";

// The lead of each statutory partner today (the report is signed off now): the council, the police
// and the integrated care board, which took over the clinical commissioning group's duty in 2022.
constexpr const char* kPartnerLeads[] = {"rachel.ainsworth@knowsley-council.example", "daniel.okafor@merseyside-police.example",
                                         "angela.whitfield@cheshire-merseyside-icb.example"};

}  // namespace

void load_demo_report(Services& services, const std::string& business_unit_email) {
    const Actor bu = demo_actor(services, business_unit_email);
    save_report_section(services, bu, "2016-17", "foreword", 0, kForeword);
    save_report_section(services, bu, "2016-17", "introduction", 0, kIntroduction);
    save_report_section(services, bu, "2016-17", "next_priorities", 0, kNextPriorities);
    save_report_section(services, bu, "2016-17", "conclusion", 0, kConclusion);
    save_report_section(services, bu, "2016-17", "what_changed", 0, kWhatChanged);
    save_report_section(services, bu, "2016-17", "voice_of_children", 0, kVoice);
    save_report_section(services, bu, "2016-17", "scrutiny", 0, kScrutiny);
    load_demo_statements(services, business_unit_email);  // accepted before the partners sign
    for (const char* lead : kPartnerLeads) sign_off_report(services, demo_actor(services, lead), "2016-17");
}

}  // namespace assure::cli
