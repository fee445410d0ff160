// Training evaluation's pages: the delegate's own evaluation page (opened by the link in their
// email, no sign-in: the random token in the address is the key, kept in the store only as a
// digest), their certificate from it, the business unit's button that sends the requests due,
// certificates from the session's bookings, and impact evidence on a course. Forms signed out
// carry the double-submit cookie the sign-in form uses.
#include "core/date_words.hpp"
#include "web/pdf.hpp"
#include "web/security.hpp"
#include "web/training_views.hpp"

namespace assure::web::training_web {
namespace {

constexpr const char* kTokenPattern = "([A-Za-z0-9_-]{16,128})";

std::string evaluate_href(const std::string& token) { return std::string(kEvaluationPath) + token; }

// Signed out, the form's token is the double-submit cookie's (made here when missing).
void form_token(Services& s, Ctx& ctx) {
    if (ctx.actor) return;
    std::string csrf = cookie_value(ctx.req, kLoginCsrfCookie);
    if (csrf.size() < 20) {
        csrf = s.tokens.random_token();
        ctx.res.set_header("Set-Cookie", session_cookie(kLoginCsrfCookie, csrf, ctx.secure, 3600));
    }
    ctx.csrf_token = csrf;
}

std::vector<Option> score_options(EvaluationQuestion q) {
    const bool confidence = q == EvaluationQuestion::confidence_before || q == EvaluationQuestion::confidence_after;
    std::vector<Option> out;
    for (int score = kLowestScore; score <= kHighestScore; ++score) {
        std::string label = std::to_string(score);
        if (score == kLowestScore) label += confidence ? " (not at all confident)" : " (strongly disagree)";
        if (score == kHighestScore) label += confidence ? " (very confident)" : " (strongly agree)";
        out.push_back({std::to_string(score), label});
    }
    return out;
}

EvaluationInput input_from(const Ctx& ctx) {
    EvaluationInput in;
    in.stage = ctx.form("stage");
    for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
        in.scores.at(i) = ctx.form(std::string(evaluation_question_key(static_cast<EvaluationQuestion>(i))));
    }
    in.do_differently = ctx.form("do_differently");
    in.manager_email = ctx.form("manager_email");
    in.changed_practice = ctx.form("changed_practice");
    in.practice_change = ctx.form("practice_change");
    in.manager_view = ctx.form("manager_view");
    return in;
}

Data fields_for(EvaluationStage stage, const EvaluationInput& in, const FieldErrors& errors) {
    const auto e = [&](const std::string& name) { return error_for(errors, name); };
    Data fields{Data::type::list};
    const auto add = [&](std::string html) { fields.push_back(Data(std::move(html))); };
    if (stage == EvaluationStage::after_session) {
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
            const auto q = static_cast<EvaluationQuestion>(i);
            const std::string key(evaluation_question_key(q));
            add(radios(Field{key, std::string(evaluation_question_label(q)), in.scores.at(i), e(key)}, score_options(q)));
        }
        add(textarea(Field{"do_differently", "What will you do differently in your work?", in.do_differently, e("do_differently")}, 4));
        add(text_input(Field{"manager_email", "Your manager's email address (optional)", in.manager_email, e("manager_email"),
                             "We ask you both what changed in " + std::to_string(kFollowUpMonths) + " months' time", "email", "email",
                             "", false}));
    } else {
        add(radios(Field{"changed_practice", "Has your practice changed since the session?", in.changed_practice, e("changed_practice")},
                   {{"yes", "Yes"}, {"no", "No"}}, true));
        add(textarea(Field{"practice_change", "What changed in your practice, or why nothing did?", in.practice_change,
                           e("practice_change")},
                     4));
        add(textarea(Field{"manager_view", "Your manager's view (optional)", in.manager_view, e("manager_view"),
                           "What the practitioner's manager has seen change"},
                     3));
    }
    return fields;
}

void evaluate_page(Services& s, Ctx& ctx, const EvaluationInput& in = {}, const FieldErrors& errors = {}, int status = 200) {
    const std::string token = ctx.req.matches[1];
    const EvaluationInvitation inv = open_evaluation(s, token);
    form_token(s, ctx);
    const std::string title = evaluation_stage_key(inv.stage) == std::string_view("follow_up") ? "What changed after " + inv.session.course_title
                                                                                              : "Evaluate " + inv.session.course_title;
    Data data;
    data.set("title", title);
    data.set("caption", inv.partnership_name);
    data.set("intro", inv.booking.name + ", you attended " + inv.session.course_title + " on " + date_in_words(inv.session.on) + ".");
    data.set("action_url", evaluate_href(token));
    data.set("stage", std::string(evaluation_stage_key(inv.stage)));
    const bool attended = certificate_refusal(inv.booking).empty();
    if (inv.answered) {
        data.set("answered", flag(true));
    } else if (!inv.closed.empty()) {
        data.set("closed", inv.closed.front().message);
    } else {
        data.set("fields", fields_for(inv.stage, in, errors));
        data.set("open", flag(true));
    }
    if (attended) data.set("certificate_href", evaluate_href(token) + "/certificate.pdf");
    if (ctx.has_query("saved")) data.set("saved", "Thank you: your answers are saved");
    PageOptions options{title, "", errors, status};
    page(ctx, "training/evaluate", data, options);
}

