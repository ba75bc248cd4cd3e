// The `ereje` binary: wires the command line (CLI11) to the subcommands in cli/cmd_*.cpp.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"

int main(int argc, char** argv) {
  using namespace ereje::cli;
  CLI::App app{"ereje: rules of the operational assessment methodology, as code"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ereje 0.1.0");

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "evaluate every clause in force for every body of a data folder");
  run_cmd->add_option("rules", run.rules, "rule file or folder")->required()->expected(1, -1);
  run_cmd->add_option("--data", run.data, "data folder (agencies, services, objections, schedule)")->required();
  run_cmd->add_option("--as-of", run.as_of, "evaluate the versions in force on this date (YYYY-MM-DD); default today");
  run_cmd->add_option("--format", run.format, "csv, json or table")->check(CLI::IsMember({"csv", "json", "table"}));
  run_cmd->add_option("--output", run.output, "write the results to this file (whole or not at all)");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "parse and check rule files; no data needed");
  check_cmd->add_option("rules", check.rules, "rule file or folder")->required()->expected(1, -1);
  check_cmd->add_flag("--werror", check.werror, "treat warnings as errors (exit 1)");

  TestOptions test;
  auto* test_cmd = app.add_subcommand("test", "run the tests written in the rule files");
  test_cmd->add_option("rules", test.rules, "rule file or folder")->required()->expected(1, -1);
  test_cmd->add_flag("-v,--verbose", test.verbose, "list passing tests too");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\n  = help: run `ereje --help` or `ereje " << (argc > 1 ? argv[1] : "run")
              << " --help`\n";
    return kBadInput;
  }
  if (*run_cmd) return run_run(run, std::cout, std::cerr);
  if (*check_cmd) return run_check(check, std::cout, std::cerr);
  if (*test_cmd) return run_test(test, std::cout, std::cerr);
  return kBadInput;
}
