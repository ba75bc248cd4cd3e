// The range analysis as `check` reports it: for each result, a proof, a verified counterexample
// (`result-can-leave-range`) or why it is not analysed; for each division by a count, when its
// denominator is zero (`denominator-zero-when`). The model is built in Range.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "grammar/Parser.hpp"
#include "grammar/Visit.hpp"
#include "interpreter/Range.hpp"

namespace ereje::interp {
namespace {

using range::Group;
using range::Lin;
using range::Model;

constexpr std::int64_t kMaxRows = 100000;  // a larger counterexample is not built
constexpr std::size_t kTries = 4;          // counterexamples run before giving up

std::string source_text(const ast::Expr& e) {
  if (!e.span.valid()) return grammar::print_expr(e);
  return e.span.file->text.substr(e.span.begin, e.span.end - e.span.begin);
}

Rational at(const Lin& l, const std::vector<std::pair<std::size_t, std::int64_t>>& x) {
  Rational v = l.c;
  for (const auto& p : x) v = v + l.a[p.first] * Rational(p.second);
  return v;
}

// The smallest t >= 0 with c + f t > 0 (f > 0), or -1 when it is past kMaxRows.
std::int64_t need(const Rational& c, const Rational& f) {
  if (c.sign() > 0) return 0;
  const Rational q = -c / f;
  if (q > Rational(kMaxRows)) return -1;
  return q.to_int64() + 1;
}

struct Candidate {
  std::vector<std::pair<std::size_t, std::int64_t>> x;  // variable, rows
  std::int64_t rows = 0;
  Rational excess;  // F(x) / D(x): how far past the bound
};

// The data sets, smallest first, on which F > 0 while D > 0 (D has no negative coefficient).
// `complete` is false when some way out needs more than kMaxRows rows.
std::vector<Candidate> witnesses(const Lin& F, const Lin& D, const std::vector<bool>& writable, bool& complete) {
  std::vector<Candidate> out;
  complete = true;
  auto consider = [&](std::vector<std::pair<std::size_t, std::int64_t>> x) {
    Candidate c;
    c.x = std::move(x);
    for (const auto& p : c.x) c.rows += p.second;
    c.excess = at(F, c.x) / at(D, c.x);
    out.push_back(std::move(c));
  };
  const std::size_t n = F.a.size();
  if (D.c.sign() > 0) {
    if (F.c.sign() > 0) consider({});
    for (std::size_t i = 0; i < n; ++i) {
      if (F.a[i].sign() <= 0) continue;
      const std::int64_t t = need(F.c, F.a[i]);
      if (t < 0) complete = false;
      else if (writable[i]) consider({{i, t}});
    }
    return out;
  }
  for (std::size_t j = 0; j < n; ++j)
    if (D.a[j].sign() > 0 && (F.c + F.a[j]).sign() > 0 && writable[j]) consider({{j, 1}});
  for (std::size_t i = 0; i < n; ++i) {
    if (F.a[i].sign() <= 0) continue;
    if (D.a[i].sign() > 0) {
      const std::int64_t t = need(F.c, F.a[i]);
      if (t < 0) complete = false;
      else if (writable[i]) consider({{i, std::max<std::int64_t>(t, 1)}});
      continue;
    }
    std::optional<Candidate> best;
    for (std::size_t j = 0; j < n; ++j) {
      if (D.a[j].sign() <= 0) continue;
      const std::int64_t t = need(F.c + F.a[j], F.a[i]);
      if (t < 0) {
        complete = false;
        continue;
      }
      if (!writable[i] || !writable[j]) continue;
      Candidate c;
      c.x = {{i, std::max<std::int64_t>(t, 1)}, {j, 1}};
      c.rows = c.x[0].second + 1;
      c.excess = at(F, c.x) / at(D, c.x);
      if (!best || c.rows < best->rows || (c.rows == best->rows && best->excess < c.excess)) best = c;
    }
    if (best) out.push_back(*best);
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.rows != b.rows ? a.rows < b.rows : b.excess < a.excess;
  });
  return out;
}

// "the body has no rows of `services` where not portal_excluded": when the counts of the
// denominator are all 0, if that is exactly when it is 0; empty otherwise.
std::string zero_words(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const Model& m,
                       const range::Division& d) {
  if (d.den.c.sign() != 0) return {};
  std::set<std::size_t> positive, counted;
  for (std::size_t k = 0; k < d.den.a.size(); ++k) {
    if (d.den.a[k].sign() < 0) return {};
    if (d.den.a[k].sign() > 0) positive.insert(k);
  }
  const auto counts = range::counts_in(rules, checked, v, *d.rhs);
  std::vector<std::string> order;
  std::map<std::string, std::vector<const ast::Aggregate*>> by_table;
  for (const auto* c : counts) {
    auto it = m.members.find(c);
    if (it == m.members.end()) return {};
    counted.insert(it->second.begin(), it->second.end());
    const auto& a = std::get<ast::Aggregate>(c->node);
    if (!by_table.count(a.table)) order.push_back(a.table);
    by_table[a.table].push_back(&a);
  }
  if (positive.empty() || positive != counted) return {};
  std::string words;
  for (const auto& t : order) {
    const input::TableSchema* schema = rules.contract->find(t);
    const auto& aggs = by_table[t];
    std::string where;
    bool all = false;
    for (const auto* a : aggs) {
      if (!a->filter) all = true;
      else where += (where.empty() ? "" : " or ") + (aggs.size() > 1 ? "(" + grammar::print_expr(*a->filter) + ")"
                                                                        : grammar::print_expr(*a->filter));
    }
    if (!words.empty()) words += ", and ";
    words += schema && schema->per_agency ? fmt::format("the body has no rows of `{}`", t)
                                          : fmt::format("table `{}` has no rows", t);
    if (!all) words += " where " + where;
  }
  return words;
}

void note_divisions(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::Result& r,
                    const Model& m, std::set<const ast::Expr*>& noted, Diagnostics& diags) {
  for (const auto& d : m.divisions) {
    if (!noted.insert(d.node).second) continue;
    const std::string words = zero_words(rules, checked, v, m, d);
    if (words.empty()) continue;
    Diagnostic n;
    n.severity = Severity::Note;
    n.code = "denominator-zero-when";
    n.span = d.rhs->span;
    n.message = fmt::format("`{}` is 0, and so {} is n/a, exactly when {}", source_text(*d.rhs), r.name, words);
    std::set<std::size_t> described;
    ast::walk(*d.rhs, [&](const ast::Expr& x) {
      auto it = checked.bindings.find(&x);
      if (it != checked.bindings.end() && it->second.kind == Binding::Kind::Let && described.insert(it->second.index).second) {
        const auto& l = v.clause->lets[it->second.index];
        if (!l.description.empty()) n.notes.push_back({Span{}, fmt::format("`{}`: {}", l.name, l.description)});
      }
    });
    diags.add(std::move(n));
  }
}

RangeFinding analyse(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::Result& r,
                     std::set<const ast::Expr*>& noted, Diagnostics& diags) {
  RangeFinding f;
  f.version = &v;
  f.result = r.name;
  auto lo = r.range_lo ? range::fold(*v.clause, checked, *r.range_lo) : std::nullopt;
  auto hi = r.range_hi ? range::fold(*v.clause, checked, *r.range_hi) : std::nullopt;
  Model m = range::model(rules, checked, v, *r.value);
  note_divisions(rules, checked, v, r, m, noted, diags);
  if (!lo || !hi) {
    f.reason = "its range bounds are not constants the analysis works out";
    return f;
  }
  if (!m.unsupported.empty()) {
    f.reason = m.unsupported;
    return f;
  }
  Lin num = m.num, den = m.den;
  auto all = [](const Lin& l, int sign) {
    return l.c.sign() * sign >= 0 &&
           std::all_of(l.a.begin(), l.a.end(), [&](const Rational& x) { return x.sign() * sign >= 0; });
  };
  if (!all(den, 1)) {
    if (!all(den, -1)) {
      f.reason = "its denominator can be negative";
      return f;
    }
    num.c = -num.c, den.c = -den.c;
    for (auto& x : num.a) x = -x;
    for (auto& x : den.a) x = -x;
  }
  if (den.c.sign() == 0 && std::all_of(den.a.begin(), den.a.end(), [](const Rational& x) { return x.is_zero(); })) {
    f.reason = "its denominator is 0 for every data set: it is always n/a";
    return f;
  }
  // Which rows a test can write: never an empty true/false value (a test fills in false).
  std::vector<bool> writable;
  for (const auto& t : m.tables) {
    const input::TableSchema* schema = rules.contract->find(t.table);
    for (const auto& cell : t.cells) {
      bool ok = true;
      for (std::size_t k = 0; k < t.columns.size(); ++k) {
        const auto* col = schema ? schema->column(t.columns[k].column) : nullptr;
        if (col && col->type == input::ColumnType::Bool && t.columns[k].values[cell[k]].missing) ok = false;
      }
      writable.push_back(ok);
    }
  }
  const std::string range_text = lo->to_exact() + ".." + hi->to_exact();
  bool proved = true;
  for (int side = 0; side < 2; ++side) {
    // above: num - hi * den > 0; below: lo * den - num > 0
    Lin F = num;
    F.c = side == 0 ? num.c - *hi * den.c : *lo * den.c - num.c;
    for (std::size_t i = 0; i < F.a.size(); ++i)
      F.a[i] = side == 0 ? num.a[i] - *hi * den.a[i] : *lo * den.a[i] - num.a[i];
    bool complete = true;
    auto cands = witnesses(F, den, writable, complete);
    if (cands.empty() && complete) continue;
    proved = false;
    const std::string name =
        fmt::format("{} {} its range {}", r.name, side == 0 ? "above" : "below", range_text);
    for (std::size_t c = 0; c < cands.size() && c < kTries; ++c) {
      std::vector<Group> groups;
      for (const auto& [var, rows] : cands[c].x)
        for (std::size_t t = 0; t < m.tables.size(); ++t)
          if (var >= m.tables[t].first_var && var < m.tables[t].first_var + m.tables[t].cells.size())
            groups.push_back({t, var - m.tables[t].first_var, rows});
      if (range::verify_witness(rules, checked, v, r, m.tables, groups, name, f)) {
        diags.warning("result-can-leave-range", r.name_span,
                      fmt::format("`{}` can be {} its range {}: {} = {} for a body with {}", r.name,
                                  side == 0 ? "above" : "below", range_text, r.name, f.value, f.rows),
                      "paste this test into the clause to keep the case on record (it passes):\n" +
                          f.test.substr(0, f.test.size() - 1));
        return f;
      }
    }
    if (f.reason.empty())
      f.reason = cands.empty() ? fmt::format("it can be {} its range only with more than {} rows",
                                             side == 0 ? "above" : "below", kMaxRows)
                               : "no counterexample could be written as a test";
  }
  if (proved) f.kind = RangeFinding::Kind::Proved;
  else f.kind = RangeFinding::Kind::NotProved;
  return f;
}

}  // namespace