void submit_evaluation(Services& s, Ctx& ctx) {
    const std::string token = ctx.req.matches[1];
    const EvaluationInput in = input_from(ctx);
    try {
        evaluate_by_token(s, token, in);
        redirect(ctx, evaluate_href(token) + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid && f.code() != FailureCode::conflict) throw;
        evaluate_page(s, ctx, in, f.fields(), f.code() == FailureCode::invalid ? 422 : 409);
    }
}

// The same form signed in, for one's own booking (linked from "My work"): the delegate's
// tokened link is kept only as a digest, so a signed-in delegate answers here instead, through
// record_evaluation's own-booking rule.
std::string own_href(const Ctx& ctx) {
    return evaluation_answer_href(TrainingSessionId{ctx.path_id()}, BookingId{ctx.path_id(2)},
                                  parse_evaluation_stage(std::string(ctx.req.matches[3])).value_or(EvaluationStage::after_session));
}

void own_evaluation_page(Services& s, Ctx& ctx, const EvaluationInput& in = {}, const FieldErrors& errors = {}, int status = 200) {
    const EvaluationInvitation inv =
        open_own_evaluation(s, ctx.who(), TrainingSessionId{ctx.path_id()}, BookingId{ctx.path_id(2)}, ctx.req.matches[3].str());
    const std::string title = inv.stage == EvaluationStage::follow_up ? "What changed after " + inv.session.course_title
                                                                      : "Evaluate " + inv.session.course_title;
    Data data;
    data.set("title", title);
    data.set("caption", inv.partnership_name);
    data.set("intro", inv.booking.name + ", you attended " + inv.session.course_title + " on " + date_in_words(inv.session.on) + ".");
    data.set("action_url", own_href(ctx));
    data.set("stage", std::string(evaluation_stage_key(inv.stage)));
    if (inv.answered) data.set("answered", flag(true));
    else if (!inv.closed.empty()) data.set("closed", inv.closed.front().message);
    else {
        data.set("fields", fields_for(inv.stage, in, errors));
        data.set("open", flag(true));
    }
    if (certificate_refusal(inv.booking).empty()) {
        data.set("certificate_href", "/training/sessions/" + inv.session.id.str() + "/bookings/" + inv.booking.id.str() + "/certificate.pdf");
    }
    if (ctx.has_query("saved")) data.set("saved", "Thank you: your answers are saved");
    page(ctx, "training/evaluate", data, PageOptions{title, "my_work", errors, status});
}

void submit_own_evaluation(Services& s, Ctx& ctx) {
    EvaluationInput in = input_from(ctx);
    in.stage = ctx.req.matches[3].str();  // the address names the stage, not the form
    try {
        record_evaluation(s, ctx.who(), TrainingSessionId{ctx.path_id()}, BookingId{ctx.path_id(2)}, in);
        redirect(ctx, own_href(ctx) + "?saved=1");
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid && f.code() != FailureCode::conflict) throw;
        own_evaluation_page(s, ctx, in, f.fields(), f.code() == FailureCode::invalid ? 422 : 409);
    }
}

// "3 hours", "1 hour 30 minutes"
std::string length_words(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    std::string out;
    if (h > 0) out = std::to_string(h) + (h == 1 ? " hour" : " hours");
    if (m > 0) out += (out.empty() ? "" : " ") + std::to_string(m) + " minutes";
    return out;
}

void send_certificate(Ctx& ctx, const Certificate& c) {
    Data data;
    data.set("partnership", c.partnership_name);
    data.set("delegate", c.delegate);
    data.set("course", c.course.title);
    data.set("level", std::string(course_level_label(c.course.level)));
    data.set("when", date_in_words(c.session.on));
    data.set("length", length_words(session_minutes(c.session)));
    data.set("where", where_words(c.session));
    data.set("trainer", c.session.trainer);
    Data outcomes{Data::type::list};
    std::string line;
    for (const char ch : c.course.outcomes + "\n") {
        if (ch != '\n') {
            line += ch;
            continue;
        }
        if (!line.empty()) outcomes.push_back(Data(line));
        line.clear();
    }
    data.set("outcomes", outcomes);
    data.set("has_outcomes", flag(!c.course.outcomes.empty()));
    const std::string pdf = render_pdf(render("training/certificate", data));
    ctx.res.set_header("Content-Disposition", "inline; filename=\"certificate-" + c.session.on.iso() + ".pdf\"");
    ctx.res.set_header("X-Content-Type-Options", "nosniff");
    ctx.res.set_content(pdf, "application/pdf");
}

