// Internal to the interpreter: the evaluation engine shared by `run` (Evaluator.cpp) and
// `explain` (Explainer.cpp), so that an explanation is computed by the very code that computed the
// result. Not part of the interpreter's public interface.
#pragma once
#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "core/Thread.hpp"
#include "core/Timing.hpp"
#include "grammar/Parser.hpp"
#include "grammar/Visit.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/FastPass.hpp"
#include "interpreter/Fold.hpp"

namespace ereje::interp::engine {

using input::ColumnType;

// One aggregate (or obligation) to compute for every body.
struct Task {
  const ast::Aggregate* agg = nullptr;        // null for an obligation
  const ast::Obligation* obligation = nullptr;
  const input::Table* table = nullptr;
  const ast::Expr* value = nullptr;
  const ast::Expr* filter = nullptr;
  struct ClauseEval* clause = nullptr;
  std::vector<Value> result;                  // per body (or one value for a table with no bodies)
  bool by_body = false;  // a table of no body read with a per-body definition: one value per body
  bool done = false;
  std::vector<std::pair<std::size_t, std::size_t>> undecided;  // (body, row) that left it n/a
};

struct Frame {
  std::size_t body = 0;
  std::size_t row = 0;
  const input::Table* table = nullptr;
  const std::vector<Value>* params = nullptr;
};

struct Engine;

// What a clause computed for every body, by name (results, obligations): what `T of clause 49`
// reads in the clauses evaluated after it.
struct Output {
  std::vector<Value> values;
  std::vector<Status> status;
};

struct ClauseEval {
  Engine& engine;
  const ClauseVersion& version;
  const ast::Clause& clause;
  bool reported = true;  // false: evaluated only because another clause reads its results
  std::vector<ClauseEval*> reads;  // the clauses whose results it reads
  std::map<std::string, Output> outputs;
  std::vector<std::vector<Value>> lets;  // [let][body]
  std::vector<bool> let_done;
  std::vector<Value> coefficients;
  std::unordered_map<const ast::Expr*, Task*> tasks;  // aggregate node -> its task
  std::unordered_map<const ast::Obligation*, Task*> obligations;

  ClauseEval(Engine& e, const ClauseVersion& v) : engine(e), version(v), clause(*v.clause) {}
};

inline bool equal_values(const Value& a, const Value& b) {
  switch (a.kind) {
    case Kind::Number:
    case Kind::Days: return a.num == b.num;
    case Kind::Bool:
    case Kind::Date: return a.i == b.i;
    case Kind::Text: return a.text == b.text;
    case Kind::Missing: return false;
  }
  return false;
}

inline int order_values(const Value& a, const Value& b) {  // -1, 0, 1 for ordered kinds
  if (a.kind == Kind::Number || a.kind == Kind::Days) return a.num < b.num ? -1 : b.num < a.num ? 1 : 0;
  return a.i < b.i ? -1 : b.i < a.i ? 1 : 0;
}

struct Engine {
  const RuleSet& rules;
  const Checked& checked;
  const input::DataSet& data;
  Date as_of;
  Evaluation& out;
  std::vector<std::unique_ptr<Task>> tasks;
  std::vector<std::unique_ptr<ClauseEval>> clause_evals;  // kept for explanations
  const Overrides* overrides = nullptr;  // whatif: values given instead of computed (Evaluator.hpp)
  std::size_t warnings_left = 50;  // undecidable rows: enough to see the pattern, not a flood

  Engine(const RuleSet& r, const Checked& c, const input::DataSet& d, Date a, Evaluation& o)
      : rules(r), checked(c), data(d), as_of(a), out(o) {}

  std::size_t bodies() const { return data.bodies.size(); }

  // ---- expressions ----
  Value cell(const input::Table& t, std::size_t col, std::size_t row) const;

  Value eval(ClauseEval& ce, const ast::Expr& e, const Frame& f) {
    return std::visit([&](const auto& n) { return node(ce, e, n, f); }, e.node);
  }

  Value node(ClauseEval&, const ast::Expr&, const ast::NumberLit& n, const Frame&) { return Value::number(n.value); }
  Value node(ClauseEval&, const ast::Expr&, const ast::StringLit& n, const Frame&) { return Value::string(n.value); }
  Value node(ClauseEval&, const ast::Expr&, const ast::BoolLit& n, const Frame&) { return Value::boolean(n.value); }
  Value node(ClauseEval&, const ast::Expr&, const ast::DateLit& n, const Frame&) { return Value::date(n.value); }
  Value node(ClauseEval&, const ast::Expr&, const ast::NaLit&, const Frame&) { return Value::missing(); }

  Value node(ClauseEval& ce, const ast::Expr& e, const ast::NameRef&, const Frame& f);
  Value node(ClauseEval& ce, const ast::Expr&, const ast::Unary& u, const Frame& f);
  Value node(ClauseEval& ce, const ast::Expr& e, const ast::Binary& b, const Frame& f);

