// Static range analysis (docs/language.md, "Range analysis"): before any data is read, each
// result of the form (linear form of counts) / (linear form of counts) * constant is either proved
// within its declared range for every data set the contract admits, or shown to leave it with a
// smallest counterexample, verified by running it as a test; and the condition on the data under
// which each division's denominator is zero is stated in words.
//
// The method: the rows of each table a result counts are split into cells by the values of the
// columns its `where` conditions (and the contract's row invariants) read; each count is then a sum
// of cell sizes, the result a ratio of two linear forms over non-negative integers, and being in
// range a sign condition on the coefficients of one linear form.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Diagnostic.hpp"
#include "core/Rational.hpp"
#include "interpreter/Checker.hpp"

namespace ereje::interp {

struct RangeFinding {
  enum class Kind {
    Proved,       // within its range for every data set the contract admits
    CanLeave,     // a verified counterexample: `test` is a test block that passes as written
    NotProved,    // the method found a way out of range, but no counterexample it could verify
    NotAnalysed,  // the formula is outside the method: nothing is claimed
  };
  const ClauseVersion* version = nullptr;
  std::string result;
  Kind kind = Kind::NotAnalysed;
  std::string reason;  // NotProved, NotAnalysed: why, in the user's terms
  std::string value;   // CanLeave: the result on the counterexample, as printed
  std::string rows;    // CanLeave: the counterexample's rows as the test writes them, "services: 1 row …"
  std::string test;    // CanLeave: the paste-ready test block, indented for a clause, newline-ended
};

struct RangeReport {
  std::vector<RangeFinding> findings;
  // One line per result for `check -v`: "clause 49 (2021-04-20): T proved within 0..10".
  std::vector<std::string> lines;
};

// Analyses every result of every clause version; adds the warning `result-can-leave-range` and the
// notes `denominator-zero-when` to `diags`. Does nothing when `diags` holds errors (the rules must
// check first).
RangeReport analyse_ranges(const RuleSet& rules, const Checked& checked, Diagnostics& diags);

namespace range {

// The value a cell gives a column: one of the literals the conditions compare it with, any other
// value (`other`), or empty. Bool columns hold "true"/"false".
struct Atom {
  bool missing = false;
  bool other = false;
  std::string text;
};

struct ColumnDomain {
  std::string column;
  std::vector<Atom> values;
};

// One table's cells: every combination of its domains' values that the row invariants allow and
// that leaves no condition undecided.
struct TableCells {
  std::string table;
  std::vector<ColumnDomain> columns;
  std::vector<std::vector<std::size_t>> cells;  // per cell, the value index of each column
  std::size_t first_var = 0;                     // the variable of cells[0]
};

// A linear form over the cell variables (rows in a cell), with a constant.
struct Lin {
  Rational c;
  std::vector<Rational> a;
};

// A division whose denominator depends on the data.
struct Division {
  const ast::Expr* node = nullptr;  // the `a / b`
  const ast::Expr* rhs = nullptr;
  Lin den;
};

// An expression as the method sees it: the cells of the tables it counts, and its value as
// num / den over the cell variables (den constant 1 when it divides by no count).
struct Model {
  std::vector<TableCells> tables;
  std::vector<Division> divisions;
  std::map<const ast::Expr*, std::vector<std::size_t>> members;  // each count: the variables it sums
  std::size_t vars = 0;
  Lin num, den;
  std::string unsupported;  // not empty: the expression is outside the method, and why
};
Model model(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::Expr& e);

// A constant of the clause (a coefficient, a range bound), folded exactly; nullopt when it is not
// a form the analysis folds.
std::optional<Rational> fold(const ast::Clause& c, const Checked& checked, const ast::Expr& e);

// The aggregates `e` reaches, through definitions, in source order.
std::vector<const ast::Expr*> counts_in(const RuleSet& rules, const Checked& checked, const ClauseVersion& v,
                                        const ast::Expr& e);

// A counterexample: groups of rows, each a number of rows of one cell.
struct Group {
  std::size_t table = 0, cell = 0;
  std::int64_t rows = 0;
};

// Builds, verifies and writes the counterexample `groups` for result `result` of `v`
// (RangeWitness.cpp). Fills `f` (kind CanLeave, value, test) and returns true when running it as a
// test gives the result out of range; otherwise sets `f.reason` and returns false.
bool verify_witness(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::Result& result,
                    const std::vector<TableCells>& tables, const std::vector<Group>& groups, const std::string& name,
                    RangeFinding& f);

}  // namespace range
}  // namespace ereje::interp
