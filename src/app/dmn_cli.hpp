// `onewindow dmn tck DIR [--csv OUT]`: runs the DMN TCK test cases below DIR, each directory in a
// child process (a crash or hang there costs only its own cases), prints the pass counts per
// compliance level and writes the TCK's results CSV.
#pragma once

#include <string>

namespace ow::app {

// Exit code: 0 when the run happened (whatever passed), 2 when DIR is not a directory or the CSV
// cannot be written.
int RunDmnTck(const std::string& dir, const std::string& csv);

}  // namespace ow::app
