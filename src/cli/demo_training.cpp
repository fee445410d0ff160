// The demo's training, from seed 001 (Knowsley's annual report 2016/17, §10 and Appendix A):
// the core courses (Working Together to Safeguard Children, its refresher, Compromised Care),
// the two new ones (Exploring Neglect, Recognising Child Sexual Abuse), the commissioned and
// themed training of §10, each with its year's sessions, bookings and register. The report
// gives one total, 1,756 delegates; the demo places 1,756 who attended (with no-shows and late
// cancellations besides, who are not delegates), and "in excess of 550" at the joint alerters
// training as 556. How the rest divide between courses and agencies is the demo's, as the
// report's charts are not in the seed. Then a few sessions of this year's calendar relative to
// today, some full with a waiting list. Everything is booked and registered through the use
// cases on the day it would have been, so every figure is counted, never typed.
#include <array>
#include <map>
#include <string>
#include <vector>
#include <stdexcept>

#include "app/training.hpp"
#include "cli/demo.hpp"
#include "cli/demo_training.hpp"

namespace assure::cli {
namespace {

struct ClockAt final : Clock {
    Instant at = 0;
    [[nodiscard]] Instant now() const override { return at; }
};

// Services whose clock says it is noon on `day`.
struct On {
    ClockAt clock;
    Services services;
    On(Services& s, Date day) : services{s.store, clock, s.hasher, s.tokens, s.sessions, s.sealer, s.calendar, s.defaults} {
        clock.at = day.days() * 86400 + 12 * 3600;
    }
};

struct DemoCourse {
    const char* title;
    const char* level;
    int minutes;
    std::vector<std::string> priorities;
    const char* outcomes;
    const char* audience;
    const char* trainer;
    const char* venue;
    int sessions, capacity, attended;  // attended: the year's delegates, shared between its sessions
};

const std::vector<DemoCourse>& courses() {
    static const std::vector<DemoCourse> all{
        {"Working Together to Safeguard Children", "multi_agency_core", 360, {"Neglect", "Domestic abuse"},
         "Know each agency's role in safeguarding\nApply Knowsley's thresholds of need\nMake a good referral and share information",
         "Practitioners in every agency who work with children and families", "KSCB training pool", "Huyton Municipal Buildings", 10, 30, 250},
        {"WTSC Refresher", "multi_agency_core", 180, {"Neglect"}, "Update on changes to guidance and local procedures since the core course",
         "Those who completed Working Together to Safeguard Children three years ago", "KSCB training pool", "Kirkby Suite, Kirkby", 8, 25, 160},
        {"Compromised Care", "multi_agency_core", 360, {"Neglect", "Mental health"},
         "Recognise how parental mental health, substance misuse and domestic abuse compromise care",
         "Practitioners working with parents", "KSCB training pool", "Huyton Municipal Buildings", 4, 25, 80},
        {"Exploring Neglect", "multi_agency_core", 360, {"Neglect"},
         "Recognise neglect and its impact on children's lived experience\nUse the Graded Care Profile",
         "Practitioners in every agency", "Practitioners from partner agencies", "Kirkby Suite, Kirkby", 5, 25, 100},
        {"Recognising Child Sexual Abuse", "multi_agency_core", 360, {"Exploitation"},
         "Recognise the signs of child sexual abuse and respond to a disclosure",
         "Practitioners in every agency", "Practitioners from partner agencies", "Huyton Municipal Buildings", 4, 25, 80},
        {"Joint Children and Adult Alerters Training", "multi_agency_core", 180, {"Domestic abuse", "Exploitation"},
         "Raise an alert about a child or an adult at risk; domestic abuse, exploitation and institutional abuse scenarios",
         "Practitioners of the children's and adults' boards", "Commissioned training provider", "Knowsley Leisure and Culture Park", 12, 60, 556},
        {"Child Sexual Exploitation: what have we learnt?", "multi_agency_core", 360, {"Exploitation"},
         "The lessons of the Rotherham inquiry and of local serious case reviews involving CSE",
         "The whole workforce (annual workforce conference)", "Guest speakers", "Knowsley Leisure and Culture Park", 1, 200, 180},
        {"Child Exploitation and Missing for Practitioners", "specialist", 180, {"Exploitation"},
         "Child sexual and criminal exploitation, going missing, and the referral pathways",
         "Practitioners working with adolescents", "Shield Team", "Kirkby Suite, Kirkby", 4, 25, 80},
        {"Supporting Children who Experience Domestic Abuse", "specialist", 360, {"Domestic abuse"},
         "Strategies and interventions for children who live with domestic abuse: a practitioner's toolkit",
         "Identified cohorts of practitioners, then the wider workforce", "Listening Ear (commissioned)", "Huyton Municipal Buildings", 4, 20, 70},
        {"Operation Encompass Twilight Briefing", "single_agency", 90, {"Domestic abuse"},
         "How Operation Encompass tells schools and early years settings about domestic abuse incidents",
         "Childminders and early years providers", "Merseyside Police", "Kirkby Suite, Kirkby", 3, 40, 90},
        {"Thresholds and the Continuum of Need Briefing", "single_agency", 60, {"Neglect"},
         "Knowsley's Threshold of Need Guidance 2016 applied to case studies", "Practitioners in every agency",
         "KSCB business unit", "Huyton Municipal Buildings", 4, 40, 110},
    };
    return all;
}

// Where delegates work, weighted as the workforce that trains (social care, schools and health most).
constexpr std::array<const char*, 16> kAgencyTurns{
    "knowsley-council",  "primary-schools", "icb", "secondary-schools", "knowsley-council", "mersey-care",
    "merseyside-police", "education-services", "knowsley-council", "kht", "yos", "primary-schools",
    "faith-groups",      "youth-mutual",    "knowsley-college", "adult-social-care"};
constexpr std::array<const char*, 12> kFirst{"Sarah", "James", "Helen", "Mohammed", "Claire", "Paul",
                                             "Joanne", "Gary", "Aisha", "Lee", "Karen", "Tom"};
constexpr std::array<const char*, 13> kLast{"Hughes", "Roberts", "McCarthy", "Doyle", "Kelly", "Evans", "Jones",
                                            "Murphy", "Ahmed", "Walsh", "Taylor", "Byrne", "Quinn"};

// The n-th weekday (Tuesday to Thursday) spread through the year from `first`.
Date session_day(Date first, int index, int of) {
    Date d = Date::from_days(first.days() + (350 * index) / of + 7);
    while (d.weekday() == 0 || d.weekday() > 3) d = Date::from_days(d.days() + 1);
    return d;
}

BookingInput delegate(int n, const std::map<std::string, AgencyId>& agencies) {
    const std::string first = kFirst[static_cast<std::size_t>(n) % kFirst.size()];
    const std::string last = kLast[static_cast<std::size_t>(n / 7) % kLast.size()];
    const auto agency = agencies.find(kAgencyTurns[static_cast<std::size_t>(n) % kAgencyTurns.size()]);
    return BookingInput{first + " " + last, "delegate" + std::to_string(n) + "@knowsley.example",
                        agency == agencies.end() ? std::string() : agency->second.str()};
}

// The partnership's pool of practitioner-trainers (seed 000), named in turn on the pool's
// courses: the core course shared among four, the refresher and the partner agencies' courses
// between two, and Compromised Care resting on one (seed 004 asks whether the pool is enough).
std::string trainer_for(const DemoCourse& d, int session) {
    static const std::map<std::string, std::vector<std::string>> kPool{
        {"Working Together to Safeguard Children",
         {"Helen Price, Knowsley Council", "Sergeant Mark Doyle, Merseyside Police", "Lisa Moran, Knowsley Council", "Carl Benson, Knowsley schools"}},
        {"WTSC Refresher", {"Helen Price, Knowsley Council", "Lisa Moran, Knowsley Council"}},
        {"Compromised Care", {"Ruth Ogden, Mersey Care"}},
        {"Exploring Neglect", {"Lisa Moran, Knowsley Council", "Ruth Ogden, Mersey Care"}},
        {"Recognising Child Sexual Abuse", {"Sergeant Mark Doyle, Merseyside Police", "Carl Benson, Knowsley schools"}},
    };
    const auto pool = kPool.find(d.title);
    if (pool == kPool.end()) return d.trainer;
    return pool->second[static_cast<std::size_t>(session) % pool->second.size()];
}

SessionInput session_input(const Course& c, const DemoCourse& d, Date on, int capacity, int session = 0) {
    const int start = d.minutes <= 90 ? 16 * 60 : 9 * 60 + 30;  // briefings are twilight sessions
    const int end = start + d.minutes;
    const auto hhmm = [](int m) {
        const std::string h = std::to_string(m / 60), mm = std::to_string(m % 60);
        return (h.size() < 2 ? "0" + h : h) + ":" + (mm.size() < 2 ? "0" + mm : mm);
    };
    return SessionInput{c.id.str(), on.iso(), hhmm(start), hhmm(end), d.venue, "", std::to_string(capacity), trainer_for(d, session)};
}

}  // namespace

void load_demo_training(Services& s, const std::map<std::string, AgencyId>& agencies, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    const Date year_start{2016, 4, 1};
    int person = 0;
    std::vector<std::pair<Course, const DemoCourse*>> made;
    {
        On before(s, Date{2016, 3, 1});
        for (const auto& d : courses()) {
            made.emplace_back(add_course(before.services, bu,
                                         CourseInput{d.title, d.level, d.outcomes, d.audience, std::to_string(d.minutes), d.priorities}),
                              &d);
        }
    }
    for (const auto& [course, d] : made) {
        for (int i = 0; i < d->sessions; ++i) {
            const Date day = session_day(year_start, i, d->sessions);
            On planned(s, Date::from_days(day.days() - 60));
            const TrainingSession t = add_session(planned.services, bu, session_input(course, *d, day, d->capacity, i));
            // This session's share of the course's delegates, and those who booked but did not come.
            const int attended = d->attended / d->sessions + (i < d->attended % d->sessions ? 1 : 0);
            const int no_shows = attended / 12, late = attended / 40;
            On booking(s, Date::from_days(day.days() - 21));
            std::vector<AttendanceMark> marks;
            for (int k = 0; k < attended + no_shows + late; ++k) {
                const Booking b = book_place(booking.services, bu, t.id, delegate(++person, agencies));
                const char* mark = k < attended ? "attended" : k < attended + no_shows ? "no_show" : "cancelled_late";
                marks.push_back({b.id.str(), mark});
            }
            On on_the_day(s, day);
            take_register(on_the_day.services, bu, t.id, marks);
        }
    }
    load_demo_training_evaluations(s, bu, year_start, Date{2017, 3, 31});
    load_demo_online_modules(s, bu, agencies);
    // This year's calendar, relative to today: the core course full with a waiting list, the
    // refresher and Exploring Neglect with places, and an online session.
    const Date today = london_today(s);
    const auto course_named = [&](const char* title) -> const std::pair<Course, const DemoCourse*>& {
        for (const auto& m : made) {
            if (m.first.title == title) return m;
        }
        throw std::logic_error(std::string("no demo course ") + title);
    };
    struct Upcoming {
        const char* title;
        int days_ahead, capacity, bookings;
        bool online;
    };
    const Upcoming upcoming[] = {
        {"Working Together to Safeguard Children", 9, 20, 24, false},
        {"WTSC Refresher", 16, 25, 11, false},
        {"Exploring Neglect", 23, 20, 20, false},
        {"Recognising Child Sexual Abuse", 37, 25, 6, false},
        {"Thresholds and the Continuum of Need Briefing", 44, 60, 14, true},
        {"Working Together to Safeguard Children", 58, 20, 3, false},
    };
    for (const auto& u : upcoming) {
        const auto& [course, d] = course_named(u.title);
        Date day = Date::from_days(today.days() + u.days_ahead);
        while (day.weekday() > 4) day = Date::from_days(day.days() + 1);
        SessionInput in = session_input(course, *d, day, u.capacity, u.days_ahead / 7);
        if (u.online) {
            in.venue = "";
            in.online_link = "https://meet.knowsley.example/kscp-thresholds";
        }
        const TrainingSession t = add_session(s, bu, in);
        for (int k = 0; k < u.bookings; ++k) book_place(s, bu, t.id, delegate(++person, agencies));
    }
}

}  // namespace assure::cli
