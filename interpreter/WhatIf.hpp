// `ereje whatif`: one clause re-evaluated for one body with some definitions given other values
// (`--set d=d+3`), and the least change of one count definition that makes a result reach a target
// (`--target T>=8`). Every value is computed by the engine that `run` uses, exactly (docs/whatif.md).
#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/Explainer.hpp"

namespace ereje::interp {

// A question that cannot be asked of this clause (an unknown name, an expression that does not
// parse or is not a number): the message and a hint, in the user's terms.
struct WhatIfError : std::runtime_error {
  std::string help;
  WhatIfError(const std::string& what, std::string h) : std::runtime_error(what), help(std::move(h)) {}
};

struct SetRequest {
  std::string name;  // a `let` or `coefficient` of the clause
  std::string expr;  // its new value as a formula: numbers, the clause's definitions (their current values), + - * / ( )
};

struct WhatIfChange {
  std::string name, expr;
  bool coefficient = false;
  Value before, after;
};

struct SetAnswer {
  Explanation before, after;
  std::vector<WhatIfChange> changes;
};

// Throws WhatIfError.
SetAnswer what_if_set(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                      const ClauseVersion& version, std::size_t body, const std::vector<SetRequest>& sets);

// ---- targets ----

struct Target {
  std::string result;
  bool at_least = true;  // `>=`; false: `<=`
  Rational value;
};
// Parses `T>=8`, `C <= 2.5`; throws WhatIfError.
Target parse_target(const std::string& text);

// One evaluation of the result for a candidate value of the definition.
struct Outcome {
  Value value;
  Status status = Status::Ok;
};

// The search's limits (docs/whatif.md): every change up to kLinearScan either way is tried in turn,
// so the least change found there is the least for any formula; past it the result is probed at
// doubling distances up to kSearchCap and a bracket is narrowed by bisection, which finds the least
// change when the result is monotone within the bracket (said in the answer).
inline constexpr std::int64_t kLinearScan = 1000;
inline constexpr std::int64_t kSearchCap = 1'000'000'000;

enum class Reason {
  None,            // reached
  NotANumber,      // the definition is n/a (or not a whole number) now
  NaEverywhere,    // the result is n/a for every value tried
  NoDependence,    // the result does not change with the definition
  OutOfRangeOnly,  // only values out of the result's range reach the target
  Limit,           // the result tends to `limit` (or ±∞) as the definition grows, from its value at 0, and
                   // never reaches the target between
  Cap              // none of the values tried reaches it, up to the cap
};

struct Search {
  bool found = false;
  std::int64_t change = 0;  // the least change (signed), when found
  Outcome at;               // the result after it
  bool bisection = false;   // found past the linear scan, by bisection
  Reason reason = Reason::None;
  Value limit;              // Reason::Limit: what the result tends to; the value at 0 in `at_zero`
  int infinite = 0;         // Reason::Limit of a result that grows without bound: +1, or -1 downwards
  Outcome at_zero;
  bool cap_hit = false;     // the search went up to kSearchCap without an answer
};

// The least whole change of `x0` (x0 + change >= 0) for which `f` reaches the target with status ok.
Search least_change(const std::function<Outcome(std::int64_t)>& f, std::int64_t x0, const Target& t);

struct TargetForName {
  std::string name;
  Value current;
  Search search;
};

struct TargetAnswer {
  Explanation now;
  Target target;
  std::string range;  // the result's range as explain writes it
  Outcome result_now;
  bool reached_now = false;
  std::vector<TargetForName> names;  // every count definition of the clause, in order
};

// Throws WhatIfError (a result that is not in the clause).
TargetAnswer what_if_target(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                            const ClauseVersion& version, std::size_t body, const Target& target);

bool reaches(const Outcome& o, const Target& t);

}  // namespace ereje::interp
