#include "core/training_evaluation_mail.hpp"

#include "core/date_words.hpp"

namespace assure {
namespace {

std::string signed_off(const std::string& partnership_name) { return "\n\n" + partnership_name + "\n"; }

const std::string kOwnLink = "The link is yours alone: it opens your evaluation without signing in. Do not pass it on.";

}  // namespace

MailText evaluation_request_text(const std::string& partnership_name, const TrainingSession& t, const Booking& b,
                                 EvaluationStage stage, const std::string& link) {
    const std::string greeting = "Dear " + (b.name.empty() ? std::string("colleague") : b.name) + ",\n\n";
    if (stage == EvaluationStage::follow_up) {
        return {"What changed after " + t.course_title + "?",
                greeting + "You attended " + t.course_title + " on " + date_in_words(t.on) + ". " + std::to_string(kFollowUpMonths) +
                    " months on, tell us what has changed in your practice since, or why nothing has. It takes two minutes:\n\n" +
                    link + "\n\n" + kOwnLink + signed_off(partnership_name)};
    }
    return {"Evaluate " + t.course_title + ", " + date_in_words(t.on),
            greeting + "Thank you for attending " + t.course_title + " on " + date_in_words(t.on) +
                ". Tell us how it went: four questions on a scale of 1 to 5 and what you will do differently. It takes two "
                "minutes:\n\n" +
                link + "\n\n" + kOwnLink + " Once you have answered, the same page gives you your certificate." +
                signed_off(partnership_name)};
}

MailText manager_follow_up_text(const std::string& partnership_name, const TrainingSession& t, const Booking& b,
                                const std::string& link) {
    return {"What changed after " + t.course_title + ": " + b.name,
            "Dear manager,\n\n" + b.name + " attended " + t.course_title + " on " + date_in_words(t.on) + " and named you as their manager. " +
                std::to_string(kFollowUpMonths) +
                " months on, we ask what has changed in their practice. Please answer with them, adding your own view, at:\n\n" +
                link + "\n\n" + signed_off(partnership_name)};
}

}  // namespace assure
