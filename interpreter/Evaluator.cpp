// Stage 4: the evaluator. Every aggregate of every clause that needs no per-body definition is
// computed in a single pass per table over its columns (rows carry their body's index, so one
// walk serves every body); aggregates that use a definition (e.g. a deadline) run after it.
// Arithmetic is exact; n/a (Missing) propagates; nothing is rounded until output.
#include "interpreter/Evaluator.hpp"

#include "interpreter/Engine.hpp"

namespace ereje::interp {

const char* status_name(Status s) {
  switch (s) {
    case Status::Ok: return "ok";
    case Status::NotApplicable: return "n/a";
    case Status::OutOfRange: return "out_of_range";
    case Status::Unranked: return "unranked";
    case Status::PlacedLast: return "placed_last";
  }
  return "?";
}

const char* output_kind_name(OutputKind k) {
  switch (k) {
    case OutputKind::Result: return "result";
    case OutputKind::Obligation: return "obligation";
    case OutputKind::Rank: return "rank";
    case OutputKind::Grade: return "grade";
  }
  return "?";
}

std::string ResultRow::text() const {
  if (value.kind == Kind::Missing) return "";
  if (value.kind == Kind::Text) return value.text;
  return value.num.to_fixed(round);
}

std::string ResultRow::label(const std::string& lang) const {
  if (!band) return text();
  for (const auto& t : band->labels)
    if (t.lang == lang && !t.value.empty()) return t.value;
  return band->label.empty() ? band->name : band->label;
}


Evaluation evaluate(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                    const std::vector<const ClauseVersion*>& versions, const EvaluateOptions& options) {
  Evaluation out;
  engine::Engine engine(rules, checked, data, as_of, out);
  engine.use_fast = options.kernels;
  if (options.threads) engine.threads = options.threads;
  if (options.cache) {
    if (options.cache->data != &data) {
      options.cache->entries.clear();
      options.cache->data = &data;
    }
    engine.cache = options.cache;
  }
  engine.resolve = options.resolve;
  engine.overrides = options.overrides;
  engine.evaluate(versions);
  return out;
}

}  // namespace ereje::interp
