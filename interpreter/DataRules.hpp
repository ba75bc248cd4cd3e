// Stage 4a: the data contract's rules applied to data that has been read and validated: derived
// columns computed from each row, and invariants checked on every row or body. Runs after the
// readers and before the clauses are evaluated, by every command that evaluates.
#pragma once
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"

namespace ereje::interp {

// The derived columns that the given versions read (with the functions they call, and the
// invariants in force that apply to them), as "table.column".
std::vector<std::string> derived_columns_read(const RuleSet& rules, const Checked& checked,
                                              const std::vector<const ClauseVersion*>& versions);

// The tables to read for the given versions: those their formulas read, and those the invariants
// tied to them read.
std::vector<std::string> tables_needed(const RuleSet& rules, const Checked& checked,
                                       const std::vector<const ClauseVersion*>& versions, Date as_of);

// Computes the derived columns `versions` read (or all of them with `all_derived`), then checks
// every invariant in force on `as_of` that is tied to a clause among `versions`. An invariant
// declared `error` that some row or body breaks throws InputError naming each (file:line:col, the
// column, the invariant as written, the clause that relies on it); those declared `warning` are
// returned.
Diagnostics prepare_data(const RuleSet& rules, const Checked& checked, input::DataSet& data, Date as_of,
                         const std::vector<const ClauseVersion*>& versions, bool all_derived = false);

}  // namespace ereje::interp
