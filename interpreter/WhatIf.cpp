// What-if questions: the clause evaluated by the engine with values given instead of computed
// (Overrides), and the search for the least change of a count that reaches a target.
#include "interpreter/WhatIf.hpp"

#include <map>

#include "grammar/Parser.hpp"
#include "interpreter/Engine.hpp"

namespace ereje::interp {
namespace {

std::string listed(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "none" : s;
}

std::vector<std::string> definitions_of(const ast::Clause& c) {
  std::vector<std::string> out;
  for (const auto& l : c.lets) out.push_back(l.name);
  for (const auto& k : c.coefficients) out.push_back(k.name);
  return out;
}

// A --set formula: numbers, the clause's definitions (their current values), + - * / and parentheses.
Value calc(const ast::Expr& e, const std::map<std::string, Value>& env, const SetRequest& s, const ast::Clause& c,
           const std::string& number) {
  auto bad = [&]() -> Value {
    throw WhatIfError("--set " + s.name + "=" + s.expr + ": only numbers, the clause's definitions, + - * / and "
                      "parentheses can be used",
                      "write e.g. `--set " + s.name + "=" + s.name + "+3`");
  };
  if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return Value::number(n->value);
  if (const auto* r = std::get_if<ast::NameRef>(&e.node)) {
    auto it = env.find(r->name);
    if (it == env.end()) {
      std::string near = nearest(r->name, definitions_of(c));
      throw WhatIfError("--set " + s.name + "=" + s.expr + ": `" + r->name + "` is not a definition of clause " + number,
                        (near.empty() ? "" : "did you mean `" + near + "`? ") + "the clause defines " +
                            listed(definitions_of(c)));
    }
    if (!it->second.is_missing() && it->second.kind != Kind::Number)
      throw WhatIfError("--set " + s.name + "=" + s.expr + ": `" + r->name + "` is not a number",
                        "--set changes numbers: counts, sums, shares, coefficients");
    return it->second;
  }
  if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
    if (u->op != ast::UnaryOp::Neg) return bad();
    Value v = calc(*u->operand, env, s, c, number);
    return v.is_missing() ? v : Value::number(-v.num);
  }
  if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
    Value l = calc(*b->lhs, env, s, c, number), r = calc(*b->rhs, env, s, c, number);
    if (l.is_missing() || r.is_missing()) return Value::missing();
    switch (b->op) {
      case ast::BinaryOp::Add: return Value::number(l.num + r.num);
      case ast::BinaryOp::Sub: return Value::number(l.num - r.num);
      case ast::BinaryOp::Mul: return Value::number(l.num * r.num);
      case ast::BinaryOp::Div: return r.num.is_zero() ? Value::missing() : Value::number(l.num / r.num);
      default: return bad();
    }
  }
  return bad();
}

// The current values of every definition and coefficient of the clause for this body.
std::map<std::string, Value> current_values(const RuleSet& rules, const Checked& checked, const input::DataSet& data,
                                            Date as_of, const ClauseVersion& version, std::size_t body) {
  const ast::Clause& c = *version.clause;
  std::map<std::string, Value> env;
  Evaluation ev;
  engine::Engine e(rules, checked, data, as_of, ev);
  e.evaluate({&version});
  engine::ClauseEval& ce = *e.by_number.at(version.number);
  for (std::size_t i = 0; i < c.lets.size(); ++i) {
    e.ensure_let(ce, i);
    env[c.lets[i].name] = ce.lets[i][body];
  }
  for (std::size_t i = 0; i < c.coefficients.size(); ++i) env[c.coefficients[i].name] = ce.coefficients[i];
  return env;
}

}  // namespace

