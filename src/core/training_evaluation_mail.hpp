#pragma once
// What a delegate (and, at the follow-up, their manager) is asked by email: to evaluate a
// session, with a link of their own that needs no account. Plain text, dates in words.
#include <string>

#include "core/mail.hpp"
#include "core/training_evaluation.hpp"

namespace assure {

// `link`: the full address of the delegate's own evaluation page.
MailText evaluation_request_text(const std::string& partnership_name, const TrainingSession& session, const Booking& booking,
                                 EvaluationStage stage, const std::string& link);
// The follow-up, as told to the delegate's manager, who may answer with them.
MailText manager_follow_up_text(const std::string& partnership_name, const TrainingSession& session, const Booking& booking,
                                const std::string& link);

}  // namespace assure
