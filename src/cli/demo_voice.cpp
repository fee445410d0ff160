// The demo's voice of children and independent scrutiny registers, and the child death overview
// panel Knowsley shares with Sefton. Seed 001 gives Knowsley's voice work of 2015/16 and 2016/17:
// Voice for Children's online survey of 1,808 young people aged 11 to 18 in every secondary
// school, its six key findings (CSE, legal highs, e-safety, domestic abuse and positive
// relationships, neglect, criminality) and "our response" to each; the focus group on how the
// Board responds to children's concerns; and the M.A.D.E children in care council, whose
// Children's Charter Mural was launched on 16 December 2016. Seed 003 gives the young scrutineers
// and the annual challenge day where partners are held to account; seed 004 the independent
// scrutineer's work (frontline practice, case file auditing, written reports) and "voice in
// every report". Where the seeds give no date or number the demo's are illustrative; some points
// await a response, as a live register's do. Everything is recorded through the use cases.
#include <stdexcept>

#include "app/registers.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

struct DemoPoint {
    const char* point;
    const char* response;      // "" while awaiting one
    const char* responded_on;  // "" with no response
    const char* action;        // the start of a demo action-plan action's words, or ""
};

struct DemoActivity {
    Strand strand;
    const char* kind;
    const char* title;
    const char* led_by;
    const char* held_on;
    const char* children_heard;
    const char* how_heard;
    const char* summary;
    std::vector<DemoPoint> points;
};

const std::vector<DemoActivity> kActivities{
    {Strand::voice, "survey", "Safeguarding survey of young people aged 11 to 18", "Voice for Children", "2016-02-29", "1808",
     "Online questionnaire completed in every secondary school in Knowsley",
     "Young people's thoughts on legal highs, e-safety, domestic abuse and positive relationships, criminality, CSE and neglect. "
     "The findings informed the Children and Young People's Plan, the Board's priorities and the training programme for 2016-2018, "
     "and were shared at the workforce conference 'Capturing and Responding to the Voice of the Child'.",
     {{"Young people want to know more about child sexual exploitation and how to stay safe",
       "Promoted the pan-Merseyside 'Listen to My Story' campaign; commissioned Chelsea's Choice for year 9 students across the borough",
       "2016-06-13", ""},
      {"Young people are unsure about the risks of legal highs", "7 minute and 60 minute briefings on new psychoactive substances cascaded to partner agencies",
       "2016-07-04", ""},
      {"Young people worry about staying safe online", "Protecting children online seminar by Merseyside Police Cyber Unit; a social media app guide for practitioners",
       "2016-09-12", ""},
      {"Young people want help to recognise healthy relationships and domestic abuse",
       "'Black Eyes & Cottage Pie' performed in schools and a healthy relationships programme in secondary schools", "2016-10-17",
       "Add a 'child's lived experience'"},
      {"Young people see neglect around them and do not know whom to tell",
       "A multi-agency neglect working group set up to write a neglect strategy and work plan, with training for practitioners", "2016-11-07",
       "Roll out the graded care profile"},
      {"Young people are drawn into crime by older people",
       "Shield team and the Safer Communities Partnership gave presentations to children on criminal exploitation", "2017-01-16", ""}}},
    {Strand::voice, "consultation", "Focus group: how the Board engages and responds to children's concerns", "Children's Engagement Sub Group",
     "2016-10-05", "14", "A facilitated focus group with young people from two secondary schools and the youth service", "",
     {{"Tell us what happened after we raised a concern", "Agencies will write back to every young person who raises a concern", "2016-12-05", ""},
      {"Agree what the voice of the child means across agencies", "", "", ""}}},
    {Strand::voice, "young_advisers", "M.A.D.E's Children's Charter Mural launched with corporate parents",
     "M.A.D.E (Making a Difference Everywhere), Knowsley's children in care council", "2016-12-16", "22",
     "The junior (8 to 13) and senior (14 to 21) groups of care experienced children and care leavers",
     "The Charter's key messages from children looked after, displayed at Nutgrove Villa and online, to hold partners to their pledges.",
     {{"Corporate parents must keep the promises in the Children's Charter",
       "The Board and the M.A.D.E groups will review the pledges every year", "2016-12-16", ""},
      {"Contact with our families is hard to arrange", "Heads of Service are working with the group on contact arrangements", "2017-02-06", ""},
      {"We want better support for our mental health", "", "", ""}}},
    {Strand::voice, "young_scrutineers", "Young scrutineers' review of multi-agency training", "Young scrutineers with the independent scrutineer",
     "2017-02-15", "9", "Young scrutineers observed two courses and interviewed delegates",
     "", {{"Courses should tell practitioners what young people say about being listened to", "", "", ""}}},
    {Strand::voice, "challenge_day", "Annual challenge day: young people hold the partners to account", "Children's Engagement Sub Group",
     "2017-03-22", "35", "Young people questioned each statutory partner's lead in person", "",
     {{"How do you know that children are listened to in child protection conferences?", "", "", ""},
      {"Why do young people have to tell their story again to each agency?", "", "", ""}}},
    {Strand::scrutiny, "scrutiny_plan", "Independent scrutiny plan for 2016/17", "Independent scrutineer", "2016-04-25", "",
     "", "Areas for scrutiny set from the Board's priorities and the serious case reviews published in 2016/17.",
     {{"Scrutinise the Multi-Agency Safeguarding Hub's decisions on domestic abuse notifications",
       "Agreed by the executive; the visit is planned for September", "2016-05-16", ""}}},
    {Strand::scrutiny, "frontline_visit", "Visit to the Multi-Agency Safeguarding Hub", "Independent scrutineer", "2016-09-20", "",
     "", "Observed the daily MASH meeting and spoke with police, health and social care staff.",
     {{"Screen every police domestic abuse notification with a child present at the daily meeting",
       "Agreed; the police and social care leads added it to the daily meeting", "2016-10-10", "Screen every police domestic abuse"},
      {"Record why a notification is not passed to children's social care", "", "", ""}}},
    {Strand::scrutiny, "focus_visit", "Focus visit with care leavers", "Independent scrutineer", "2016-11-22", "8",
     "A conversation with care leavers at the leaving care service", "",
     {{"Care leavers should help design the pathway plan", "Care leavers joined the pathway plan working group", "2017-01-09", ""}}},
    {Strand::scrutiny, "audit", "Scrutiny of multi-agency case file auditing", "Independent scrutineer", "2017-01-30", "",
     "", "Read the neglect audit's case files and the findings the audit group drew from them.",
     {{"The audit tool should ask how the child's voice was recorded", "The neglect audit tool now asks it", "2017-03-06", "Draft a neglect audit tool"}}},
    {Strand::scrutiny, "scrutiny_report", "Independent scrutineer's report on the effectiveness of the arrangements", "Independent scrutineer",
     "2017-03-20", "", "", "Written report to the Board and the Health and Wellbeing Board.",
     {{"Evidence the impact of serious case review actions, not only their completion", "", "", ""},
      {"Publish the young scrutineers' challenges and the partners' answers in the annual report", "", "", ""}}},
};

