// Shared pieces of the subcommands: exit codes, loading and checking rules, dates from the
// command line, and writing an output file whole or not at all.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"

namespace ereje::cli {

// cli.md: 0 success; 1 the run worked but found something; 2 bad usage or bad input.
enum Exit { kOk = 0, kFound = 1, kBadInput = 2 };

struct LoadedRules {
  interp::RuleSet rules;
  interp::Checked checked;
  Diagnostics diags;
};

// Reads, parses, resolves and checks. Diagnostics (errors and warnings) are left in `diags`.
LoadedRules load_and_check(const std::vector<std::string>& paths);

// Parses an --as-of value; nullopt with a message on `err` when it is not a real date.
std::optional<Date> parse_as_of(const std::string& text, const std::string& flag, std::ostream& err);

// The as-of date of a command: `given` (--as-of), or when empty today in UTC, read once and
// announced on `err` ("note: no --as-of given: evaluating as of …", `doing` being "evaluating").
// nullopt, with a message, when `given` is not a date.
std::optional<Date> as_of_or_today(const std::string& given, const char* doing, std::ostream& err);

// The versions of `rules` in force on `as_of`; nullopt, with a message naming the earliest date
// the rules take effect, when there are none.
std::optional<std::vector<const interp::ClauseVersion*>> versions_in_force(const interp::RuleSet& rules, Date as_of,
                                                                          std::ostream& err);

// How to load data for `versions`: the derived columns (services.main, services.subtype) only
// when one of them names it (LoadOptions).
// The data's warnings (DataSet::warnings: a CSV file's dialect), rendered on `err` in their order.
// They never change a command's exit status.
void print_data_warnings(const input::DataSet& data, std::ostream& err);

input::LoadOptions derived_columns_read(const interp::Checked& checked, const std::vector<const interp::ClauseVersion*>& versions);

// Writes `content` to `path` through a temporary file in the same folder and a rename, so that a
// failed or killed run leaves an existing file untouched and never a partial one.
bool write_file_atomically(const std::string& path, const std::string& content, std::ostream& err);

}  // namespace ereje::cli
