// The evaluation engine (Engine.hpp): expressions, the grouped pass, the plan of clauses and their
// results, ranks and grades. Shared by `run`, `explain` and `diff` (Evaluator.cpp, Explainer.cpp,
// Diff.cpp), so that every path computes with the same code.
#include "interpreter/Engine.hpp"

namespace ereje::interp::engine {

Value Engine::cell(const input::Table& t, std::size_t col, std::size_t row) const {
  const input::Column& c = t.columns[col];
  if (!c.loaded) throw std::logic_error("column " + c.schema->name + " was not loaded for this run");
  std::int32_t v = c.values.empty() ? input::kMissing : c.values[row];
  if (v == input::kMissing) return Value::missing();
  switch (c.schema->type) {
    case ColumnType::Text: { Value x = Value::string(c.dictionary[static_cast<std::size_t>(v)]); x.i = v; return x; }
    case ColumnType::Enum: return Value::string(c.schema->enum_values[static_cast<std::size_t>(v)]);
    case ColumnType::Bool: return Value::boolean(v != 0);
    case ColumnType::Date: return Value::date(Date{v});
    case ColumnType::Whole:
    case ColumnType::Decimal: return Value::number(c.numbers[static_cast<std::size_t>(v)]);
  }
  return Value::missing();
}

Value Engine::node(ClauseEval& ce, const ast::Expr& e, const ast::NameRef&, const Frame& f) {
  const Binding& b = checked.bindings.at(&e);
  switch (b.kind) {
    case Binding::Kind::Let: ensure_let(ce, b.index); return ce.lets[b.index][f.body];
    case Binding::Kind::Coefficient: return ce.coefficients[b.index];
    case Binding::Kind::Column: return cell(*f.table, b.index, f.row);
    case Binding::Kind::Param: return (*f.params)[b.index];
    case Binding::Kind::AsOf: return Value::date(as_of);
    case Binding::Kind::EnumValue:
    case Binding::Kind::TextValue: return Value::string(b.text);
  }
  return Value::missing();
}

Value Engine::node(ClauseEval& ce, const ast::Expr&, const ast::Unary& u, const Frame& f) {
  Value v = eval(ce, *u.operand, f);
  if (v.is_missing()) return v;
  if (u.op == ast::UnaryOp::Not) return Value::boolean(!v.i);
  v.num = -v.num;
  return v;
}

Value Engine::node(ClauseEval& ce, const ast::Expr& e, const ast::Binary& b, const Frame& f) {
  using ast::BinaryOp;
  Value l = eval(ce, *b.lhs, f);
  if (b.op == BinaryOp::And || b.op == BinaryOp::Or) {
    // Three-valued: false and n/a = false; true or n/a = true.
    bool is_and = b.op == BinaryOp::And;
    if (!l.is_missing() && (l.i != 0) != is_and) return l;
    Value r = eval(ce, *b.rhs, f);
    if (!r.is_missing() && (r.i != 0) != is_and) return r;
    if (l.is_missing() || r.is_missing()) return Value::missing();
    return Value::boolean(is_and);
  }
  Value r = eval(ce, *b.rhs, f);
  if (l.is_missing() || r.is_missing()) return Value::missing();
  switch (b.op) {
    case BinaryOp::Eq: return Value::boolean(equal_values(l, r));
    case BinaryOp::Ne: return Value::boolean(!equal_values(l, r));
    case BinaryOp::Lt: return Value::boolean(order_values(l, r) < 0);
    case BinaryOp::Le: return Value::boolean(order_values(l, r) <= 0);
    case BinaryOp::Gt: return Value::boolean(order_values(l, r) > 0);
    case BinaryOp::Ge: return Value::boolean(order_values(l, r) >= 0);
    case BinaryOp::Add:
      if (l.kind == Kind::Date) return shifted(l.i, r.num);
      if (r.kind == Kind::Date) return shifted(r.i, l.num);
      l.num = l.num + r.num;
      return l;
    case BinaryOp::Sub:
      if (l.kind == Kind::Date && r.kind == Kind::Date) return Value::days(Rational(l.i - r.i));
      if (l.kind == Kind::Date) return shifted(l.i, -r.num);
      l.num = l.num - r.num;
      return l;
    case BinaryOp::Mul: {
      Kind k = (l.kind == Kind::Days || r.kind == Kind::Days) ? Kind::Days : Kind::Number;
      Value v = Value::number(l.num * r.num);
      v.kind = k;
      return v;
    }
    case BinaryOp::Div: {
      // The policy of methodology.md: a zero denominator makes the result not applicable.
      if (r.num.is_zero()) return Value::missing();
      Kind k = (l.kind == Kind::Days && r.kind == Kind::Number) ? Kind::Days : Kind::Number;
      Value v = Value::number(l.num / r.num);
      v.kind = k;
      return v;
    }
    case BinaryOp::And:
    case BinaryOp::Or: break;
  }
  (void)e;
  return Value::missing();
}

Value Engine::shifted(std::int64_t day, const Rational& by) {
  if (by < Rational(kFirstDay - kLastDay) || Rational(kLastDay - kFirstDay) < by) return Value::missing();
  const std::int64_t to = day + by.to_int64();
  if (to < kFirstDay || to > kLastDay) return Value::missing();
  return Value::date(Date{static_cast<std::int32_t>(to)});
}

Value Engine::node(ClauseEval& ce, const ast::Expr&, const ast::If& i, const Frame& f) {
  Value c = eval(ce, *i.cond, f);
  if (c.is_missing()) return c;
  return eval(ce, c.i ? *i.then_branch : *i.else_branch, f);
}

Value Engine::node(ClauseEval& ce, const ast::Expr&, const ast::InList& in, const Frame& f) {
  Value v = eval(ce, *in.value, f);
  if (v.is_missing()) return v;
  for (const auto& item : in.items) {
    Value x = eval(ce, *item, f);
    if (!x.is_missing() && equal_values(v, x)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

Value Engine::node(ClauseEval& ce, const ast::Expr& e, const ast::Call& c, const Frame& f) {
  std::vector<Value> args;
  args.reserve(c.args.size());
  for (const auto& a : c.args) args.push_back(eval(ce, *a, f));
  if (auto it = checked.builtins.find(&e); it != checked.builtins.end()) {
    if (it->second == Builtin::Missing) return Value::boolean(args[0].is_missing());
    for (const auto& a : args)
      if (a.is_missing()) return Value::missing();
    int y; unsigned m, d;
    switch (it->second) {
      case Builtin::Round: return Value::number(args[0].num.round(static_cast<int>(args[1].num.to_int64())));
      case Builtin::Days: return Value::days(args[0].num);
      case Builtin::Year: civil_from_days(static_cast<std::int32_t>(args[0].i), y, m, d); return Value::number(Rational(y));
      case Builtin::Month: civil_from_days(static_cast<std::int32_t>(args[0].i), y, m, d); return Value::number(Rational(m));
      case Builtin::Day: civil_from_days(static_cast<std::int32_t>(args[0].i), y, m, d); return Value::number(Rational(d));
      case Builtin::Missing:
      case Builtin::None: break;
    }
    return Value::missing();
  }
  const ast::Function* fn = checked.calls.at(&e);
  Frame inner = f;
  inner.params = &args;
  return eval(ce, *fn->body, inner);
}

Value Engine::node(ClauseEval&, const ast::Expr&, const ast::ClauseRef& r, const Frame& f) {
  return output_of(r.clause, r.name).values[f.body];
}

const Output& Engine::output_of(const std::string& clause, const std::string& name) const {
  auto it = by_number.find(clause);
  if (it != by_number.end())
    if (auto o = it->second->outputs.find(name); o != it->second->outputs.end()) return o->second;
  if (absent.count(clause)) return nothing;
  throw std::logic_error("evaluator: clause " + clause + " result " + name + " read before it was computed");
}

Value Engine::node(ClauseEval& ce, const ast::Expr&, const ast::Total& t, const Frame& f) {
  return fold_total(ce, t, f, nullptr);
}

Value Engine::fold_total(ClauseEval& ce, const ast::Total& t, const Frame& f, std::vector<TotalPartValue>* parts) {
  std::vector<TotalPartValue> ps(t.parts.size());
  bool missing = false;
  Rational all_weight, present_weight;
  for (std::size_t i = 0; i < t.parts.size(); ++i) {
    const ast::TotalPart& p = t.parts[i];
    TotalPartValue& pv = ps[i];
    pv.value = eval(ce, *p.value, f);
    pv.weight = p.weight ? eval(ce, *p.weight, f) : Value::number(Rational(1));
    if (pv.weight.is_missing()) missing = true;
    if (pv.value.is_missing() && p.fallback) {
      pv.value = eval(ce, *p.fallback, f);
      pv.counted_as = true;
    }
    if (pv.value.is_missing()) {
      switch (t.policy) {
        case ast::NaPolicy::CountAs:
          pv.value = eval(ce, *t.count_as, f);
          pv.counted_as = true;
          if (pv.value.is_missing()) missing = true;
          break;
        case ast::NaPolicy::Renormalise:
          // Only a part that adds can give its weight to the others; an n/a deduction has no
          // weight to spread, so without its own `or` value the total is n/a.
          if (p.deduct) missing = true; else pv.left_out = true;
          break;
        case ast::NaPolicy::TotalNa:
        case ast::NaPolicy::Unstated: missing = true; break;
      }
    }
    if (!p.deduct && !pv.weight.is_missing()) {
      all_weight = all_weight + pv.weight.num;
      if (!pv.left_out) present_weight = present_weight + pv.weight.num;
    }
  }
  Value total = Value::missing();
  if (!missing && !(t.policy == ast::NaPolicy::Renormalise && present_weight.is_zero() && !all_weight.is_zero())) {
    const Rational scale = t.policy == ast::NaPolicy::Renormalise && !present_weight.is_zero() ? all_weight / present_weight : Rational(1);
    Rational sum;
    for (std::size_t i = 0; i < t.parts.size(); ++i) {
      TotalPartValue& pv = ps[i];
      if (pv.left_out) continue;
      Rational c = pv.value.num * pv.weight.num;
      if (t.parts[i].deduct) c = -c; else c = c * scale;
      pv.contribution = Value::number(c);
      sum = sum + c;
    }
    total = Value::number(sum);
  }
  if (parts) *parts = std::move(ps);
  return total;
}

Value Engine::node(ClauseEval& ce, const ast::Expr& e, const ast::Aggregate&, const Frame& f) {
  Task& t = *ce.tasks.at(&e);
  if (!t.done) run_pass({&t});
  return t.table->schema->per_agency || t.by_body ? t.result[f.body] : t.result[0];
}

void Engine::ensure_let(ClauseEval& ce, std::size_t i) {
  if (ce.let_done[i]) return;
  if (in_parallel) throw std::logic_error("evaluator: a definition computed while bodies run in parallel");
  const ast::Expr& e = *ce.clause.lets[i].value;
  prepare(ce, e);
  ensure_lets_in(ce, e);  // what it reads is computed first: the bodies' evaluations only read
  auto& vals = ce.lets[i];
  vals.resize(std::max<std::size_t>(bodies(), 1));
  for_bodies([&](std::size_t b) { vals[b] = eval(ce, e, Frame{b, 0, nullptr, nullptr}); });
  if (overrides && overrides->clause == ce.version.number && overrides->body < vals.size())
    if (auto it = overrides->lets.find(i); it != overrides->lets.end()) vals[overrides->body] = it->second;
  ce.let_done[i] = true;
}

void Engine::prepare(ClauseEval& ce, const ast::Expr& e) {
  std::vector<Task*> pending;
  collect(ce, e, pending);
  for (Task* t : pending) {
    for (const ast::Expr* x : {t->value, t->filter})
      if (x) ensure_lets_in(ce, *x);
  }
  std::vector<Task*> todo;
  for (Task* t : pending)
    if (!t->done) todo.push_back(t);
  if (!todo.empty()) run_pass(todo);
}

void Engine::ensure_lets_in(ClauseEval& ce, const ast::Expr& e) {
  walk(e, [&](const ast::Expr& x) {
    if (auto it = checked.bindings.find(&x); it != checked.bindings.end() && it->second.kind == Binding::Kind::Let)
      ensure_let(ce, it->second.index);
    if (auto it = checked.calls.find(&x); it != checked.calls.end()) ensure_lets_in(ce, *it->second->body);
  });
}

void Engine::collect(ClauseEval& ce, const ast::Expr& e, std::vector<Task*>& out_tasks) {
  walk(e, [&](const ast::Expr& x) {
    if (auto it = ce.tasks.find(&x); it != ce.tasks.end()) out_tasks.push_back(it->second);
  });
}

bool Engine::uses_lets(const ast::Expr& e) const {
  bool found = false;
  walk(e, [&](const ast::Expr& x) {
    if (auto it = checked.bindings.find(&x); it != checked.bindings.end() && it->second.kind == Binding::Kind::Let)
      found = true;
    if (std::holds_alternative<ast::ClauseRef>(x.node)) found = true;  // one value per body, like a definition
    if (auto it = checked.calls.find(&x); it != checked.calls.end() && uses_lets(*it->second->body)) found = true;
  });
  return found;
}

void Engine::warn_row(Task& t, std::size_t body, std::size_t row) {
  t.undecided.emplace_back(body, row);
  if (warnings_left == 0) return;
  --warnings_left;
  Span s = t.obligation ? t.obligation->span : t.filter ? t.filter->span : t.value->span;
  Diagnostic d;
  d.severity = Severity::Warning;
  d.code = "undecidable-row";
  d.file = t.table->file;
  d.line = t.table->lines.line(row);
  d.column = 1;
  std::string who = t.table->schema->per_agency ? "body " + data.bodies[body].code + ": " : "";
  d.message = who + "this row leaves `" + grammar::print_expr(t.obligation ? *t.obligation->breach : t.filter ? *t.filter : *t.value) +
              "` undecided (an empty value, or a definition that is n/a); the result is n/a for " +
              (t.table->schema->per_agency ? "this body" : "every body");
  d.help = "rule at " + s.where() + ": guard empty values with missing(...)";
  out.warnings.add(std::move(d));
}

void Engine::warn_at(Span at, const char* code, std::string message, std::string help) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.code = code;
  d.file = at.valid() ? at.file->name : "";
  d.line = at.valid() ? at.line() : 0;
  d.column = at.valid() ? at.column() : 0;
  d.message = std::move(message);
  d.help = std::move(help);
  out.warnings.add(std::move(d));
}

std::string Engine::cache_key(const Task& t) const {
  std::string key = t.table->schema->name;
  key += t.obligation ? "|obligation" : "|" + std::to_string(static_cast<int>(t.agg->kind));
  bool ok = true;
  auto add = [&](const ast::Expr* e) {
    key += "|";
    if (!e) return;
    key += grammar::print_expr(*e);
    walk(*e, [&](const ast::Expr& x) {
      if (std::holds_alternative<ast::Aggregate>(x.node) || std::holds_alternative<ast::ClauseRef>(x.node)) ok = false;
      if (std::holds_alternative<ast::Call>(x.node) && !checked.builtins.count(&x)) ok = false;
      auto it = checked.bindings.find(&x);
      if (it == checked.bindings.end()) return;
      const Binding& b = it->second;
      switch (b.kind) {
        case Binding::Kind::Column: key += "|column " + std::to_string(b.index); break;
        case Binding::Kind::EnumValue:
        case Binding::Kind::TextValue: key += "|value " + b.text; break;
        case Binding::Kind::AsOf: key += "|as_of " + std::to_string(as_of.days); break;
        default: ok = false;
      }
    });
    if (auto ty = checked.types.find(e); ty != checked.types.end()) key += "|type " + std::to_string(static_cast<int>(ty->second));
  };
  add(t.value);
  add(t.obligation ? t.obligation->breach.get() : t.filter);
  return ok ? key : std::string();
}

std::vector<Task*> Engine::fast_pass(const input::Table& table, std::size_t groups, const std::vector<Task*>& all) {
  std::vector<Task*> rest;
  std::vector<std::unique_ptr<fast::FastTask>> compiled;
  std::vector<Task*> owners;
  for (Task* t : all) {
    ClauseEval& ce = *t->clause;
    fast::Scalars sc;
    sc.as_of = as_of;
    sc.coefficient = [&ce](std::size_t i) { return i < ce.coefficients.size() ? &ce.coefficients[i] : nullptr; };
    sc.let_values = [&ce](std::size_t i) -> const std::vector<Value>* {
      return i < ce.lets.size() && ce.let_done[i] ? &ce.lets[i] : nullptr;
    };
    auto ft = std::make_unique<fast::FastTask>();
    ft->kind = kind_of(*t);
    const ast::Expr* cond = t->obligation ? t->obligation->breach.get() : t->filter;
    bool ok = true;
    if (cond) ok = (ft->filter = fast::compile(*cond, table, checked, sc)).has_value() && ft->filter->ty == fast::Ty::Bool;
    if (ok && t->value) {
      ft->value = fast::compile(*t->value, table, checked, sc);
      ok = ft->value && (ft->value->ty == fast::Ty::Int || ft->value->ty == fast::Ty::Date);
      ft->value_kind = fold::value_kind(checked, t->value);
    }
    if (!ok) {
      rest.push_back(t);
      continue;
    }
    owners.push_back(t);
    compiled.push_back(std::move(ft));
  }
  if (compiled.empty()) return rest;
  std::vector<fast::FastTask*> ptrs;
  for (auto& c : compiled) ptrs.push_back(c.get());
  {
    Phase ph("eval: compiled kernels");
    fast::run(table, groups, ptrs, threads);
  }
  // Undecided rows warned in the order the generic loop meets them: by row, then by task.
  std::vector<std::tuple<std::int64_t, std::size_t, std::size_t>> undecided;  // row, task, group
  for (std::size_t k = 0; k < owners.size(); ++k) {
    Task& t = *owners[k];
    t.result = std::move(compiled[k]->result);
    for (std::size_t g = 0; g < groups; ++g)
      if (compiled[k]->first_undecided[g] >= 0) undecided.emplace_back(compiled[k]->first_undecided[g], k, g);
    t.done = true;
  }
  std::sort(undecided.begin(), undecided.end());
  for (const auto& [row, k, g] : undecided) warn_row(*owners[k], g, static_cast<std::size_t>(row));
  return rest;
}

void Engine::fold_row(Task& t, ValueFold& f, std::size_t group, std::size_t row) {
  Frame fr{group, row, t.table, nullptr};
  const ast::Expr* cond = t.obligation ? t.obligation->breach.get() : t.filter;
  if (cond) {
    Value c = eval(*t.clause, *cond, fr);
    if (c.is_missing()) { f.undecide(row); warn_row(t, group, row); return; }
    if (!c.i) return;
  }
  if (!t.value) { f.count(); return; }
  Value v = eval(*t.clause, *t.value, fr);
  if (v.is_missing()) { f.undecide(row); warn_row(t, group, row); return; }
  f.add(kind_of(t), v);
}

std::vector<Task*> Engine::per_body_of_global(const input::Table& table, const std::vector<Task*>& ts) {
  std::vector<Task*> rest;
  for (Task* tp : ts) {
    Task& t = *tp;
    bool needs = (t.value && uses_lets(*t.value)) || (t.filter && uses_lets(*t.filter));
    if (!needs) {
      rest.push_back(tp);
      continue;
    }
    t.by_body = true;
    t.result.assign(bodies(), Value::missing());
    const Kind value_kind = fold::value_kind(checked, t.value);
    for (std::size_t b = 0; b < bodies(); ++b) {
      ValueFold f;
      for (std::size_t row = 0; row < table.rows && !f.undecided(); ++row) fold_row(t, f, b, row);
      t.result[b] = f.finish(kind_of(t), value_kind);
    }
    t.done = true;
  }
  return rest;
}

void Engine::run_pass(const std::vector<Task*>& todo) {
  if (in_parallel) throw std::logic_error("evaluator: an aggregate computed while bodies run in parallel");
  std::map<const input::Table*, std::vector<Task*>> by_table;
  std::vector<std::pair<Task*, std::string>> to_keep;  // computed here, for the cache
  for (Task* t : todo) {
    if (t->done) continue;
    if (cache) {
      if (std::string key = cache_key(*t); !key.empty()) {
        if (auto hit = cache->entries.find(key); hit != cache->entries.end()) {
          t->result = hit->second.result;
          for (const auto& [body, row] : hit->second.undecided) warn_row(*t, body, row);
          t->done = true;
          ++cache->hits;
          continue;
        }
        to_keep.emplace_back(t, std::move(key));
      }
    }
    by_table[t->table].push_back(t);
  }
  run_tables(by_table);
  for (auto& [t, key] : to_keep)
    if (t->done) cache->entries.emplace(std::move(key), AggregateCache::Entry{t->result, t->undecided});
}

void Engine::run_tables(std::map<const input::Table*, std::vector<Task*>>& by_table) {
  for (auto& [table, all] : by_table) {
    bool per_body = table->schema->per_agency;
    std::size_t groups = per_body ? bodies() : 1;
    std::vector<Task*> ts = all;
    if (use_fast)
      for (const auto& optimise : optimisers) ts = optimise(*this, *table, groups, ts);  // what none could take
    if (!per_body) ts = per_body_of_global(*table, ts);
    std::vector<std::vector<ValueFold>> folds(ts.size(), std::vector<ValueFold>(groups));  // [task][group]
    std::optional<Phase> ph_generic;
    if (!ts.empty()) ph_generic.emplace("eval: generic row loop");
    for (std::size_t row = 0; !ts.empty() && row < table->rows; ++row) {  // nothing left: no pass at all
      std::size_t g = per_body ? static_cast<std::size_t>(table->body(row)) : 0;
      for (std::size_t k = 0; k < ts.size(); ++k)
        if (!folds[k][g].undecided()) fold_row(*ts[k], folds[k][g], g, row);
    }
    for (std::size_t k = 0; k < ts.size(); ++k) {
      Task& t = *ts[k];
      const Kind value_kind = fold::value_kind(checked, t.value);
      t.result.assign(groups, Value::missing());
      for (std::size_t g = 0; g < groups; ++g) t.result[g] = folds[k][g].finish(kind_of(t), value_kind);
      t.done = true;
    }
  }
}

void Engine::register_tasks(ClauseEval& ce) {
  auto add = [&](const ast::Expr* node, const ast::Aggregate* agg, const ast::Obligation* ob) {
    auto t = std::make_unique<Task>();
    t->agg = agg;
    t->obligation = ob;
    t->table = &data.table(agg ? agg->table : ob->table);
    t->value = agg ? agg->value.get() : nullptr;
    t->filter = agg ? agg->filter.get() : nullptr;
    t->clause = &ce;
    if (node) ce.tasks[node] = t.get();
    tasks.push_back(std::move(t));
    return tasks.back().get();
  };
  auto scan = [&](const ast::Expr& e) {
    walk(e, [&](const ast::Expr& x) {
      if (const auto* a = std::get_if<ast::Aggregate>(&x.node)) add(&x, a, nullptr);
    });
  };
  for (const auto& l : ce.clause.lets) scan(*l.value);
  for (const auto& r : ce.clause.results) scan(*r.value);
  for (const auto& o : ce.clause.obligations) ce.obligations[&o] = add(nullptr, nullptr, &o);
}

ClauseEval& Engine::add_clause(const ClauseVersion& v, bool reported) {
  auto ce = std::make_unique<ClauseEval>(*this, v);
  ce->reported = reported;
  ce->lets.resize(v.clause->lets.size());
  ce->let_done.assign(v.clause->lets.size(), false);
  for (const auto& c : v.clause->coefficients) {
    ce->coefficients.push_back(eval(*ce, *c.value, Frame{}));
    if (overrides && overrides->clause == v.number)
      if (auto it = overrides->coefficients.find(ce->coefficients.size() - 1); it != overrides->coefficients.end())
        ce->coefficients.back() = it->second;
  }
  register_tasks(*ce);
  by_number[v.number] = ce.get();
  clause_evals.push_back(std::move(ce));
  return *clause_evals.back();
}

std::set<std::string> Engine::clauses_read(const ast::Clause& c) {
  std::set<std::string> out;
  auto scan = [&](const ast::Expr& e) {
    walk_all(e, [&](const ast::Expr& x) {
      if (const auto* r = std::get_if<ast::ClauseRef>(&x.node)) out.insert(r->clause);
    });
  };
  for (const auto& l : c.lets) scan(*l.value);
  for (const auto& r : c.results) scan(*r.value);
  for (const auto& o : c.obligations) scan(*o.breach);
  for (const auto& r : c.ranks) scan(*r.subject);
  for (const auto& g : c.grades) scan(*g.subject);
  return out;
}

std::vector<ClauseEval*> Engine::plan(const std::vector<const ClauseVersion*>& versions) {
  for (const ClauseVersion* v : versions) add_clause(*v, true);
  for (std::size_t i = 0; i < clause_evals.size(); ++i) {
    ClauseEval& ce = *clause_evals[i];
    for (const std::string& n : clauses_read(ce.clause)) {
      if (absent.count(n)) continue;
      if (!by_number.count(n)) {
        const ClauseVersion* w = resolve ? resolve(n) : rules.in_force(n, as_of);
        if (!w || !w->clause) {
          // Only a date outside the reader's own period gets here (`check` makes every version's
          // parts in force throughout it): a test's as_of, say. What it reads of it is then n/a.
          absent.insert(n);
          warn_at(ce.clause.number_span, "part-not-in-force",
                  "clause " + ce.version.number + " reads clause " + n + ", which is not in force on " +
                      format_date(as_of) + ": what it reads of it is n/a",
                  "evaluate on a date when both clauses are in force");
          continue;
        }
        add_clause(*w, false);
      }
      clause_evals[i]->reads.push_back(by_number.at(n));
    }
  }
  nothing.values.assign(bodies(), Value::missing());
  nothing.status.assign(bodies(), Status::NotApplicable);
  std::vector<ClauseEval*> order;
  std::map<ClauseEval*, int> state;
  std::function<void(ClauseEval*)> visit = [&](ClauseEval* ce) {
    if (state[ce] == 2) return;
    if (state[ce] == 1) throw std::logic_error("evaluator: clauses read each other in a cycle at clause " + ce->version.number);
    state[ce] = 1;
    for (ClauseEval* r : ce->reads) visit(r);
    state[ce] = 2;
    order.push_back(ce);
  };
  for (auto& ce : clause_evals) visit(ce.get());
  return order;
}

void Engine::references_in(const ClauseEval& ce, const ast::Expr& e, std::set<std::pair<std::string, std::string>>& refs,
                   std::set<std::size_t>& seen) const {
  walk_all(e, [&](const ast::Expr& x) {
    if (const auto* r = std::get_if<ast::ClauseRef>(&x.node)) refs.insert({r->clause, r->name});
    if (auto it = checked.bindings.find(&x); it != checked.bindings.end() && it->second.kind == Binding::Kind::Let &&
                                             it->second.index < ce.clause.lets.size() && seen.insert(it->second.index).second)
      references_in(ce, *ce.clause.lets[it->second.index].value, refs, seen);
  });
}

void Engine::evaluate(const std::vector<const ClauseVersion*>& versions) {
  const std::vector<ClauseEval*> planned = plan(versions);
  // The shared pass: every aggregate whose rows need no per-body definition, for all clauses.
  std::vector<Task*> ready;
  for (const auto& t : tasks) {
    bool needs = (t->value && uses_lets(*t->value)) || (t->filter && uses_lets(*t->filter)) ||
                 (t->obligation && uses_lets(*t->obligation->breach));
    if (!needs) ready.push_back(t.get());
  }
  {
    Phase ph("eval: shared pass");
    run_pass(ready);
  }
  Phase ph_rows("eval: results per body");
  std::vector<ResultRow> rows;
  {
    // One row per body for each output: reserved once (a row is large; regrowing moves them all).
    std::size_t outputs = 0;
    for (const ClauseEval* cep : planned)
      outputs += cep->clause.results.size() + cep->clause.obligations.size() + cep->clause.ranks.size() +
                 cep->clause.grades.size();
    rows.reserve(outputs * bodies());
  }
  for (ClauseEval* cep : planned) {
    ClauseEval& ce = *cep;
    const std::size_t first = rows.size();
    for (const auto& r : ce.clause.results) results_of(ce, r, rows);
    for (const auto& o : ce.clause.obligations) {
      Task& t = *ce.obligations.at(&o);
      ensure_lets_in(ce, *o.breach);
      if (!t.done) run_pass({&t});
      Output& out_o = ce.outputs[o.name];
      for (std::size_t b = 0; b < bodies(); ++b) {
        ResultRow row{b, &ce.version, o.name, t.result[b], 0, Status::Ok, o.name_span, OutputKind::Obligation, nullptr};
        row.status = row.value.is_missing() ? Status::NotApplicable : Status::Ok;
        out_o.values.push_back(row.value);
        out_o.status.push_back(row.status);
        rows.push_back(std::move(row));
      }
    }
    for (const auto& r : ce.clause.ranks) rank_of(ce, r, rows);
    for (const auto& g : ce.clause.grades) grade_of(ce, g, rows);
    if (!ce.reported) rows.resize(first);
  }
  // Each (version, result) above made one block of rows, one per body in body order. The rows'
  // order (body, clause number, result name; the order made on ties) is then each body's row of
  // every block, the blocks sorted once: no sort of tens of thousands of rows.
  auto before = [](const ResultRow& a, const ResultRow& b) {
    if (a.version->number != b.version->number) return clause_number_less(a.version->number, b.version->number);
    return a.result < b.result;
  };
  const std::size_t n = bodies();
  bool blocks_ok = n > 0 && rows.size() % n == 0;
  for (std::size_t i = 0; blocks_ok && i < rows.size(); ++i) blocks_ok = rows[i].body == i % n;
  if (blocks_ok) {
    const std::size_t blocks = rows.size() / n;
    std::vector<std::size_t> order(blocks);
    for (std::size_t k = 0; k < blocks; ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return before(rows[x * n], rows[y * n]); });
    // Place i of the result takes body i / blocks's row of block order[i % blocks]: the rows are
    // moved into place along the permutation's cycles, in the same vector (a second vector of
    // every row would be megabytes of fresh pages with many bodies).
    auto from = [&](std::size_t i) { return order[i % blocks] * n + i / blocks; };
    std::vector<bool> placed(rows.size(), false);
    for (std::size_t start = 0; start < rows.size(); ++start) {
      if (placed[start]) continue;
      ResultRow first = std::move(rows[start]);
      std::size_t i = start;
      for (std::size_t j = from(i); j != start; i = j, j = from(j)) {
        rows[i] = std::move(rows[j]);
        placed[i] = true;
      }
      rows[i] = std::move(first);
      placed[i] = true;
    }
  } else {
    std::stable_sort(rows.begin(), rows.end(), [&](const ResultRow& a, const ResultRow& b) {
      return a.body != b.body ? a.body < b.body : before(a, b);
    });
  }
  out.rows = std::move(rows);
}

void Engine::results_of(ClauseEval& ce, const ast::Result& r, std::vector<ResultRow>& rows) {
  prepare(ce, *r.value);
  ensure_lets_in(ce, *r.value);
  Value lo = r.range_lo ? eval(ce, *r.range_lo, Frame{}) : Value::missing();
  Value hi = r.range_hi ? eval(ce, *r.range_hi, Frame{}) : Value::missing();
  std::vector<Value> values(bodies());
  for_bodies([&](std::size_t b) { values[b] = eval(ce, *r.value, Frame{b, 0, nullptr, nullptr}); });
  std::set<std::pair<std::string, std::string>> refs;
  std::set<std::size_t> seen;
  references_in(ce, *r.value, refs, seen);
  Output& o = ce.outputs[r.name];
  for (std::size_t b = 0; b < bodies(); ++b) {
    ResultRow row{b, &ce.version, r.name, std::move(values[b]), r.round, Status::Ok, r.name_span, OutputKind::Result, nullptr};
    classify(row, lo, hi, r.range_span);
    // A value computed from a part out of range is no more trustworthy than the part: flagged too.
    if (row.status == Status::Ok)
      for (const auto& [clause, name] : refs)
        if (output_of(clause, name).status[b] == Status::OutOfRange) {
          row.status = Status::OutOfRange;
          warn_at(r.name_span, "out-of-range-part",
                  fmt::format("body {}: clause {} result {} = {} uses clause {} result {}, which is out of range for "
                              "this body; flagged out_of_range too",
                              data.bodies[b].code, ce.version.number, r.name, row.text(), clause, name),
                  "check the part's data first: `ereje explain` shows it");
          break;
        }
    o.values.push_back(row.value);
    o.status.push_back(row.status);
    rows.push_back(std::move(row));
  }
}

const Output& Engine::subject_of(ClauseEval& ce, const ast::Expr& e) const {
  if (const auto* r = std::get_if<ast::ClauseRef>(&e.node)) return output_of(r->clause, r->name);
  return output_of(ce.version.number, std::get<ast::NameRef>(e.node).name);
}

void Engine::rank_of(ClauseEval& ce, const ast::Rank& r, std::vector<ResultRow>& rows) {
  const Output& subj = subject_of(ce, *r.subject);
  const std::size_t n = bodies();
  std::vector<std::string> group(n);
  std::vector<bool> grouped(n, true);
  if (r.within) {
    const input::TableSchema* bt = data.contract ? data.contract->bodies() : nullptr;
    const input::Table* table = bt ? &data.table(bt->name) : nullptr;
    const int col = bt ? bt->column_index(*r.within) : -1;
    std::fill(grouped.begin(), grouped.end(), false);
    for (std::size_t row = 0; table && col >= 0 && row < table->rows; ++row) {
      const std::size_t b = static_cast<std::size_t>(table->body(row));
      Value v = cell(*table, static_cast<std::size_t>(col), row);
      if (b < n && !v.is_missing()) {
        group[b] = v.kind == Kind::Text ? v.text : v.show();
        grouped[b] = true;
      }
    }
  }
  std::vector<Value> rank(n, Value::missing());
  std::vector<Status> status(n, Status::Ok);
  std::map<std::string, std::vector<std::size_t>> members;
  for (std::size_t b = 0; b < n; ++b) {
    if (!grouped[b]) {
      status[b] = Status::Unranked;
      warn_at(r.within_span, "rank-no-group",
              fmt::format("body {} has no `{}` in the table of bodies: rank {} of clause {} leaves it unranked",
                          data.bodies[b].code, *r.within, r.name, ce.version.number),
              "fill in the body's " + *r.within + " in the table of bodies");
      continue;
    }
    members[group[b]].push_back(b);
  }
  for (auto& [g, bs] : members) {
    std::vector<std::size_t> valid, last;
    for (std::size_t b : bs) {
      const Status st = subj.status[b];
      const ast::Rank::Place place = st == Status::Ok ? ast::Rank::Place::Unstated
                                     : st == Status::OutOfRange ? r.out_of_range : r.na;
      if (st == Status::Ok) valid.push_back(b);
      else if (place == ast::Rank::Place::Last) last.push_back(b);
      else status[b] = Status::Unranked;
    }
    std::stable_sort(valid.begin(), valid.end(), [&](std::size_t x, std::size_t y) {
      return r.highest_first ? subj.values[y].num < subj.values[x].num : subj.values[x].num < subj.values[y].num;
    });
    std::int64_t distinct = 0;
    for (std::size_t i = 0; i < valid.size(); ++i) {
      const bool tie = i > 0 && subj.values[valid[i]].num == subj.values[valid[i - 1]].num;
      if (!tie) ++distinct;
      const std::int64_t place = r.ties == ast::Rank::Ties::Dense ? distinct
                                 : tie ? rank[valid[i - 1]].num.to_int64() : static_cast<std::int64_t>(i) + 1;
      rank[valid[i]] = Value::number(Rational(place));
    }
    const std::int64_t after = r.ties == ast::Rank::Ties::Dense ? distinct + 1 : static_cast<std::int64_t>(valid.size()) + 1;
    for (std::size_t b : last) {
      rank[b] = Value::number(Rational(after));
      status[b] = Status::PlacedLast;
    }
  }
  for (std::size_t b = 0; b < n; ++b)
    rows.push_back(ResultRow{b, &ce.version, r.name, rank[b], 0, status[b], r.name_span, OutputKind::Rank, nullptr});
}

void Engine::grade_of(ClauseEval& ce, const ast::Grade& g, std::vector<ResultRow>& rows) {
  const Output& subj = subject_of(ce, *g.subject);
  std::vector<Value> bounds;
  for (const auto& band : g.bands) bounds.push_back(band.from ? eval(ce, *band.from, Frame{}) : Value::missing());
  for (std::size_t b = 0; b < bodies(); ++b) {
    ResultRow row{b, &ce.version, g.name, Value::missing(), 0, subj.status[b], g.name_span, OutputKind::Grade, nullptr};
    if (subj.status[b] == Status::Ok) {
      for (std::size_t k = 0; k < g.bands.size(); ++k)
        if (!g.bands[k].from || (!bounds[k].is_missing() && !(subj.values[b].num < bounds[k].num))) {
          row.value = Value::string(g.bands[k].name);
          row.band = &g.bands[k];
          break;
        }
    } else if (subj.status[b] != Status::OutOfRange) {
      row.status = Status::NotApplicable;
    }
    rows.push_back(std::move(row));
  }
}

void Engine::classify(ResultRow& row, const Value& lo, const Value& hi, Span range_span) {
  if (row.value.is_missing()) {
    row.status = Status::NotApplicable;
    return;
  }
  bool below = !lo.is_missing() && row.value.num < lo.num;
  bool above = !hi.is_missing() && row.value.num > hi.num;
  if (!below && !above) return;
  row.status = Status::OutOfRange;
  warn_at(range_span, "out-of-range",
          fmt::format("body {}: clause {} result {} = {} is outside its range {}..{}; kept, not clamped, and flagged "
                      "out_of_range",
                      data.bodies[row.body].code, row.version->number, row.result, row.text(), lo.num.to_exact(),
                      hi.num.to_exact()),
          "check the body's data for rows that contradict each other; the value is reported as computed");
}

}  // namespace ereje::interp::engine