SetAnswer what_if_set(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                      const ClauseVersion& version, std::size_t body, const std::vector<SetRequest>& sets) {
  const ast::Clause& c = *version.clause;
  // The current values of every definition of the clause for this body.
  const std::map<std::string, Value> env = current_values(rules, checked, data, as_of, version, body);
  SetAnswer out;
  Overrides ov;
  ov.clause = version.number;
  ov.body = body;
  for (const auto& s : sets) {
    for (const auto& ch : out.changes)
      if (ch.name == s.name)
        throw WhatIfError("--set " + s.name + " is given twice", "give each definition one new value");
    WhatIfChange ch{s.name, s.expr, false, {}, {}};
    std::size_t index = 0;
    bool found = false;
    for (std::size_t i = 0; i < c.lets.size() && !found; ++i)
      if (c.lets[i].name == s.name) index = i, found = true;
    for (std::size_t i = 0; i < c.coefficients.size() && !found; ++i)
      if (c.coefficients[i].name == s.name) index = i, found = ch.coefficient = true;
    if (!found) {
      std::string near = nearest(s.name, definitions_of(c));
      throw WhatIfError("--set " + s.name + ": clause " + version.number + " has no definition or coefficient `" + s.name + "`",
                        (near.empty() ? "" : "did you mean `" + near + "`? ") + "the clause defines " +
                            listed(definitions_of(c)));
    }
    Diagnostics diags;
    auto src = std::make_shared<SourceFile>("--set " + s.name, s.expr);
    ast::ExprPtr x = grammar::parse_expression(src, diags);
    if (!x) {
      std::string why = diags.list().empty() ? "it is not an expression" : diags.list().front().message;
      throw WhatIfError("--set " + s.name + "=" + s.expr + " is not a formula: " + why,
                        "write a formula such as `" + s.name + "+3`, `" + s.name + "*2` or `12`");
    }
    ch.before = env.at(s.name);
    ch.after = calc(*x, env, s, c, version.number);
    if (ch.coefficient && ch.after.is_missing())
      throw WhatIfError("--set " + s.name + "=" + s.expr + " gives the coefficient no value (n/a)",
                        "a coefficient is a number: avoid dividing by zero");
    (ch.coefficient ? ov.coefficients : ov.lets)[index] = ch.after;
    out.changes.push_back(std::move(ch));
  }
  out.before = explain(rules, checked, data, as_of, version, body, false, false);
  out.after = explain(rules, checked, data, as_of, version, body, false, false, &ov);
  // In the explanation after, a changed definition is the value given, not its aggregate.
  for (auto& n : out.after.names)
    for (const auto& ch : out.changes)
      if (n.name == ch.name) {
        n.expr = ch.expr;
        n.aggregates.clear();
      }
  return out;
}

Target parse_target(const std::string& text) {
  auto fail = [&]() -> Target {
    throw WhatIfError("--target `" + text + "` is not RESULT>=VALUE or RESULT<=VALUE",
                      "write e.g. `--target T>=8` or `--target C<=2.5` (a result of the clause, then >= or <=, then a number)");
  };
  std::size_t at = text.find(">=");
  bool at_least = true;
  if (at == std::string::npos) {
    at = text.find("<=");
    at_least = false;
  }
  if (at == std::string::npos) return fail();
  auto trim = [](std::string s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
  };
  Target t;
  t.result = trim(text.substr(0, at));
  t.at_least = at_least;
  auto v = Rational::parse_decimal(trim(text.substr(at + 2)));
  if (t.result.empty() || !grammar::is_plain_name(t.result) || !v) return fail();
  t.value = *v;
  return t;
}

bool reaches(const Outcome& o, const Target& t) {
  if (o.status != Status::Ok || o.value.is_missing() || o.value.kind != Kind::Number) return false;
  return t.at_least ? o.value.num >= t.value : o.value.num <= t.value;
}

