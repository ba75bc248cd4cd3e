// `ereje explain`: how one body's result of one clause was computed. Built on the same engine as
// `run` (so the value always matches), then walks the formula for that body: every definition
// and coefficient with its value and origin, every aggregate with its filter and matching rows,
// every arithmetic step in exact form, and the rounding.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::interp {

struct RowRef {
  std::string file;
  std::uint32_t line = 0;
  std::string key;  // e.g. "code=S0141" (the table's key columns other than the body column)
};

struct ExplainedAggregate {
  std::string text;          // the aggregate as written, canonical form
  std::string table, file;   // table name and the file it was read from
  std::size_t rows = 0;      // rows of this body in the table (every row for a table of no body)
  std::size_t matched = 0;   // rows that passed the filter (and had a value)
  Value value;
  std::vector<RowRef> matched_rows;  // filled when rows are asked for
};

struct ExplainedName {
  enum class Kind { Let, Coefficient } kind = Kind::Let;
  std::string name, expr, description;
  std::vector<ast::Text> descriptions;  // the description in other languages (`kk "…"`)
  Span origin;
  Value value;
  std::vector<ExplainedAggregate> aggregates;
  std::string act;  // in a version an amendment made: the act that set this item ("" otherwise)
};

struct Step {
  std::string expr;         // the sub-expression as written
  std::string substituted;  // the same with its operands' values
  Value value;
};

struct ExplainedResult {
  std::string name, expr, description;
  std::vector<ast::Text> descriptions;  // the description in other languages (`kk "…"`)
  Span origin;
  bool obligation = false;
  OutputKind kind = OutputKind::Result;
  std::string range;  // "0..10", or "" for obligations
  int round = 2;
  Value value;
  std::string text;  // as `run` prints it
  Status status = Status::Ok;
  std::vector<Step> steps;
  std::vector<ExplainedAggregate> aggregates;  // aggregates written in the result's own formula
  std::vector<ExplainedAggregate> breach;  // obligations: the rows in breach
  // In a version an amendment made: the act that set the formula, and the one that set the range
  // and rounding (another when only they were changed). Empty otherwise.
  std::string act, range_act;
};

struct Explanation {
  const ClauseVersion* version = nullptr;
  const ClauseVersion* amends = nullptr;  // the version an amendment changed into `version`, or null
  // The clauses whose results this one reads (`T of clause 49`), each explained for the same body
  // down to its own rows: a total shows every part with its own steps.
  std::vector<Explanation> parts;
  std::size_t body = 0;
  Date as_of;
  std::vector<ExplainedName> names;  // definitions and coefficients used, each after what it uses
  std::vector<ExplainedResult> results;
  Diagnostics warnings;
};

// `with_parts`: also explain every clause it reads (Explanation::parts), recursively; reports that
// only need the clause's own steps leave them out (each part is an evaluation of its own).
Explanation explain(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                    const ClauseVersion& version, std::size_t body, bool with_rows, bool with_parts = true,
                    const Overrides* overrides = nullptr);

// The same for several bodies from one evaluation of the clause: what a report explaining hundreds
// of bodies needs (one `explain` per body evaluates the clause for every body each time). The
// explanations are in the order of `bodies`, each equal to `explain` of that body.
std::vector<Explanation> explain_bodies(const RuleSet& rules, const Checked& checked, const input::DataSet& data,
                                        Date as_of, const ClauseVersion& version, const std::vector<std::size_t>& bodies,
                                        bool with_rows, bool with_parts = true, const Overrides* overrides = nullptr);

// Several versions at once, from one evaluation of them all (the report's explanations): for each
// version, its bodies' explanations in the order given, without rows or parts.
std::map<const ClauseVersion*, std::vector<Explanation>> explain_versions(
    const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
    const std::map<const ClauseVersion*, std::vector<std::size_t>>& wanted);

}  // namespace ereje::interp
