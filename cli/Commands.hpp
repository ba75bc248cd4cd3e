// The subcommands as functions that tests can call without argv: an options struct and a
// `run_…` function each, writing to the given streams and returning the exit status.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace ereje::cli {

struct RunOptions {
  std::vector<std::string> rules;
  std::string data;
  std::string as_of;   // empty: today (UTC), read once
  std::string format = "csv";  // csv | json | table
  std::string output;  // empty: standard output
};
int run_run(const RunOptions& o, std::ostream& out, std::ostream& err);

struct CheckOptions {
  std::vector<std::string> rules;
  bool werror = false;  // warnings make the exit status 1
};
int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err);

struct TestOptions {
  std::vector<std::string> rules;
  bool verbose = false;  // list passing tests too
};
int run_test(const TestOptions& o, std::ostream& out, std::ostream& err);

}  // namespace ereje::cli
