#pragma once
// What each change in the audit trail was, in words: "case.notify" is "Serious incident
// notified". The key stays the record (and the trail's filter); the words are for people.
#include <string>
#include <string_view>

namespace assure {

// The words for an action key; a key with none (a new action not yet named) is shown as it is.
std::string audit_action_label(std::string_view key);

}  // namespace assure
