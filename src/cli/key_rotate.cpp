#include "cli/key_rotate.hpp"

#include <stdexcept>

#include "app/reviews.hpp"
#include "crypto/case_key_file.hpp"
#include "crypto/sodium.hpp"

namespace assure::cli {

int rotate_case_key_command(Services& s, const std::string& new_key_file, const std::string& new_key_hex, std::ostream& out) {
    if (new_key_file.empty() == new_key_hex.empty()) {
        throw std::runtime_error("give the new case key in one place: --new-key-file FILE or ASSURE_NEW_CASE_KEY, not both or neither");
    }
    const std::string key = new_key_file.empty() ? crypto::case_key_from_hex(new_key_hex, "ASSURE_NEW_CASE_KEY")
                                                 : crypto::read_case_key_file(new_key_file);
    const crypto::SecretboxSealer next(key);
    const CaseKeyRotation done = rotate_case_key(s, next);
    out << "Re-sealed the children's details of " << done.cases << " case(s) with the new case key (key id " << done.to_key_id
        << "; it was " << done.from_key_id << ").\n"
        << "The database now opens only with the new key. Before starting Assure again, put the new key where every server "
           "reads it ("
        << (new_key_file.empty() ? "ASSURE_CASE_KEY" : "replace the case key file with " + new_key_file + ", or ASSURE_CASE_KEY")
        << "), and back it up with the database's backups; keep the old key until the backups made before now have expired.\n";
    return 0;
}

}  // namespace assure::cli
