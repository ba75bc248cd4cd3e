// Stage 3: static checks before any data is read: names (with the nearest name suggested), types,
// cycles among definitions, tables and columns, ranges, unused definitions, tests' tables.
// Produces the bindings the evaluator compiles from.
#pragma once
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/Schema.hpp"
#include "interpreter/RuleSet.hpp"

namespace ereje::interp {

// Static types. Enum is text restricted to a column's values.
enum class Type { Error, Number, Bool, Date, Days, Text, Enum };
const char* type_name(Type t);

// What a name in an expression refers to.
struct Binding {
  enum class Kind { Let, Coefficient, Column, Param, AsOf, EnumValue, TextValue } kind = Kind::Let;
  std::size_t index = 0;   // Let/Coefficient: index in the clause; Column: index in the table schema; Param: position
  std::string text;        // EnumValue/TextValue: the literal text
  std::int32_t code = 0;   // EnumValue: index in the column's enum values
};

enum class Builtin { None, Round, Missing, Days, Year, Month, Day };

// `T of clause 49` in a formula, a rank or a grade: what it reads and where it is written.
struct ClauseUse {
  std::string clause, name;
  Span span;
};

struct CheckedClause {
  const ClauseVersion* version = nullptr;
  std::vector<ClauseUse> uses;  // every result of another clause its formulas, ranks and grades read
  // Definitions in an order where each comes after everything it uses.
  std::vector<std::size_t> let_order;
  std::set<std::size_t> used_lets, used_coefficients;
  std::set<std::string> tables;  // the tables its formulas read (not its tests)
  std::set<std::string> columns;  // the columns its formulas and tests name, as table.column
};

struct Checked {
  std::unordered_map<const ast::Expr*, Binding> bindings;
  std::unordered_map<const ast::Expr*, const ast::Function*> calls;
  std::unordered_map<const ast::Expr*, Builtin> builtins;
  std::unordered_map<const ast::Expr*, Type> types;  // for expressions outside function bodies
  std::map<const ClauseVersion*, CheckedClause> clauses;
  std::set<std::string> tables_used;  // every table any version or test reads
  // The tables each invariant of the contract reads: its own, and those its aggregates count.
  std::map<const ast::InvariantDecl*, std::set<std::string>> invariant_tables;

  // Adds another's entries (versions and expression nodes of other rule files), its own taking the
  // place of any already here.
  void add(const Checked& other);
  // The given versions and every version of the clauses whose results they read, transitively
  // (`T of clause 49`): what evaluating them computes.
  std::vector<const ClauseVersion*> with_parts(const std::vector<const ClauseVersion*>& versions) const;
  // The tables that the given versions' formulas read, their parts' included: what `run` must find
  // in the data folder.
  std::vector<std::string> tables_read(const std::vector<const ClauseVersion*>& versions) const;
  // Whether any of the given versions names `table`.`column` (formulas, functions they call, tests).
  bool reads_column(const std::vector<const ClauseVersion*>& versions, const std::string& table,
                    const std::string& column) const;
};

// Checks every clause version of the rule set (all versions, not only those in force today).
Checked check(const RuleSet& rules, Diagnostics& diags);

// Checks one clause version on its own (e.g. a version built in memory by `diff` to apply one
// change at a time), adding its bindings to `out`.
void check_clause(const RuleSet& rules, const ClauseVersion& version, Checked& out, Diagnostics& diags);

// The nearest of `candidates` to `name` by edit distance, or "" when none is close: ereje::nearest
// (core/Nearest.hpp) with the checker's rule, at most half the name's length in code points.
std::string nearest(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace ereje::interp