std::string action_number(const std::vector<ImprovementAction>& plan, const char* starts) {
    if (*starts == '\0') return "";
    for (const auto& a : plan) {
        if (a.text.rfind(starts, 0) == 0) return a.id.str();
    }
    throw std::logic_error(std::string("the demo action plan has no action starting '") + starts + "'");
}

}  // namespace

void load_demo_voice(Services& s, const std::string& business_unit_email, const std::string& administrator_email, PartnershipId neighbour) {
    const Actor bu = demo_actor(s, business_unit_email);
    std::vector<ImprovementAction> plan;
    s.store.read([&](Transaction& tx) {
        ImprovementQuery q;
        q.partnership = bu.partnership;
        q.page.limit = PageRequest::max_limit;
        plan = tx.learning().improvements(q).items;
    });
    for (const auto& a : kActivities) {
        ActivityInput in;
        in.kind = a.kind;
        in.title = a.title;
        in.led_by = a.led_by;
        in.held_on = a.held_on;
        in.children_heard = a.children_heard;
        in.how_heard = a.how_heard;
        in.summary = a.summary;
        for (const auto& p : a.points) in.points.push_back({p.point, p.response, action_number(plan, p.action), true, p.responded_on});
        record_activity(s, bu, a.strand, in);
    }
    // The administrator of the shared server names the panel both areas' deaths go to.
    set_death_panel(s, demo_actor(s, administrator_email), "Pan-Merseyside Child Death Overview Panel", {bu.partnership.str(), neighbour.str()});
}

}  // namespace assure::cli
