#pragma once
// Submitting a Section 11 or Section 175 return from the pages in two steps, as GOV.UK
// services do: the agency checks its answers, then submits them. The API submits in one.
#include "app/learning.hpp"

namespace assure {

// The first step: saves the answers as a draft only when they would pass submission, so "Check
// your answers" shows what will be sent; otherwise refused with the submission's errors and
// nothing saved.
AuditReturn save_return_to_check(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                                 const std::vector<AnswerInput>& answers);
// The second step: submits the draft exactly as the agency checked it (the version it saw);
// with `share`, to the other partnerships too, as save_return does.
AuditReturn submit_checked_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                                  bool share);

}  // namespace assure
