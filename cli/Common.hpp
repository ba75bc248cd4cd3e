// Shared pieces of the subcommands: exit codes, loading and checking rules, dates from the
// command line, and writing an output file whole or not at all.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/DiagnosticText.hpp"
#include "core/Progress.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"

namespace ereje::cli {

// cli.md: 0 success; 1 the run worked but found something; 2 bad usage or bad input.
enum Exit { kOk = 0, kFound = 1, kBadInput = 2 };

// The `--lang` of `check` and `test` (diagnostics in kk, ru or en): false, with a message on `err`,
// for any other value (cmd_check.cpp).
bool diagnostic_language_ok(const std::string& lang, std::ostream& err);

// The diagnostics a command prints, in the language of its `--lang` (kk, ru or en; already checked):
// each set rendered through one DiagnosticTranslator (core/DiagnosticText.hpp), so the message, help
// and notes are in that language where the catalogue has them and the code, the position, the line
// and the caret stay as they are. When it goes away it says once, on `err`, that some texts have no
// wording yet.
class ShownDiagnostics {
 public:
  ShownDiagnostics(const std::string& lang, std::ostream& err) : translate_(lang), err_(err) {}
  ShownDiagnostics(const ShownDiagnostics&) = delete;
  ShownDiagnostics& operator=(const ShownDiagnostics&) = delete;
  ~ShownDiagnostics();
  // `ds` rendered, sorted, in the language.
  std::string operator()(const Diagnostics& ds) { return render(translate_(ds)); }
  // One text in the language (e.g. under the pseudo-code "cli": "no results written: …").
  std::string text(std::string_view code, const std::string& english) { return translate_.text(code, english); }
  // The rule files' descriptions in the language, where messages quote them (add_rule_terms).
  void terms_from(const interp::RuleSet& rules);

 private:
  DiagnosticTranslator translate_;
  std::ostream& err_;
};

// Tells `t` the descriptions the rule files give in its language for what messages quote in
// English: tables' and columns' meanings (`kk "…"` after a column), and the descriptions of
// coefficients, definitions, results and obligations.
void add_rule_terms(DiagnosticTranslator& t, const interp::RuleSet& rules);

struct LoadedRules {
  interp::RuleSet rules;
  interp::Checked checked;
  Diagnostics diags;
  // What `check` says beside its findings (notes, e.g. `text-letter-twin`): shown by `check` and the
  // language server, not repeated by every command that reads the rules.
  Diagnostics notes;
};

// Moves the notes out of `lr.diags` into `lr.notes`.
void set_notes_apart(LoadedRules& lr);

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

// `--csv-dialect rfc4180|excel-ru` of the command being run: how CSV files may write values
// (docs/data.md). Commands that read data add the option; loading reads it.
std::string& csv_dialect();
input::LoadOptions data_load_options();

// The data that `versions` read as of `as_of`: the tables their formulas (and the invariants tied
// to them) read, validated against the contract in force then, with the derived columns they read
// computed and the invariants checked. Throws InputError. The data's warnings (odd CSV, columns
// the contract does not declare, invariants declared `warning`) are added to `warnings`.
input::DataSet load_data_for(const interp::RuleSet& rules, const interp::Checked& checked, const std::string& data,
                             Date as_of, const std::vector<const interp::ClauseVersion*>& versions,
                             Diagnostics& warnings);

// The files this command has read (rule files, data files, a receipt) and written: an output is
// never one of them. Compared by device and inode, so that another spelling of the path, a link
// or a hard link to an input is caught too. Paths that do not exist (yet) are ignored.
// `what` says what the file is to this command, for the message: "a rule file this command reads".
void note_input(const std::string& path, const char* what);
void note_inputs(const std::vector<std::string>& paths, const char* what);
// Called as each command starts: the files noted belong to one command (tests run several in one
// process, and a deleted file's inode number may be reused).
void forget_inputs();

// Whether `path` may be written as an output: it is not one of the inputs noted, not a symbolic
// link (ereje never writes through one: the link's target would be replaced unseen), and, when it
// exists, a regular file (never a device such as /dev/null, a folder or a FIFO, which replacing
// would destroy). Says why not on `err`. `may_be_input`: `fmt` rewrites its own inputs.
bool output_allowed(const std::string& path, std::ostream& err, bool may_be_input = false);

// Writes `content` to `path` through a temporary file in the same folder and a rename, so that a
// failed or killed run leaves an existing file untouched and never a partial one. Checks
// output_allowed first, and notes the file written, so that a second output of the same command
// (`--receipt` naming the `--output` file) cannot replace the first.
bool write_file_atomically(const std::string& path, const std::string& content, std::ostream& err,
                           bool may_be_input = false);

}  // namespace ereje::cli