RangeReport analyse_ranges(const RuleSet& rules, const Checked& checked, Diagnostics& diags) {
  RangeReport rep;
  if (diags.has_errors()) return rep;
  std::set<const ast::Expr*> noted;
  for (const auto& number : rules.clause_numbers())
    for (const auto& v : rules.clauses.at(number)) {
      if (!v.clause || !checked.clauses.count(&v)) continue;
      for (const auto& r : v.clause->results) {
        RangeFinding f = analyse(rules, checked, v, r, noted, diags);
        auto lo = r.range_lo ? range::fold(*v.clause, checked, *r.range_lo) : std::nullopt;
        auto hi = r.range_hi ? range::fold(*v.clause, checked, *r.range_hi) : std::nullopt;
        const std::string range_text = lo && hi ? lo->to_exact() + ".." + hi->to_exact() : "its range";
        const std::string head = fmt::format("clause {} ({}): {}", v.number, v.label(), r.name);
        switch (f.kind) {
          case RangeFinding::Kind::Proved: rep.lines.push_back(head + " proved within " + range_text); break;
          case RangeFinding::Kind::CanLeave:
            rep.lines.push_back(head + " can leave " + range_text + ": " + r.name + " = " + f.value + " for " + f.rows);
            break;
          case RangeFinding::Kind::NotProved:
            rep.lines.push_back(head + " not proved within " + range_text + ": " + f.reason);
            break;
          case RangeFinding::Kind::NotAnalysed: rep.lines.push_back(head + " not analysed: " + f.reason); break;
        }
        rep.findings.push_back(std::move(f));
      }
    }
  return rep;
}

}  // namespace ereje::interp
