// The demo's training evaluations (cli/demo_training.hpp). Who answers and how is the demo's,
// spread by each delegate's place in the session's bookings so that the figures come out of
// the entries: three in four answer straight after, about three in ten at the follow-up; scores
// lean to 4 and 5 with confidence rising, as "positive feedback" reads; most report a change.
#include <array>
#include <stdexcept>
#include <string>

#include "app/training.hpp"
#include "app/training_evaluations.hpp"
#include "cli/demo_training.hpp"

namespace assure::cli {
namespace {

struct ClockAt final : Clock {
    Instant at = 0;
    [[nodiscard]] Instant now() const override { return at; }
};

struct On {
    ClockAt clock;
    Services services;
    On(Services& s, Date day) : services{s.store, clock, s.hasher, s.tokens, s.sessions, s.sealer, s.calendar, s.defaults} {
        clock.at = day.days() * 86400 + 16 * 3600;
    }
};

// The courses whose questionnaires the demo holds: the core programme and the two new courses.
constexpr std::array<const char*, 5> kEvaluated{"Working Together to Safeguard Children", "WTSC Refresher", "Compromised Care",
                                                "Exploring Neglect", "Recognising Child Sexual Abuse"};

constexpr std::array<const char*, 6> kDifferently{
    "Use the threshold guidance before I make a referral",
    "Share information with the school nurse sooner",
    "Use the Graded Care Profile when I first have a concern about neglect",
    "Ask about the child's lived experience at every visit",
    "Check the history held by other agencies before an assessment",
    "Talk to my safeguarding lead the same day about a disclosure"};
constexpr std::array<const char*, 4> kChanged{
    "I now use the threshold guidance in supervision and my referrals name the level of need",
    "I completed two Graded Care Profiles with families and shared them at the core group",
    "I ask other agencies for their history before I visit",
    "I recognised the signs earlier and spoke to the MASH the same day"};

bool in_core_programme(const std::string& title) {
    for (const char* t : kEvaluated) {
        if (title == t) return true;
    }
    return false;
}

EvaluationInput first_stage(int n) {
    EvaluationInput in;
    in.stage = "after_session";
    // Outcomes met: 5 for three in five, 4 otherwise, 3 now and then.
    in.scores[0] = n % 11 == 0 ? "3" : n % 5 < 3 ? "5" : "4";
    in.scores[1] = n % 3 == 0 ? "3" : "2";   // confidence before
    in.scores[2] = n % 4 == 0 ? "4" : "5";   // confidence after
    in.scores[3] = n % 7 == 0 ? "4" : "5";   // relevance
    in.do_differently = kDifferently[static_cast<std::size_t>(n) % kDifferently.size()];
    return in;
}

EvaluationInput follow_up(int n) {
    EvaluationInput in;
    in.stage = "follow_up";
    const bool changed = (n / 5) % 4 != 3;
    in.changed_practice = changed ? "yes" : "no";
    in.practice_change = changed ? kChanged[static_cast<std::size_t>(n) % kChanged.size()]
                                 : "Not yet: I have not had a case where it applied since the course";
    if (n % 3 == 0) in.manager_view = "Seen in supervision: the practitioner applies the learning";
    return in;
}

}  // namespace

void load_demo_training_evaluations(Services& s, const Actor& bu, Date from, Date to) {
    PageRequest page{PageRequest::max_limit, ""};
    for (;;) {
        const auto sessions = list_sessions(s, bu, SessionFilter{}, page);
        for (const auto& t : sessions.items) {
            if (t.on < from || t.on > to || !in_core_programme(t.course_title)) continue;
            On after(s, t.on);
            On later(s, follow_up_due(t.on));
            const auto booked = list_bookings(s, bu, t.id, "booked", PageRequest{PageRequest::max_limit, ""});
            int n = 0;
            for (const auto& b : booked.items) {
                if (b.attendance != Attendance::attended) continue;
                ++n;
                if (n % 4 == 0) continue;  // one in four does not answer
                record_evaluation(after.services, bu, t.id, b.id, first_stage(n));
                if (n % 5 == 1 || n % 5 == 3) record_evaluation(later.services, bu, t.id, b.id, follow_up(n));
            }
        }
        if (!sessions.next) break;
        page.after = *sessions.next;
    }
}

void load_demo_recent_session(Services& s, const Actor& bu, const std::string& practitioner_name, const std::string& practitioner_email) {
    const Date today = london_today(s);
    Date day = Date::from_days(today.days() - 6);
    while (day.weekday() > 4) day = Date::from_days(day.days() - 1);
    const auto courses = list_courses(s, bu, "WTSC Refresher", PageRequest{PageRequest::max_limit, ""});
    if (courses.items.empty()) throw std::logic_error("no demo course WTSC Refresher");
    TrainingSession t;
    {
        On planned(s, Date::from_days(day.days() - 45));
        t = add_session(planned.services, bu,
                        SessionInput{courses.items.front().id.str(), day.iso(), "09:30", "12:30", "Kirkby Suite, Kirkby", "", "25",
                                     "KSCB training pool"});
    }
    std::vector<AttendanceMark> marks;
    {
        On booking(s, Date::from_days(day.days() - 20));
        const Booking mine = book_place(booking.services, bu, t.id, BookingInput{practitioner_name, practitioner_email, ""});
        marks.push_back({mine.id.str(), "attended"});
        for (int n = 1; n <= 7; ++n) {
            const Booking b = book_place(booking.services, bu, t.id,
                                         BookingInput{"Refresher Delegate " + std::to_string(n), "refresher" + std::to_string(n) + "@knowsley.example", ""});
            marks.push_back({b.id.str(), n == 7 ? "no_show" : "attended"});
        }
    }
    On on_the_day(s, day);
    take_register(on_the_day.services, bu, t.id, marks);
    // Two delegates handed in the paper questionnaire on the day; the rest are asked by email
    // when the server's daily round next runs, so the practitioner finds theirs in "My work".
    for (std::size_t k = 1; k <= 2; ++k) {
        record_evaluation(on_the_day.services, bu, t.id, BookingId{std::stoll(marks.at(k).booking_id)}, first_stage(static_cast<int>(k)));
    }
}

}  // namespace assure::cli
