#pragma once
// The demo's training evaluations (cli/demo_training_evaluation.cpp), loaded by the training
// year of cli/demo_training.cpp.
#include <map>
#include <string>

#include "app/context.hpp"

namespace assure::cli {

// Seed 001 says "the feedback from delegates has been positive": the demo's delegates who
// attended the core courses' sessions of 2016/17 evaluate them as the training officer entered
// the post-course questionnaires, most straight after and fewer at the follow-up, each on the
// day it would have been given. The results are counted from these entries, never typed.
void load_demo_training_evaluations(Services& s, const Actor& business_unit, Date from, Date to);

// A refresher held last week whose register is taken: the demo's practitioner attended, so once
// the server's daily round has sent the evaluation requests due, "My work" shows them theirs.
void load_demo_recent_session(Services& s, const Actor& business_unit, const std::string& practitioner_name,
                              const std::string& practitioner_email);

// Seed 001's online modules: the seven Virtual College modules, the provider's report of 2016/17
// (925 applied, 701 completed) and this year's so far, imported as the training officer would
// (cli/demo_training_modules.cpp).
void load_demo_online_modules(Services& s, const Actor& business_unit, const std::map<std::string, AgencyId>& agencies);

// Seed 004's training needs analysis, every two years: this one open five weeks, some returns
// in, one a draft, one not started (cli/demo_training_needs.cpp).
void load_demo_training_needs(Services& s, const Actor& business_unit, const std::map<std::string, AgencyId>& agencies);

}  // namespace assure::cli
