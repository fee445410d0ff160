#pragma once
// When the partnership writes to an agency about its Section 11 or Section 175 return.
#include "core/learning.hpp"

namespace assure {

// The letter reports the moderated grades and the challenge session, so it exists only once the
// business unit has moderated the submitted return; before then there is no letter to show.
bool letter_ready(const AuditReturn& r);

}  // namespace assure
