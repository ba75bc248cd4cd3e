// The `ereje` binary: wires the subcommands (each registers itself from its cmd_*.cpp) and puts
// CLI11's errors in our words (lowercase, what to do next).
#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"

namespace {

std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ereje::cli;
  CLI::App app{"ereje: rules of the operational assessment methodology, as code"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ereje 0.1.0");
  Action action;
  add_run(app, action);
  add_check(app, action);
  add_test(app, action);
  add_explain(app, action);
  add_diff(app, action);
  add_replay(app, action);
  add_report(app, action);
  add_contract(app, action);
  add_fmt(app, action);
  add_lsp(app, action);

  std::string names;
  bool known = false;
  std::string command = argc > 1 ? argv[1] : "";
  for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
    known |= sub->get_name() == command;
  }
  if (!command.empty() && command[0] != '-' && !known) {
    std::cerr << "error: unknown command `" << command << "`\n  = help: the commands are " << names
              << "; see `ereje --help`\n";
    return kBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::string what = e.what();
    auto colon = what.rfind(": ");
    std::cerr << "error: unexpected argument" << (colon == std::string::npos ? "" : " `" + what.substr(colon + 2) + "`")
              << "\n  = help: see `ereje " << (command.empty() ? "" : command + " ") << "--help` for the options\n";
    return kBadInput;
  } catch (const CLI::ParseError& e) {
    if (command.empty() || command[0] == '-')
      std::cerr << "error: no command given\n  = help: the commands are " << names << "; see `ereje --help`\n";
    else
      std::cerr << "error: " << lowercase_first(e.what()) << "\n  = help: see `ereje " << command << " --help`\n";
    return kBadInput;
  }
  if (!action) return kBadInput;
  // What escapes a command is never a crash: a library that cannot be loaded (runtime_error), or
  // a fault of ereje itself (logic_error), said in one line, with no results written.
  try {
    return action();
  } catch (const std::logic_error& e) {
    std::cerr << "error: internal error: " << e.what()
              << "\n  = help: this is a fault in ereje, not in the rules or the data; please report it with the "
                 "command that gave it\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return kBadInput;
}
