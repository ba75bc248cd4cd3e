// Stage 2: a loaded rule set. Reads rule files (a file or a folder, recursively, in a stable
// order), parses each, and resolves acts into dated versions of each clause.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Diagnostic.hpp"
#include "grammar/Ast.hpp"
#include "input/Schema.hpp"

namespace ereje::interp {

// One version of one clause: in force from `from` until the day before `until` (open when unset).
struct ClauseVersion {
  std::string number;
  const ast::File* file = nullptr;
  const ast::Act* act = nullptr;
  const ast::Clause* clause = nullptr;  // null for a repeal; for an amendment, the clause it makes
  const ast::Repeal* repeal = nullptr;
  Date from;
  std::optional<Date> until;
  // For a clause that `amends` the version before it: the clause as written in its file (`clause`
  // is then the whole version: the inherited items with the amendment's). Null otherwise.
  const ast::Clause* written = nullptr;
  const ast::Clause* as_written() const { return written ? written : clause; }
  std::string label() const { return format_date(from); }  // the `version` column of results
};

// A `derived` column of the contract, and the expression that computes it from each row.
struct DerivedColumn {
  std::string table, column;
  const ast::DerivedDecl* decl = nullptr;
};
// An `invariant` of the contract: checked on every row (or every body) when a clause it names is in
// force.
struct Invariant {
  std::string table;
  const ast::InvariantDecl* decl = nullptr;
  input::Origin origin;
};

struct RuleSet {
  std::vector<ast::File> files;  // the standard library first, then rule files in path order
  std::map<std::string, const ast::Function*> functions;
  std::map<std::string, const ast::Act*> acts;  // by registration number
  // The data contract from the files' `table` declarations (Contract.cpp). Shared, so that data
  // sets can keep it alive; the checker completes it with the types of derived columns.
  std::shared_ptr<input::Contract> contract = std::make_shared<input::Contract>();
  std::vector<DerivedColumn> derived;
  std::vector<Invariant> invariants;
  // Versions of each clause, oldest first, keyed by clause number.
  std::map<std::string, std::vector<ClauseVersion>> clauses;
  // The clauses amendments make (Amend.cpp), owned here: versions point at them.
  std::vector<std::unique_ptr<ast::Clause>> amended;

  // Clause numbers in numeric order: 49 < 49-1 < 52 < 114.
  std::vector<std::string> clause_numbers() const;
  // The version of a clause in force on `as_of`, or null.
  const ClauseVersion* in_force(const std::string& number, Date as_of) const;
  // Every version in force on `as_of` (repeals excluded), in clause order.
  std::vector<const ClauseVersion*> all_in_force(Date as_of) const;
  // The earliest in-force date of any version, if any.
  std::optional<Date> earliest() const;
  // The act a file's items belong to: its own `act`, or the one it is `part of`; null when none.
  const ast::Act* act_of(const ast::File& file) const;
  // The act of the file a span is in (which act set an item of an amended clause); null when none.
  const ast::Act* act_at(const Span& span) const;
};

bool clause_number_less(const std::string& a, const std::string& b);

// Loads the standard library and every `.ereje` file under each path. Missing paths and
// unreadable files are diagnostics; so are syntax errors and version conflicts.
// `rename` maps a path prefix to what messages show instead (e.g. a temporary checkout of a git
// revision shown as `REV:`).
RuleSet load_rules(const std::vector<std::string>& paths, Diagnostics& diags,
                   const std::vector<std::pair<std::string, std::string>>& rename = {});

// The rule files of a folder as every command reads them: its `*.ereje` files, recursively, in byte
// order of the path (the same on every machine, whatever order the disk lists them in).
std::vector<std::string> rule_files_in(const std::string& folder);

// Loads from in-memory text (tests): name -> text.
RuleSet load_rules_from_text(const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& diags);

// The embedded standard library (stdlib/prelude.ereje).
extern const char* const kStdlibText;

}  // namespace ereje::interp
