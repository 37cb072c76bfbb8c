// onewindow: one binary for the server and its operator commands.
#include "app/cli.hpp"

int main(int argc, char** argv) {
    return ow::app::RunCli(argc, argv);
}
