// The command line: `onewindow serve | migrate | backup | calendar ... | user add | version`.
#pragma once

namespace ow::app {

// Parses the arguments, runs the command, returns the exit code.
int RunCli(int argc, char** argv);

}  // namespace ow::app