  // A date moved by a number of days (whole days: a fraction is dropped toward the past, as
  // before), or n/a when the result is no date that can be written (kFirstDay..kLastDay): it
  // never wraps around.
  static Value shifted(std::int64_t day, const Rational& by);

  Value node(ClauseEval& ce, const ast::Expr&, const ast::If& i, const Frame& f);
  Value node(ClauseEval& ce, const ast::Expr&, const ast::InList& in, const Frame& f);
  Value node(ClauseEval& ce, const ast::Expr& e, const ast::Call& c, const Frame& f);

  // `T of clause 49`: computed before this clause (evaluate() orders the clauses once).
  Value node(ClauseEval&, const ast::Expr&, const ast::ClauseRef& r, const Frame& f);

  const Output& output_of(const std::string& clause, const std::string& name) const;
  // Clauses read but not in force on the as-of date (see plan()): every value read of them is n/a.
  std::set<std::string> absent;
  Output nothing;  // n/a for every body

  // `total of …` for one body: parts and weights exact; an n/a part enters as the rule states.
  Value node(ClauseEval& ce, const ast::Expr&, const ast::Total& t, const Frame& f);

  struct TotalPartValue {
    Value value, weight, contribution;  // contribution: signed, after renormalisation
    bool counted_as = false;            // n/a, counted as a stated value
    bool left_out = false;              // n/a, its weight spread over the others (renormalise)
  };

  // The total, and (for explain) each part's value, weight and contribution.
  Value fold_total(ClauseEval& ce, const ast::Total& t, const Frame& f, std::vector<TotalPartValue>* parts);

  Value node(ClauseEval& ce, const ast::Expr& e, const ast::Aggregate&, const Frame& f);

  // ---- definitions ----
  void ensure_let(ClauseEval& ce, std::size_t i);

  // fn(b) for every body, on `threads` threads in contiguous ranges of bodies. Only for an
  // expression whose aggregates and definitions are all computed (prepare, ensure_lets_in): then
  // evaluating it reads shared state and writes only its own body's slot, and the result is the same
  // at every thread count. An exception on any thread is rethrown here, after all have stopped: the
  // first body's to throw, as on one thread.
  // Other threads only when they pay: the first bodies are evaluated here and timed, and the rest
  // is shared out only when it would take this thread longer than kWorthThreads. A thread costs
  // about 0.1 ms to start and stop, and bodies evaluated on two at once share one heap: on 4,000
  // bodies whose results take a third of a microsecond each, two threads took 2.2 ms a call where
  // one took 1.4 (bench/README.md, tenth session).
  static constexpr double kWorthThreads = 0.004;  // seconds
  double worth_threads = kWorthThreads;          // tests set 0: every call on threads
  std::size_t calls_on_threads = 0;              // for tests: calls of for_bodies shared out
  template <class F>
  void for_bodies(F&& fn) {
    const std::size_t n = bodies();
    std::size_t k = n < 512 ? 1 : std::min<std::size_t>(std::max(1u, threads), 16);
    std::size_t first = 0;
    if (k > 1) {
      const auto start = std::chrono::steady_clock::now();
      for (const std::size_t probe = n / 16; first < probe; ++first) fn(first);
      const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (spent / static_cast<double>(first) * static_cast<double>(n - first) < worth_threads) k = 1;
    }
    if (k <= 1) {
      for (std::size_t b = first; b < n; ++b) fn(b);
      return;
    }
    ++calls_on_threads;
    std::vector<std::exception_ptr> failed(k);
    // What the bodies' evaluations must find done (prepare, ensure_lets_in) is checked, not assumed:
    // computing it now, from several threads at once, would be a race, so it is an error instead.
    in_parallel = true;
    {
      std::vector<Thread> pool;  // stacks of a stated size (core/Thread.hpp): formulas recurse
      const std::size_t rest = n - first;
      auto range = [&](std::size_t i) {
        try {
          for (std::size_t b = first + rest * i / k; b < first + rest * (i + 1) / k; ++b) fn(b);
        } catch (...) {
          failed[i] = std::current_exception();
        }
      };
      for (std::size_t i = 1; i < k; ++i) pool.emplace_back([&range, i] { range(i); });
      range(0);
    }
    in_parallel = false;
    for (auto& f : failed)
      if (f) std::rethrow_exception(f);
  }

  // Computes everything an expression's aggregates depend on, then the aggregates not yet done.
  void prepare(ClauseEval& ce, const ast::Expr& e);

  void ensure_lets_in(ClauseEval& ce, const ast::Expr& e);

  void collect(ClauseEval& ce, const ast::Expr& e, std::vector<Task*>& out_tasks);

  // Every node of an expression but the row expressions of its aggregates (evaluated by the pass,
  // not here); walk_all: every node. Both are the grammar's one walk (grammar/Visit.hpp).
  static void walk(const ast::Expr& e, const std::function<void(const ast::Expr&)>& fn) { ast::walk_outside_rows(e, fn); }
  static void walk_all(const ast::Expr& e, const std::function<void(const ast::Expr&)>& fn) { ast::walk(e, fn); }

