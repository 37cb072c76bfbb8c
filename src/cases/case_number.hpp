// A case's number: the local date, then four characters of the time of day (in steps of 84 ms)
// and four random ones, e.g. 20201014-6Q8MX3KD. Numbers sort by when the case came in (so the
// database adds new cases at the end of its indexes) and are not guessable. The random part can
// repeat: the store refuses a number taken already, and the caller draws again.
#pragma once

#include <string>

#include "common/dates.hpp"

namespace ow::cases {

std::string NewCaseId(Timestamp now);

}  // namespace ow::cases