namespace {

// Whether the samples are f(x) = (a x + b) / (c x + d) for one (a, b, c, d): then its limit as x
// grows is a / c (none when c = 0: it grows without bound). Three points give the coefficients (the
// minors of the 3 x 4 system), every other sample checks them.
// A line has no limit: `infinite` is then the sign of its slope (the value is n/a).
std::optional<Value> rational_limit(const std::map<std::int64_t, Outcome>& memo, int& infinite) {
  std::vector<std::pair<Rational, Rational>> pts;
  for (const auto& [x, o] : memo)
    if (!o.value.is_missing() && o.value.kind == Kind::Number) pts.emplace_back(Rational(x), o.value.num);
  if (pts.size() < 5) return std::nullopt;
  auto row = [&](std::size_t i) {
    const auto& p = pts[i];
    return std::vector<Rational>{p.first, Rational(1), Rational(0) - p.first * p.second, Rational(0) - p.second};
  };
  std::vector<std::vector<Rational>> m{row(0), row(1), row(2)};
  auto det3 = [&](int skip) {
    std::vector<int> cols;
    for (int j = 0; j < 4; ++j)
      if (j != skip) cols.push_back(j);
    auto a = [&](int r, int k) { return m[static_cast<std::size_t>(r)][static_cast<std::size_t>(cols[static_cast<std::size_t>(k)])]; };
    return a(0, 0) * (a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1)) - a(0, 1) * (a(1, 0) * a(2, 2) - a(1, 2) * a(2, 0)) +
           a(0, 2) * (a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0));
  };
  std::vector<Rational> v;
  for (int j = 0; j < 4; ++j) v.push_back(j % 2 ? Rational(0) - det3(j) : det3(j));
  bool zero = true;
  for (const auto& q : v) zero = zero && q.is_zero();
  if (zero) return std::nullopt;
  for (const auto& [x, y] : pts)
    if (!(v[0] * x + v[1] - (v[2] * x + v[3]) * y).is_zero()) return std::nullopt;
  if (v[2].is_zero()) {  // a straight line: without bound, up or down
    if (v[0].is_zero() || v[3].is_zero()) return std::nullopt;
    infinite = (v[0] / v[3]).sign();
    return Value::missing();
  }
  return Value::number(v[0] / v[2]);
}

}  // namespace

Search least_change(const std::function<Outcome(std::int64_t)>& f, std::int64_t x0, const Target& t) {
  std::map<std::int64_t, Outcome> memo;
  auto at = [&](std::int64_t x) -> const Outcome& {
    auto it = memo.find(x);
    if (it == memo.end()) it = memo.emplace(x, f(x)).first;
    return it->second;
  };
  auto ok = [&](std::int64_t x) { return reaches(at(x), t); };
  Search s;
  // Every change up to kLinearScan, the increase first at each size: the least change there.
  for (std::int64_t d = 1; d <= kLinearScan; ++d) {
    if (ok(x0 + d)) {
      s.found = true, s.change = d, s.at = at(x0 + d);
      return s;
    }
    if (x0 - d >= 0 && ok(x0 - d)) {
      s.found = true, s.change = -d, s.at = at(x0 - d);
      return s;
    }
  }
  // Past it: probes at doubling distances, then bisection inside the first bracket either way.
  std::optional<std::int64_t> up, down;
  for (std::int64_t prev = x0 + kLinearScan, step = kLinearScan; prev < x0 + kSearchCap; step *= 2) {
    std::int64_t p = std::min(x0 + kLinearScan + step, x0 + kSearchCap);
    if (ok(p)) {
      std::int64_t lo = prev, hi = p;
      while (hi - lo > 1) {
        std::int64_t mid = lo + (hi - lo) / 2;
        (ok(mid) ? hi : lo) = mid;
      }
      up = hi - x0;
      break;
    }
    prev = p;
  }
  if (x0 - kLinearScan - 1 >= 0) {
    for (std::int64_t prev = x0 - kLinearScan, step = kLinearScan; prev > 0; step *= 2) {
      std::int64_t p = std::max<std::int64_t>(x0 - kLinearScan - step, 0);
      if (ok(p)) {
        std::int64_t lo = p, hi = prev;
        while (hi - lo > 1) {
          std::int64_t mid = lo + (hi - lo) / 2;
          (ok(mid) ? lo : hi) = mid;
        }
        down = x0 - lo;
        break;
      }
      prev = p;
    }
  }
  if (up || down) {
    s.found = true;
    s.bisection = true;
    s.change = up && (!down || *up <= *down) ? *up : -*down;
    s.at = at(x0 + s.change);
    return s;
  }
  // Not reached: why, from what was tried.
  s.cap_hit = true;
  s.at_zero = at(0);
  bool all_na = true, same = true, out_of_range = false;
  const Value* first = nullptr;
  for (const auto& [x, o] : memo) {
    if (o.value.is_missing()) continue;
    all_na = false;
    if (!first) first = &o.value;
    else if (!engine::equal_values(*first, o.value)) same = false;
    Outcome valid{o.value, Status::Ok};
    if (o.status == Status::OutOfRange && reaches(valid, t)) out_of_range = true;
  }
  if (all_na) s.reason = Reason::NaEverywhere;
  else if (same) s.reason = Reason::NoDependence;
  else if (out_of_range) s.reason = Reason::OutOfRangeOnly;
  else if (auto lim = rational_limit(memo, s.infinite)) s.reason = Reason::Limit, s.limit = *lim;
  else s.reason = Reason::Cap;
  return s;
}