  // Does a row expression use any definition (so it must wait until that is computed)?
  bool uses_lets(const ast::Expr& e) const;

  // ---- the grouped pass ----
  void warn_row(Task& t, std::size_t body, std::size_t row);
  // A run-time warning at a place of the rule file (out of range, a part out of range, a body with
  // no group, a part not in force).
  void warn_at(Span at, const char* code, std::string message, std::string help);

  bool use_fast = true;  // tests turn it off to compare the two paths
  AggregateCache* cache = nullptr;
  bool in_parallel = false;  // set while for_bodies runs bodies on several threads

  // The cache key of an aggregate that depends on the data alone: its expressions read columns,
  // enum and text literals, numbers and the as-of date, and call no function of the rules (whose
  // body could read a definition). Empty when it has none.
  std::string cache_key(const Task& t) const;
  unsigned threads = fast::default_threads();

  // Runs the tasks that compile to kernels; returns the others, for the generic loop.
  std::vector<Task*> fast_pass(const input::Table& table, std::size_t groups, const std::vector<Task*>& all);

  // The optimisers of the grouped pass, tried in order on each table's tasks: each claims the
  // tasks it can compute its own way and returns the rest; the generic row loop computes what none
  // claimed, with the same fold (Fold.hpp), so results never depend on which path took a task.
  // The compiled kernels are the one there is; `use_fast = false` runs none.
  using Optimiser = std::function<std::vector<Task*>(Engine&, const input::Table&, std::size_t groups,
                                                     const std::vector<Task*>& tasks)>;
  std::vector<Optimiser> optimisers{[](Engine& e, const input::Table& t, std::size_t groups, const std::vector<Task*>& ts) {
    return e.fast_pass(t, groups, ts);
  }};

  // The generic evaluator's values in a fold (Fold.hpp): added and ordered as `+` and `<` are.
  struct ValueOps {
    static void add(Value& total, const Value& v) { total.num = total.num + v.num; }
    static bool less(const Value& a, const Value& b) { return order_values(a, b) < 0; }
    static Value value(const Value& v, Kind) { return v; }
  };
  using ValueFold = fold::Fold<Value, ValueOps>;

  static ast::AggregateKind kind_of(const Task& t) { return t.agg ? t.agg->kind : ast::AggregateKind::Count; }

  // One row of a task's table into the fold of a group (the body whose values the row is read
  // with): its filter or breach, then its value; a row that leaves either n/a is warned about and
  // makes the fold undecided.
  void fold_row(Task& t, ValueFold& f, std::size_t group, std::size_t row);

  // A table that belongs to no body (shared by all) read with a definition that has one value per
  // body ("stages that end after this body's first objection"): every row is read once for each
  // body, with that body's values. Returns the tasks that need no such thing.
  std::vector<Task*> per_body_of_global(const input::Table& table, const std::vector<Task*>& ts);

  // One walk over each table's rows computes every given task on that table, for every body.
  void run_pass(const std::vector<Task*>& todo);

  void run_tables(std::map<const input::Table*, std::vector<Task*>>& by_table);

  // ---- clauses ----
  void register_tasks(ClauseEval& ce);

  std::map<std::string, ClauseEval*> by_number;  // the clauses evaluated, reported or read
  std::function<const ClauseVersion*(const std::string&)> resolve;  // see EvaluateOptions::resolve

  ClauseEval& add_clause(const ClauseVersion& v, bool reported);

  // The clause numbers a clause reads results of, in its formulas, ranks and grades.
  static std::set<std::string> clauses_read(const ast::Clause& c);

  // The plan: the clauses asked for, the clauses they read (the version in force on the as-of date,
  // or the caller's), and an order in which every clause comes after those it reads. The checker
  // rejects cycles; one here is a bug.
  std::vector<ClauseEval*> plan(const std::vector<const ClauseVersion*>& versions);

  // The references a formula reads, through the definitions it uses (for the status of a total
  // whose part is out of range).
  void references_in(const ClauseEval& ce, const ast::Expr& e, std::set<std::pair<std::string, std::string>>& refs,
                     std::set<std::size_t>& seen) const;

  void evaluate(const std::vector<const ClauseVersion*>& versions);

  void results_of(ClauseEval& ce, const ast::Result& r, std::vector<ResultRow>& rows);

  // The output a rank or grade orders bodies by: a result of its own clause, or `T of clause N`.
  const Output& subject_of(ClauseEval& ce, const ast::Expr& e) const;

  // Each body's place among the bodies of its group, on exact values (two values that print alike
  // may still differ). n/a and out-of-range values are placed as the rank states, never among the
  // valid ones.
  void rank_of(ClauseEval& ce, const ast::Rank& r, std::vector<ResultRow>& rows);

  // Each body's band: the first whose lower bound its result reaches. An n/a result has no grade;
  // neither has one out of range (never graded as if it were valid).
  void grade_of(ClauseEval& ce, const ast::Grade& g, std::vector<ResultRow>& rows);

  void classify(ResultRow& row, const Value& lo, const Value& hi, Span range_span);
};

}  // namespace ereje::interp::engine
