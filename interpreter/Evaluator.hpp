// Stage 4: evaluation against agency data. Aggregates over a table are evaluated together in one
// pass over its columns, grouped by body through each row's body code; definitions and results
// then run per body in exact arithmetic.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/Value.hpp"

namespace ereje::interp {

// Unranked and PlacedLast are the statuses of a rank whose subject was n/a or out of range: the
// rank's rule says whether such a body gets no rank or the place after every valid value.
enum class Status { Ok, NotApplicable, OutOfRange, Unranked, PlacedLast };
const char* status_name(Status s);

// What a row of the results is: a clause's result, an obligation's count of breaches, a rank, or a
// grade (whose value is the band's name).
enum class OutputKind { Result, Obligation, Rank, Grade };
const char* output_kind_name(OutputKind k);

struct ResultRow {
  std::size_t body = 0;                   // index into DataSet::bodies
  const ClauseVersion* version = nullptr;
  std::string result;                     // the result's name in the rule
  Value value;                            // exact; Missing when n/a; a grade's band name (Text)
  int round = 2;                          // decimals on output
  Status status = Status::Ok;
  Span origin;                            // the result or obligation in the rule file
  OutputKind kind = OutputKind::Result;
  const ast::Band* band = nullptr;        // a grade: the band given, for its kk/ru/en label

  // The `value` column: rounded half up to `round` decimals, empty when n/a; a grade's band name.
  std::string text() const;
  // A grade's label in `lang` (kk, ru, en), falling back to the English label, then the band name;
  // text() for everything else.
  std::string label(const std::string& lang) const;
};

struct Evaluation {
  std::vector<ResultRow> rows;  // sorted by body, clause (numerically), result name
  Diagnostics warnings;         // out-of-range results, undecidable rows
};

// How to evaluate. The results never depend on it, only the time taken (tests compare them).
// Aggregates already computed over one data set, kept for later evaluations over the same data
// (`diff` evaluates a clause once per change to attribute it, and most of its aggregates stay the
// same). Only an aggregate whose rows' expressions read nothing but columns, literals and the as-of
// date is kept: its key is its table, kind and expressions with what each name binds to, so the same
// key over the same data is the same result. Used with another data set, it is emptied first.
struct AggregateCache {
  struct Entry {
    std::vector<Value> result;                                 // per body, or one value
    std::vector<std::pair<std::size_t, std::size_t>> undecided;  // (body, row) that left it n/a
  };
  const input::DataSet* data = nullptr;
  std::map<std::string, Entry> entries;
  std::size_t hits = 0;  // for tests: aggregates taken from here instead of computed
};

// `ereje whatif --set`: definitions of one clause given other values for one body (the rest of the
// clause, and every definition computed from them, then use these values), and coefficients of that
// clause given other values (one constant: for every body). Indices into the clause's `lets` and
// `coefficients`.
struct Overrides {
  std::string clause;
  std::size_t body = 0;
  std::map<std::size_t, Value> lets, coefficients;
};

struct EvaluateOptions {
  bool kernels = true;   // compiled kernels where they apply; false: the generic evaluator only
  unsigned threads = 0;  // 0: EREJE_THREADS, else the machine's cores
  AggregateCache* cache = nullptr;  // null: every aggregate is computed
  // The version of a clause whose results the evaluated versions read (`T of clause 49`) when it is
  // not among them: computed, not reported. Unset: the version in force on the as-of date.
  std::function<const ClauseVersion*(const std::string& number)> resolve = nullptr;
  const Overrides* overrides = nullptr;  // what-if values (whatif); null: the values the data gives
};

// Evaluates the given clause versions for every body of `data` as of `as_of`.
Evaluation evaluate(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                    const std::vector<const ClauseVersion*>& versions, const EvaluateOptions& options = {});

}  // namespace ereje::interp