TargetAnswer what_if_target(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                            const ClauseVersion& version, std::size_t body, const Target& target) {
  const ast::Clause& c = *version.clause;
  std::vector<std::string> results;
  for (const auto& r : c.results) results.push_back(r.name);
  bool known = false;
  for (const auto& r : results) known = known || r == target.result;
  if (!known) {
    std::string near = nearest(target.result, results);
    throw WhatIfError("--target: clause " + version.number + " has no result `" + target.result + "`",
                      (near.empty() ? "" : "did you mean `" + near + "`? ") + "the clause's results: " + listed(results));
  }
  TargetAnswer out;
  out.target = target;
  out.now = explain(rules, checked, data, as_of, version, body, false, false);
  for (const auto& r : out.now.results)
    if (r.name == target.result) {
      out.result_now = {r.value, r.status};
      out.range = r.range;
    }
  out.reached_now = reaches(out.result_now, target);
  AggregateCache cache;
  const std::map<std::string, Value> values = current_values(rules, checked, data, as_of, version, body);
  for (std::size_t i = 0; i < c.lets.size(); ++i) {
    const auto* a = std::get_if<ast::Aggregate>(&c.lets[i].value->node);
    if (!a || a->kind != ast::AggregateKind::Count) continue;
    TargetForName n;
    n.name = c.lets[i].name;
    n.current = values.at(n.name);
    if (out.reached_now) {
      out.names.push_back(std::move(n));
      continue;
    }
    if (n.current.is_missing() || n.current.kind != Kind::Number || !n.current.num.is_integer()) {
      n.search.reason = Reason::NotANumber;
      out.names.push_back(std::move(n));
      continue;
    }
    const std::size_t let = i;
    auto f = [&rules, &checked, &data, as_of, &version, body, let, &cache, &target](std::int64_t x) {
      Overrides ov;
      ov.clause = version.number;
      ov.body = body;
      ov.lets[let] = Value::number(Rational(x));
      EvaluateOptions opts;
      opts.cache = &cache;
      opts.overrides = &ov;
      opts.threads = 1;
      Evaluation ev = evaluate(rules, checked, data, as_of, {&version}, opts);
      for (const auto& r : ev.rows)
        if (r.body == body && r.version == &version && r.result == target.result) return Outcome{r.value, r.status};
      return Outcome{Value::missing(), Status::NotApplicable};
    };
    n.search = least_change(f, n.current.num.to_int64(), target);
    out.names.push_back(std::move(n));
  }
  return out;
}

}  // namespace ereje::interp