void evidence_form(Services& s, Ctx& ctx, const ImpactInput& in, const FieldErrors& errors, int status) {
    const Course c = read_course(s, ctx.who(), CourseId{ctx.path_id()});
    std::vector<Option> sources;
    for (const auto src : all_impact_sources()) sources.push_back({std::string(impact_source_key(src)), std::string(impact_source_label(src))});
    const auto e = [&](const char* name) { return error_for(errors, name); };
    Data fields{Data::type::list};
    fields.push_back(Data(radios(Field{"source", "Where the evidence comes from", in.source, e("source")}, sources)));
    fields.push_back(Data(text_input(Field{"link", "Link to the audit or the dataset indicator", in.link, e("link"),
                                           "A page of Assure, like /audits/3, or an address starting https://", "off", "text", "", false})));
    fields.push_back(Data(textarea(Field{"note", "What the evidence shows", in.note, e("note"),
                                         "For example, the audit found referrals from delegates' teams named the threshold used"},
                                   4)));
    const std::string title = "Add impact evidence: " + c.title;
    Data data;
    data.set("title", title);
    data.set("hint", "Stage three of the evaluation: evidence that the course changed practice, from an audit or the dataset.");
    data.set("action_url", "/training/courses/" + c.id.str() + "/evidence");
    data.set("version", "0");
    data.set("fields", fields);
    data.set("back_href", "/training/courses/" + c.id.str());
    page(ctx, "training/form", data, PageOptions{title, "training", errors, status});
}

}  // namespace

void add_evaluation_pages(std::vector<Route>& routes, Services& s) {
    const std::string evaluate = std::string(kEvaluationPath) + kTokenPattern;
    Route open{"GET", evaluate, Permission::public_access, Surface::page, [&s](Ctx& ctx) { evaluate_page(s, ctx); },
               std::string(kEvaluationPath) + "abcdefghijklmnopqrstuvwxyz"};
    open.reusable = false;  // the form's token is the visitor's own
    routes.push_back(open);
    routes.push_back({"POST", evaluate, Permission::public_access, Surface::page, [&s](Ctx& ctx) { submit_evaluation(s, ctx); },
                      std::string(kEvaluationPath) + "abcdefghijklmnopqrstuvwxyz"});
    Route certificate{"GET", evaluate + R"(/certificate\.pdf)", Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { send_certificate(ctx, certificate_by_token(s, ctx.req.matches[1])); },
                      std::string(kEvaluationPath) + "abcdefghijklmnopqrstuvwxyz/certificate.pdf"};
    certificate.reusable = false;
    routes.push_back(certificate);
    Route booking_certificate{"GET", R"(/training/sessions/(\d+)/bookings/(\d+)/certificate\.pdf)", Permission::book_training, Surface::page,
                              [&s](Ctx& ctx) {
                                  send_certificate(ctx, certificate_for(s, ctx.who(), TrainingSessionId{ctx.path_id()}, BookingId{ctx.path_id(2)}));
                              },
                              "/training/sessions/1/bookings/1/certificate.pdf"};
    booking_certificate.reusable = false;
    routes.push_back(booking_certificate);
    const std::string own = R"(/training/sessions/(\d+)/bookings/(\d+)/evaluation/(after_session|follow_up))";
    Route own_form{"GET", own, Permission::book_training, Surface::page, [&s](Ctx& ctx) { own_evaluation_page(s, ctx); },
                   "/training/sessions/1/bookings/1/evaluation/after_session"};
    own_form.reusable = false;  // one person's own booking
    routes.push_back(own_form);
    routes.push_back({"POST", own, Permission::book_training, Surface::page, [&s](Ctx& ctx) { submit_own_evaluation(s, ctx); },
                      "/training/sessions/1/bookings/1/evaluation/after_session"});
    routes.push_back({"POST", R"(/training/sessions/(\d+)/evaluation-requests)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const TrainingSessionId id{ctx.path_id()};
                          const SentRequests sent = send_evaluation_requests(s, ctx.who(), id, site_of(ctx));
                          redirect(ctx, "/training/sessions/" + id.str() + "?saved=requests&after=" + std::to_string(sent.after_session) +
                                            "&follow_up=" + std::to_string(sent.follow_up));
                      },
                      "/training/sessions/1/evaluation-requests"});
    routes.push_back({"GET", R"(/training/courses/(\d+)/evidence/new)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) { evidence_form(s, ctx, ImpactInput{}, {}, 200); }, "/training/courses/1/evidence/new"});
    routes.push_back({"POST", R"(/training/courses/(\d+)/evidence)", Permission::manage_training, Surface::page,
                      [&s](Ctx& ctx) {
                          const ImpactInput in{ctx.form("source"), ctx.form("link"), ctx.form("note")};
                          try {
                              add_impact_evidence(s, ctx.who(), CourseId{ctx.path_id()}, in);
                              redirect(ctx, "/training/courses/" + std::to_string(ctx.path_id()) + "?saved=evidence");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              evidence_form(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/training/courses/1/evidence"});
}

}  // namespace assure::web::training_web
