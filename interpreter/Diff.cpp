// Semantic diff of two rule sets and its impact on data. Changes are found by comparing canonical
// forms (print_expr), so layout and comments never show. Attribution re-applies the changes to the
// old clause one at a time, re-checks and re-evaluates each step, and takes the move of the
// printed value at each step: the parts telescope, so they sum exactly to the total.
#include "interpreter/Diff.hpp"

#include "core/Labels.hpp"
#include "grammar/Visit.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <set>
#include <sstream>

#include "grammar/Parser.hpp"

namespace ereje::interp {

const char* kind_name(Change::Kind k) {
  using K = Change::Kind;
  switch (k) {
    case K::ClauseAdded: return "clause_added";
    case K::ClauseRemoved: return "clause_removed";
    case K::NewVersion: return "new_version";
    case K::InForceMoved: return "in_force_moved";
    case K::TitleChanged: return "title_changed";
    case K::TextChanged: return "text_changed";
    case K::EvidenceChanged: return "evidence_changed";
    case K::CoefficientAdded: return "coefficient_added";
    case K::CoefficientRemoved: return "coefficient_removed";
    case K::CoefficientChanged: return "coefficient_changed";
    case K::DefinitionAdded: return "definition_added";
    case K::DefinitionRemoved: return "definition_removed";
    case K::DefinitionChanged: return "definition_changed";
    case K::FilterTermAdded: return "filter_term_added";
    case K::FilterTermRemoved: return "filter_term_removed";
    case K::ResultAdded: return "result_added";
    case K::ResultRemoved: return "result_removed";
    case K::ResultChanged: return "result_changed";
    case K::TotalChanged: return "total_changed";
    case K::RangeChanged: return "range_changed";
    case K::RoundingChanged: return "rounding_changed";
    case K::ObligationChanged: return "obligation_changed";
    case K::AsOfMoved: return "as_of_moved";
  }
  return "?";
}

std::string describe(const Change& c) {
  using K = Change::Kind;
  // The words are the label catalogue's (core/Labels.cpp), which the kk and ru reviews share.
  auto say = [](const char* key, const auto&... args) {
    return fmt::format(fmt::runtime(label_text(key, "en")), args...);
  };
  const std::string code = "`" + c.subject + "`";
  switch (c.kind) {
    case K::ClauseAdded: return say("change_clause_added", c.after);
    case K::ClauseRemoved: return say("change_clause_removed", c.before);
    case K::NewVersion:
      // An amendment (`amends`) changes only the items it writes: the changes below are all of it.
      return say(c.detail == "amends" ? "change_new_version_amending" : "change_new_version_replacing", c.after, c.before);
    case K::InForceMoved: return say("change_in_force", c.before, c.after);
    case K::TitleChanged: return say("change_title", c.subject, c.detail);
    case K::TextChanged: return say("change_text", c.subject, c.detail);
    case K::EvidenceChanged: return say("change_evidence", c.subject, c.before, c.after);
    case K::CoefficientAdded: return say("change_coefficient_added", code, c.after);
    case K::CoefficientRemoved: return say("change_coefficient_removed", code, c.before);
    case K::CoefficientChanged: return say("change_coefficient", code, c.before, c.after);
    case K::DefinitionAdded: return say("change_definition_added", code, c.after);
    case K::DefinitionRemoved: return say("change_definition_removed", code, c.before);
    case K::DefinitionChanged: return say("change_definition", code, c.before, c.after);
    case K::FilterTermAdded: return say("change_term_added", code, "`" + c.detail + "`");
    case K::FilterTermRemoved: return say("change_term_removed", code, "`" + c.detail + "`");
    case K::ResultAdded: return say("change_result_added", code, c.after);
    case K::ResultRemoved: return say("change_result_removed", code, c.before);
    case K::ResultChanged: return say("change_result", code, c.before, c.after);
    case K::TotalChanged:
      if (c.before.empty()) return say("change_total_added", code, c.detail, c.after);
      if (c.after.empty()) return say("change_total_removed", code, c.detail, c.before);
      return say("change_total", code, c.detail, c.before, c.after);
    case K::RangeChanged: return say("change_range", code, c.before, c.after);
    case K::RoundingChanged: return say("change_rounding", code, c.before, c.after);
    case K::ObligationChanged: return say("change_obligation", code, c.before, c.after);
    case K::AsOfMoved: return say("change_as_of", c.before, c.after);
  }
  return "";
}

namespace {

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

}  // namespace

std::string word_diff(const std::string& a, const std::string& b) { return word_diff(a, b, {"[-", "-]", "{+", "+}"}); }

std::string word_diff(const std::string& a, const std::string& b, const DiffMarks& marks) {
  auto x = words(a), y = words(b);
  if (marks.escape) {
    for (auto& w : x) w = marks.escape(w);
    for (auto& w : y) w = marks.escape(w);
  }
  // Longest common subsequence of words; texts are paragraphs, so n*m stays small.
  std::vector<std::vector<std::uint32_t>> l(x.size() + 1, std::vector<std::uint32_t>(y.size() + 1, 0));
  for (std::size_t i = x.size(); i-- > 0;)
    for (std::size_t j = y.size(); j-- > 0;)
      l[i][j] = x[i] == y[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
  std::string out, del, ins;
  auto flush = [&] {
    if (!del.empty()) out += (out.empty() ? "" : " ") + marks.del_open + del + marks.del_close;
    if (!ins.empty()) out += (out.empty() ? "" : " ") + marks.ins_open + ins + marks.ins_close;
    del.clear();
    ins.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      flush();
      out += (out.empty() ? "" : " ") + x[i];
      ++i, ++j;
    } else if (j < y.size() && (i == x.size() || l[i][j + 1] >= l[i + 1][j])) {
      ins += (ins.empty() ? "" : " ") + y[j++];
    } else {
      del += (del.empty() ? "" : " ") + x[i++];
    }
  }
  flush();
  return out;
}

namespace {

std::string show(const ast::ExprPtr& e) { return e ? grammar::print_expr(*e) : ""; }

// The terms of a filter joined by `and` at the top level.
void terms_of(const ast::ExprPtr& e, std::vector<ast::ExprPtr>& out) {
  if (!e) return;
  if (const auto* b = std::get_if<ast::Binary>(&e->node); b && b->op == ast::BinaryOp::And) {
    terms_of(b->lhs, out);
    terms_of(b->rhs, out);
    return;
  }
  out.push_back(e);
}

// Two aggregates that differ only in the terms of their filter.
bool same_but_filter(const ast::Expr& a, const ast::Expr& b) {
  const auto* x = std::get_if<ast::Aggregate>(&a.node);
  const auto* y = std::get_if<ast::Aggregate>(&b.node);
  return x && y && x->kind == y->kind && x->table == y->table && show(x->value) == show(y->value);
}

ast::ExprPtr join_terms(const std::vector<ast::ExprPtr>& terms) {
  ast::ExprPtr out;
  for (const auto& t : terms)
    out = out ? std::make_shared<const ast::Expr>(
                    ast::Expr{t->span, ast::Binary{ast::BinaryOp::And, out, t, Span{}}})
              : t;
  return out;
}

ast::ExprPtr with_filter(const ast::Expr& agg, const std::vector<ast::ExprPtr>& terms) {
  ast::Aggregate a = std::get<ast::Aggregate>(agg.node);
  a.filter = join_terms(terms);
  return std::make_shared<const ast::Expr>(ast::Expr{agg.span, std::move(a)});
}

std::string version_name(const ClauseVersion& v) {
  return "act \"" + v.act->id + "\" from " + v.label();
}

template <typename T>
const T* by_name(const std::vector<T>& items, const std::string& name) {
  for (const auto& i : items)
    if (i.name == name) return &i;
  return nullptr;
}

// One step of the attribution: how to turn the work clause one change further.
struct Step {
  std::string label;
  std::function<void(ast::Clause&)> apply;
};

class ClauseComparer {
 public:
  ClauseComparer(ClauseDiff& d) : d_(d) {}

  void add(Change::Kind k, std::string subject, std::string before, std::string after, Span old_at, Span new_at,
           std::string detail = {}, bool affects = false) {
    d_.changes.push_back({k, d_.number, std::move(subject), std::move(before), std::move(after), std::move(detail),
                          old_at, new_at, affects});
  }

  void texts(const std::vector<ast::Text>& a, const std::vector<ast::Text>& b, Change::Kind kind) {
    std::set<std::string> langs;
    for (const auto& t : a) langs.insert(t.lang);
    for (const auto& t : b) langs.insert(t.lang);
    for (const auto& lang : langs) {
      std::string x, y;
      Span sx, sy;
      for (const auto& t : a)
        if (t.lang == lang) { x = t.value; sx = t.span; }
      for (const auto& t : b)
        if (t.lang == lang) { y = t.value; sy = t.span; }
      if (words(x) != words(y)) add(kind, lang, x, y, sx, sy, word_diff(x, y));
    }
  }

  // Two totals that differ in their parts (matched by what each part adds up), weights, values
  // when n/a or policy: one change per difference, each a step of the attribution. False when
  // either is no total, or a part appears twice in one (then the result is compared whole).
  bool total_parts(const std::string& name, const ast::Expr& a, const ast::Expr& b, Span sa, Span sb,
                   std::vector<Step>& steps) {
    const auto* ta = std::get_if<ast::Total>(&a.node);
    const auto* tb = std::get_if<ast::Total>(&b.node);
    if (!ta || !tb) return false;
    auto key = [](const ast::TotalPart& p) { return (p.deduct ? "deduct " : "") + show(p.value); };
    std::map<std::string, const ast::TotalPart*> pa, pb;
    for (const auto& p : ta->parts)
      if (!pa.emplace(key(p), &p).second) return false;
    for (const auto& p : tb->parts)
      if (!pb.emplace(key(p), &p).second) return false;
    // Each step edits the work clause's total (a copy: expressions are shared and immutable).
    auto edit = [name](const std::function<void(ast::Total&)>& f) {
      return [name, f](ast::Clause& w) {
        for (auto& x : w.results)
          if (x.name == name)
            if (const auto* t = std::get_if<ast::Total>(&x.value->node)) {
              ast::Total copy = *t;
              f(copy);
              x.value = std::make_shared<const ast::Expr>(ast::Expr{x.value->span, std::move(copy)});
            }
      };
    };
    auto opt_show = [](const ast::ExprPtr& e, const char* none) { return e ? show(e) : std::string(none); };
    auto changed = [&](const std::string& detail, std::string before, std::string after, std::function<void(ast::Total&)> f) {
      add(Change::Kind::TotalChanged, name, std::move(before), std::move(after), sa, sb, detail, true);
      steps.push_back({describe(d_.changes.back()), edit(std::move(f))});
    };
    for (const auto& p : ta->parts)
      if (!pb.count(key(p)))
        changed(fmt::format(fmt::runtime(label_text("total_part", "en")), "`" + key(p) + "`"), grammar::print_total_part(p), "", [k = key(p), key](ast::Total& t) {
          t.parts.erase(std::remove_if(t.parts.begin(), t.parts.end(), [&](const ast::TotalPart& x) { return key(x) == k; }),
                        t.parts.end());
        });
    for (const auto& p : tb->parts) {
      auto it = pa.find(key(p));
      if (it == pa.end()) {
        changed(fmt::format(fmt::runtime(label_text("total_part", "en")), "`" + key(p) + "`"), "", grammar::print_total_part(p), [p](ast::Total& t) { t.parts.push_back(p); });
        continue;
      }
      const ast::TotalPart& o = *it->second;
      auto set = [k = key(p), key](std::function<void(ast::TotalPart&)> g) {
        return [k, key, g](ast::Total& t) {
          for (auto& x : t.parts)
            if (key(x) == k) g(x);
        };
      };
      if (opt_show(o.weight, "1") != opt_show(p.weight, "1"))
        changed(fmt::format(fmt::runtime(label_text("total_part_weight", "en")), "`" + key(p) + "`"), opt_show(o.weight, "1"), opt_show(p.weight, "1"),
                set([w = p.weight](ast::TotalPart& x) { x.weight = w; }));
      if (opt_show(o.fallback, "none") != opt_show(p.fallback, "none"))
        changed(fmt::format(fmt::runtime(label_text("total_part_when_na", "en")), "`" + key(p) + "`"), opt_show(o.fallback, "none"), opt_show(p.fallback, "none"),
                set([v = p.fallback](ast::TotalPart& x) { x.fallback = v; }));
    }
    auto policy = [](const ast::Total& t) {
      const std::string p = grammar::print_na_policy(t);
      return p.empty() ? std::string("unstated") : p.substr(1);
    };
    if (policy(*ta) != policy(*tb))
      changed(label_text("total_na_policy", "en"), policy(*ta), policy(*tb),
              [pol = tb->policy, as = tb->count_as](ast::Total& t) {
                t.policy = pol;
                t.count_as = as;
              });
    return true;
  }

  // Finds every change from a to b; returns the attribution steps in the order listed.
  std::vector<Step> compare(const ast::Clause& a, const ast::Clause& b) {
    std::vector<Step> steps;
    if (words(a.title) != words(b.title))
      add(Change::Kind::TitleChanged, "en", a.title, b.title, a.number_span, b.number_span, word_diff(a.title, b.title));
    texts(a.titles, b.titles, Change::Kind::TitleChanged);
    texts(a.texts, b.texts, Change::Kind::TextChanged);
    std::set<std::string> subjects;
    for (const auto& e : a.evidence) subjects.insert(e.subject);
    for (const auto& e : b.evidence) subjects.insert(e.subject);
    for (const auto& s : subjects) {
      std::string x = "not stated", y = "not stated";
      Span sx, sy;
      for (const auto& e : a.evidence)
        if (e.subject == s) { x = ast::to_string(e.level); sx = e.span; }
      for (const auto& e : b.evidence)
        if (e.subject == s) { y = ast::to_string(e.level); sy = e.span; }
      if (x != y) add(Change::Kind::EvidenceChanged, s, x, y, sx, sy);
    }
    // Coefficients.
    for (const auto& c : a.coefficients)
      if (!by_name(b.coefficients, c.name)) add(Change::Kind::CoefficientRemoved, c.name, show(c.value), "", c.name_span, {});
    for (const auto& c : b.coefficients) {
      const auto* old = by_name(a.coefficients, c.name);
      if (!old) {
        add(Change::Kind::CoefficientAdded, c.name, "", show(c.value), {}, c.name_span);
      } else if (show(old->value) != show(c.value)) {
        add(Change::Kind::CoefficientChanged, c.name, show(old->value), show(c.value), old->name_span, c.name_span, {}, true);
        steps.push_back({describe(d_.changes.back()), [name = c.name, v = c.value](ast::Clause& w) {
                           for (auto& x : w.coefficients)
                             if (x.name == name) x.value = v;
                         }});
      }
    }
    // Definitions: a changed filter is reported, and attributed, term by term.
    for (const auto& l : a.lets)
      if (!by_name(b.lets, l.name)) add(Change::Kind::DefinitionRemoved, l.name, show(l.value), "", l.name_span, {});
    for (const auto& l : b.lets) {
      const auto* old = by_name(a.lets, l.name);
      if (!old) {
        add(Change::Kind::DefinitionAdded, l.name, "", show(l.value), {}, l.name_span);
        continue;
      }
      if (show(old->value) == show(l.value)) continue;
      if (same_but_filter(*old->value, *l.value)) {
        std::vector<ast::ExprPtr> ta, tb;
        terms_of(std::get<ast::Aggregate>(old->value->node).filter, ta);
        terms_of(std::get<ast::Aggregate>(l.value->node).filter, tb);
        auto current = std::make_shared<std::vector<ast::ExprPtr>>(ta);
        auto has = [](const std::vector<ast::ExprPtr>& v, const ast::ExprPtr& t) {
          return std::any_of(v.begin(), v.end(), [&](const ast::ExprPtr& x) { return show(x) == show(t); });
        };
        for (const auto& t : ta)
          if (!has(tb, t)) {
            add(Change::Kind::FilterTermRemoved, l.name, show(old->value), show(l.value), old->name_span, l.name_span, show(t), true);
            steps.push_back({describe(d_.changes.back()), [name = l.name, t, current, agg = l.value](ast::Clause& w) {
                               auto& v = *current;
                               v.erase(std::remove_if(v.begin(), v.end(), [&](const ast::ExprPtr& x) { return show(x) == show(t); }), v.end());
                               for (auto& x : w.lets)
                                 if (x.name == name) x.value = with_filter(*agg, v);
                             }});
          }
        for (const auto& t : tb)
          if (!has(ta, t)) {
            add(Change::Kind::FilterTermAdded, l.name, show(old->value), show(l.value), old->name_span, l.name_span, show(t), true);
            steps.push_back({describe(d_.changes.back()), [name = l.name, t, current, agg = l.value](ast::Clause& w) {
                               current->push_back(t);
                               for (auto& x : w.lets)
                                 if (x.name == name) x.value = with_filter(*agg, *current);
                             }});
          }
        // Reordered terms alone change nothing.
        continue;
      }
      add(Change::Kind::DefinitionChanged, l.name, show(old->value), show(l.value), old->name_span, l.name_span, {}, true);
      steps.push_back({describe(d_.changes.back()), [name = l.name, v = l.value](ast::Clause& w) {
                         for (auto& x : w.lets)
                           if (x.name == name) x.value = v;
                       }});
    }
    // Results.
    for (const auto& r : a.results)
      if (!by_name(b.results, r.name)) add(Change::Kind::ResultRemoved, r.name, show(r.value), "", r.name_span, {});
    for (const auto& r : b.results) {
      const auto* old = by_name(a.results, r.name);
      if (!old) {
        add(Change::Kind::ResultAdded, r.name, "", show(r.value), {}, r.name_span);
        continue;
      }
      if (show(old->value) != show(r.value) && total_parts(r.name, *old->value, *r.value, old->name_span, r.name_span, steps)) {
        // A total changed part by part: reported, and attributed, one part at a time.
      } else if (show(old->value) != show(r.value)) {
        add(Change::Kind::ResultChanged, r.name, show(old->value), show(r.value), old->name_span, r.name_span, {}, true);
        steps.push_back({describe(d_.changes.back()), [name = r.name, v = r.value](ast::Clause& w) {
                           for (auto& x : w.results)
                             if (x.name == name) x.value = v;
                         }});
      }
      std::string ra = old->range_lo ? show(old->range_lo) + ".." + show(old->range_hi) : "none";
      std::string rb = r.range_lo ? show(r.range_lo) + ".." + show(r.range_hi) : "none";
      if (ra != rb) {
        add(Change::Kind::RangeChanged, r.name, ra, rb, old->range_span, r.range_span, {}, true);
        steps.push_back({describe(d_.changes.back()), [name = r.name, lo = r.range_lo, hi = r.range_hi](ast::Clause& w) {
                           for (auto& x : w.results)
                             if (x.name == name) { x.range_lo = lo; x.range_hi = hi; }
                         }});
      }
      if (old->round != r.round) {
        add(Change::Kind::RoundingChanged, r.name, std::to_string(old->round), std::to_string(r.round), old->name_span,
            r.name_span, {}, true);
        steps.push_back({describe(d_.changes.back()), [name = r.name, places = r.round](ast::Clause& w) {
                           for (auto& x : w.results)
                             if (x.name == name) x.round = places;
                         }});
      }
    }
    for (const auto& o : a.obligations)
      if (!by_name(b.obligations, o.name)) add(Change::Kind::ResultRemoved, o.name, o.table + ": " + show(o.breach), "", o.name_span, {});
    for (const auto& o : b.obligations) {
      const auto* old = by_name(a.obligations, o.name);
      if (!old) {
        add(Change::Kind::ResultAdded, o.name, "", "breach of " + o.table + " when " + show(o.breach), {}, o.name_span);
        continue;
      }
      std::string x = old->table + " when " + show(old->breach), y = o.table + " when " + show(o.breach);
      if (x != y) {
        add(Change::Kind::ObligationChanged, o.name, x, y, old->name_span, o.name_span, {}, true);
        steps.push_back({describe(d_.changes.back()), [o](ast::Clause& w) {
                           for (auto& v : w.obligations)
                             if (v.name == o.name) v = o;
                         }});
      }
    }
    return steps;
  }

 private:
  ClauseDiff& d_;
};

// A stage of the attribution: the rules with one more change applied, evaluated where it can move
// anything (the clause changed and the clauses that read its results). Its results as printed
// (rounded to their decimals), by clause and result, then by body; nullopt where a body has no row
// or its value is n/a (or is a grade's band, which is no number).
using StageValues = std::map<std::pair<std::string, std::string>, std::vector<std::optional<Rational>>>;
struct Stage {
  std::string clause;  // the clause whose change this stage applies ("" for the as-of date)
  std::string label;
  StageValues rows;
};

StageValues index_rows(const Evaluation& ev, std::size_t bodies) {
  StageValues out;
  for (const auto& r : ev.rows) {
    auto& per_body = out[{r.version->number, r.result}];
    if (per_body.empty()) per_body.resize(bodies);
    if (r.body < bodies && !r.value.is_missing() && r.value.kind != Kind::Text) per_body[r.body] = r.value.num.round(r.round);
  }
  return out;
}

// The clause numbers a clause reads results of (`T of clause 49`).
void clauses_read(const ast::Expr& e, std::set<std::string>& out) {
  ast::walk(e, [&](const ast::Expr& x) {
    if (const auto* r = std::get_if<ast::ClauseRef>(&x.node)) out.insert(r->clause);
  });
}
std::set<std::string> clauses_read(const ast::Clause& c) {
  std::set<std::string> out;
  for (const auto& l : c.lets) clauses_read(*l.value, out);
  for (const auto& r : c.results) clauses_read(*r.value, out);
  for (const auto& o : c.obligations) clauses_read(*o.breach, out);
  for (const auto& r : c.ranks) clauses_read(*r.subject, out);
  for (const auto& g : c.grades) clauses_read(*g.subject, out);
  return out;
}

}  // namespace

const char* kind_name(ContractChange::Kind k) {
  switch (k) {
    case ContractChange::Kind::TableAdded: return "table_added";
    case ContractChange::Kind::TableRemoved: return "table_removed";
    case ContractChange::Kind::ColumnAdded: return "column_added";
    case ContractChange::Kind::ColumnRemoved: return "column_removed";
    case ContractChange::Kind::ColumnChanged: return "column_changed";
    case ContractChange::Kind::KeyChanged: return "key_changed";
    case ContractChange::Kind::BodiesChanged: return "bodies_changed";
    case ContractChange::Kind::ReferenceAdded: return "reference_added";
    case ContractChange::Kind::ReferenceRemoved: return "reference_removed";
    case ContractChange::Kind::InvariantAdded: return "invariant_added";
    case ContractChange::Kind::InvariantRemoved: return "invariant_removed";
    case ContractChange::Kind::InvariantChanged: return "invariant_changed";
  }
  return "?";
}

std::string describe(const ContractChange& c, std::string_view lang) {
  // The words are the label catalogue's (core/Labels.cpp): English here, Kazakh or Russian in a
  // review asked for in them.
  auto say = [lang](const char* key, const auto&... args) {
    return fmt::format(fmt::runtime(label_text(key, lang)), args...);
  };
  const std::string table = "`" + c.table + "`", col = "`" + c.table + "." + c.subject + "`", name = "`" + c.subject + "`";
  switch (c.kind) {
    case ContractChange::Kind::TableAdded: return say("contract_table_added", table);
    case ContractChange::Kind::TableRemoved: return say("contract_table_removed", table);
    case ContractChange::Kind::ColumnAdded: return say("contract_column_added", col, c.after);
    case ContractChange::Kind::ColumnRemoved: return say("contract_column_removed", col, c.before);
    case ContractChange::Kind::ColumnChanged: return say("contract_column", col, c.before, c.after);
    case ContractChange::Kind::KeyChanged: return say("contract_key", table, c.before, c.after);
    case ContractChange::Kind::BodiesChanged: return say("contract_bodies", table, c.before, c.after);
    case ContractChange::Kind::ReferenceAdded: return say("contract_reference_added", table, c.after);
    case ContractChange::Kind::ReferenceRemoved: return say("contract_reference_removed", table, c.before);
    case ContractChange::Kind::InvariantAdded: return say("contract_invariant_added", name, table, c.after);
    case ContractChange::Kind::InvariantRemoved: return say("contract_invariant_removed", name, table, c.before);
    case ContractChange::Kind::InvariantChanged: return say("contract_invariant", name, table, c.before, c.after);
  }
  return "?";
}

namespace {

// A column's declaration as the rule file would write it, for comparing and showing.
std::string column_text(const RuleSet& rules, const input::TableSchema& t, const input::ColumnSchema& c) {
  if (c.derived) {
    for (const auto& d : rules.derived)
      if (d.table == t.name && d.column == c.name) return "derived " + grammar::print_expr(*d.decl->value);
    return "derived";
  }
  std::string s = input::to_string(c.type);
  if (c.type == input::ColumnType::Enum) {
    s += " [";
    for (std::size_t i = 0; i < c.enum_values.size(); ++i) s += (i ? ", " : "") + c.enum_values[i];
    s += "]";
  }
  if (c.optional) s += " optional";
  else if (c.may_be_empty) s += " or empty";
  return s;
}

std::string rows_text(const input::TableSchema& t) {
  return t.lists_bodies ? "lists bodies by " + t.body_column : t.per_agency ? "per body by " + t.body_column : "shared by every body";
}

std::string reference_text(const input::Reference& r) {
  return "`" + r.column + "` to `" + r.table + "." + r.target + "`" + (r.same_body ? " same body" : "");
}

std::string invariant_text(const Invariant& inv) {
  std::string clauses;
  for (const auto& c : inv.decl->clauses) clauses += (clauses.empty() ? "" : ", ") + c;
  return std::string(inv.decl->per_body ? "per body " : "") + grammar::print_expr(*inv.decl->condition) + " for clause " +
         clauses + (inv.decl->warning ? " warning" : " error");
}

}  // namespace

std::vector<ContractChange> diff_contracts(const DiffSide& before, const DiffSide& after) {
  using K = ContractChange::Kind;
  std::vector<ContractChange> out;
  const input::Contract a = before.rules->contract->at(before.as_of), b = after.rules->contract->at(after.as_of);
  for (const auto& ta : a.tables)
    if (!b.find(ta.name)) out.push_back({K::TableRemoved, ta.name, "", rows_text(ta), ""});
  for (const auto& tb : b.tables) {
    const input::TableSchema* ta = a.find(tb.name);
    if (!ta) {
      out.push_back({K::TableAdded, tb.name, "", "", rows_text(tb)});
      for (const auto& c : tb.columns) out.push_back({K::ColumnAdded, tb.name, c.name, "", column_text(*after.rules, tb, c)});
    } else {
      if (rows_text(*ta) != rows_text(tb)) out.push_back({K::BodiesChanged, tb.name, "", rows_text(*ta), rows_text(tb)});
      auto key = [](const input::TableSchema& t) {
        std::string s;
        for (const auto& k : t.key) s += (s.empty() ? "" : ", ") + k;
        return s.empty() ? std::string("none") : s;
      };
      if (key(*ta) != key(tb)) out.push_back({K::KeyChanged, tb.name, "", key(*ta), key(tb)});
      for (const auto& c : ta->columns)
        if (!tb.column(c.name))
          out.push_back({K::ColumnRemoved, tb.name, c.name, column_text(*before.rules, *ta, c), ""});
      for (const auto& c : tb.columns) {
        const input::ColumnSchema* old = ta->column(c.name);
        const std::string now = column_text(*after.rules, tb, c);
        if (!old) out.push_back({K::ColumnAdded, tb.name, c.name, "", now});
        else if (const std::string was = column_text(*before.rules, *ta, *old); was != now)
          out.push_back({K::ColumnChanged, tb.name, c.name, was, now});
      }
    }
    std::set<std::string> old_refs, new_refs;
    if (ta)
      for (const auto& r : ta->references) old_refs.insert(reference_text(r));
    for (const auto& r : tb.references) new_refs.insert(reference_text(r));
    for (const auto& r : old_refs)
      if (!new_refs.count(r)) out.push_back({K::ReferenceRemoved, tb.name, "", r, ""});
    for (const auto& r : new_refs)
      if (!old_refs.count(r)) out.push_back({K::ReferenceAdded, tb.name, "", "", r});
  }
  // Invariants in force at each side's date, by table and name.
  auto invariants = [](const DiffSide& side) {
    std::map<std::pair<std::string, std::string>, std::string> m;
    for (const auto& inv : side.rules->invariants)
      if (input::in_force(inv.origin, side.as_of)) m[{inv.table, inv.decl->name}] = invariant_text(inv);
    return m;
  };
  const auto ia = invariants(before), ib = invariants(after);
  for (const auto& [k, text] : ia)
    if (!ib.count(k)) out.push_back({K::InvariantRemoved, k.first, k.second, text, ""});
  for (const auto& [k, text] : ib) {
    auto it = ia.find(k);
    if (it == ia.end()) out.push_back({K::InvariantAdded, k.first, k.second, "", text});
    else if (it->second != text) out.push_back({K::InvariantChanged, k.first, k.second, it->second, text});
  }
  return out;
}

RuleDiff diff_rules(const DiffSide& before, const DiffSide& after, const input::DataSet* data,
                    AggregateCache* cache) {
  DataPair one;
  one.before = one.after = data;
  return diff_rules(before, after, one, cache);
}

RuleDiff diff_rules(const DiffSide& before, const DiffSide& after, const DataPair& pair, AggregateCache* cache) {
  RuleDiff out;
  out.contract = diff_contracts(before, after);
  std::map<std::string, const ClauseVersion*> old_v, new_v;
  for (const auto* v : before.rules->all_in_force(before.as_of)) old_v[v->number] = v;
  for (const auto* v : after.rules->all_in_force(after.as_of)) new_v[v->number] = v;
  std::set<std::string> numbers;
  for (const auto& [n, v] : old_v) numbers.insert(n);
  for (const auto& [n, v] : new_v) numbers.insert(n);
  std::vector<std::string> ordered(numbers.begin(), numbers.end());
  std::sort(ordered.begin(), ordered.end(), clause_number_less);

  std::map<std::string, std::vector<Step>> steps;
  for (const auto& n : ordered) {
    ClauseDiff d;
    d.number = n;
    d.before = old_v.count(n) ? old_v[n] : nullptr;
    d.after = new_v.count(n) ? new_v[n] : nullptr;
    ClauseComparer cmp(d);
    if (!d.before) {
      cmp.add(Change::Kind::ClauseAdded, "", "", version_name(*d.after), {}, d.after->clause->number_span);
    } else if (!d.after) {
      cmp.add(Change::Kind::ClauseRemoved, "", version_name(*d.before), "", d.before->clause->number_span, {});
    } else {
      if (d.before->act->id != d.after->act->id)
        cmp.add(Change::Kind::NewVersion, "", version_name(*d.before), version_name(*d.after),
                d.before->clause->number_span, d.after->clause->number_span, d.after->written ? "amends" : "");
      else if (d.before->from != d.after->from)
        cmp.add(Change::Kind::InForceMoved, "", d.before->label(), d.after->label(), d.before->clause->number_span,
                d.after->clause->number_span);
      steps[n] = cmp.compare(*d.before->clause, *d.after->clause);
      // A new version with identical content is still a change of the law's history.
    }
    if (!d.changes.empty()) out.clauses.push_back(std::move(d));
  }
  if (!pair.before || !pair.after) return out;

  // Bodies are matched by their code (the contract's body key); a body in one data set only has
  // nothing to compare and is listed apart. The rows' body indices are the new data's.
  const input::DataSet& old_data = *pair.before;
  const input::DataSet* data = pair.after;
  const bool two = pair.before != pair.after;
  const std::size_t nb = data->bodies.size();
  out.two_data = two;
  if (two) {
    for (const auto& b : data->bodies)
      if (old_data.body_index(b.code) < 0) out.appeared.push_back(&b);
    for (const auto& b : old_data.bodies)
      if (data->body_index(b.code) < 0) out.gone.push_back(&b);
  }
  out.bodies = nb + out.gone.size();
  EvaluateOptions with_cache;
  with_cache.cache = cache;
  std::vector<const ClauseVersion*> ov, nv;
  for (const auto& [n, v] : old_v) ov.push_back(v);
  for (const auto& [n, v] : new_v) nv.push_back(v);
  Evaluation eo = evaluate(*before.rules, *before.checked, old_data, before.as_of, ov, two ? EvaluateOptions{} : with_cache);
  Evaluation en = evaluate(*after.rules, *after.checked, *data, after.as_of, nv, with_cache);
  std::map<std::tuple<std::size_t, std::string, std::string>, std::pair<const ResultRow*, const ResultRow*>> pairs;
  for (const auto& r : eo.rows) {
    const int body = two ? data->body_index(old_data.bodies[r.body].code) : static_cast<int>(r.body);
    if (body >= 0) pairs[{static_cast<std::size_t>(body), r.version->number, r.result}].first = &r;
  }
  for (const auto& r : en.rows)
    if (!two || old_data.body_index(data->bodies[r.body].code) >= 0) pairs[{r.body, r.version->number, r.result}].second = &r;

  // Attribution stages, over the whole rule set: the old rules (eo), the old rules at the new date,
  // then each changed clause one step at a time (the clauses whose results it reads first), each
  // stage evaluated with the clauses in the state reached so far; the last stage is the new rules
  // (en). A total's move is thus split across the changes of every clause it reads, and the parts
  // still telescope exactly to the delta.
  std::vector<Stage> stages;
  std::map<std::string, const ClauseVersion*> mix = old_v;  // each clause's version at the current stage
  // One Checked for versions of both sides and the work clause of the moment: their nodes differ.
  Checked both = *before.checked;
  both.add(*after.checked);
  auto readers_of = [&](const std::string& number) {
    std::set<std::string> readers{number};
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [n, v] : mix)
        if (v && v->clause && !readers.count(n))
          for (const auto& r : clauses_read(*v->clause))
            if (readers.count(r)) {
              readers.insert(n);
              grew = true;
              break;
            }
    }
    return readers;
  };
  auto stage = [&](const std::string& clause, const std::string& label, const std::set<std::string>& which,
                   const Checked& ck, Date at) {
    std::vector<const ClauseVersion*> report;
    for (const auto& n : which)
      if (auto it = mix.find(n); it != mix.end() && it->second && it->second->clause) report.push_back(it->second);
    EvaluateOptions opt = with_cache;
    opt.resolve = [&](const std::string& n) -> const ClauseVersion* {
      auto it = mix.find(n);
      return it == mix.end() ? nullptr : it->second;
    };
    Evaluation ev = evaluate(*after.rules, ck, *data, at, report, opt);
    stages.push_back({clause, label, index_rows(ev, nb)});
  };
  std::set<std::string> all_numbers;
  for (const auto& [n, v] : old_v) all_numbers.insert(n);
  // Two data sets: the data's step first, the old rules on the new data at the old date.
  if (two && pair.split)
    stages.push_back({"", pair.label,
                      index_rows(evaluate(*before.rules, *before.checked, *data, before.as_of, ov, with_cache), nb)});
  const bool stages_wanted = !two || pair.split;  // else no move is split: no stage is evaluated
  if (before.as_of != after.as_of && stages_wanted)
    stage("", describe({Change::Kind::AsOfMoved, "", "", format_date(before.as_of), format_date(after.as_of), {}, {}, {}, true}),
          all_numbers, both, after.as_of);
  // Parts before the totals that read them: a clause's changes are applied after those of the
  // clauses it reads, so that a total's own changes act on its parts' new values.
  std::vector<const ClauseDiff*> changed;
  for (const auto& cd : out.clauses)
    if (stages_wanted && cd.before && cd.after && cd.before->clause && cd.after->clause) changed.push_back(&cd);
  std::stable_sort(changed.begin(), changed.end(), [&](const ClauseDiff* a, const ClauseDiff* b) {
    return clauses_read(*b->after->clause).count(a->number) && !clauses_read(*a->after->clause).count(b->number);
  });
  std::vector<std::unique_ptr<ast::Clause>> works;
  std::vector<std::unique_ptr<ClauseVersion>> work_versions;
  for (const ClauseDiff* cdp : changed) {
    const ClauseDiff& cd = *cdp;
    const std::set<std::string> affected = readers_of(cd.number);
    works.push_back(std::make_unique<ast::Clause>(*cd.before->clause));
    ast::Clause& work = *works.back();
    // Definitions the new version adds come first: unused, they move nothing.
    for (const auto& l : cd.after->clause->lets)
      if (!by_name(work.lets, l.name)) work.lets.push_back(l);
    for (const auto& c : cd.after->clause->coefficients)
      if (!by_name(work.coefficients, c.name)) work.coefficients.push_back(c);
    std::string pending;
    for (const auto& st : steps[cd.number]) {
      st.apply(work);
      pending += (pending.empty() ? "" : "; ") + st.label;
      work_versions.push_back(std::make_unique<ClauseVersion>(*cd.after));
      ClauseVersion& v = *work_versions.back();
      v.clause = &work;
      Checked ck = both;
      Diagnostics diags;
      check_clause(*after.rules, v, ck, diags);
      // A step that does not check alone (it needs a later one) is merged with the next.
      if (diags.has_errors()) continue;
      mix[cd.number] = &v;
      stage(cd.number, pending, affected, ck, after.as_of);
      pending.clear();
    }
    mix[cd.number] = cd.after;
    stage(cd.number, pending.empty() ? label_text("part_other_changes", "en") : pending, affected, both, after.as_of);
  }
  for (const auto& [key, pr] : pairs) {
    const auto& [body, clause, result] = key;
    Impact im;
    im.body = body;
    im.who = &data->bodies[body];
    im.clause = clause;
    im.result = result;
    im.kind = (pr.second ? pr.second : pr.first)->kind;
    if (pr.first) {
      im.before_present = true;
      im.before = pr.first->value;
      im.before_text = pr.first->text();
      im.before_status = pr.first->status;
      im.round = pr.first->round;
    }
    if (pr.second) {
      im.after_present = true;
      im.after = pr.second->value;
      im.after_text = pr.second->text();
      im.after_status = pr.second->status;
      // A delta across a change of rounding is shown with the finer of the two.
      im.round = pr.first ? std::max(pr.first->round, pr.second->round) : pr.second->round;
    }
    bool moved = im.before_present != im.after_present || im.before_text != im.after_text ||
                 im.before_status != im.after_status;
    if (!moved) continue;
    auto printed = [](const ResultRow& r) { return r.value.num.round(r.round); };
    if (pr.first && pr.second && pr.first->kind == OutputKind::Grade) {
      im.attribution_note = label_text("note_grade_moves", "en");
    } else if (pr.first && pr.second && !pr.first->value.is_missing() && !pr.second->value.is_missing()) {
      im.delta = printed(*pr.second) - printed(*pr.first);
      if (two && !pair.split) {
        im.attribution_note = pair.why_not_split;
        out.impacts.push_back(std::move(im));
        continue;
      }
      // The value at each stage that evaluated it, then the new rules' value.
      std::vector<std::pair<std::string, std::optional<Rational>>> seq;
      for (const auto& st : stages)
        if (auto r = st.rows.find({clause, result}); r != st.rows.end())
          seq.push_back({st.clause.empty() || st.clause == clause
                             ? st.label
                             : fmt::format(fmt::runtime(label_text("part_of_clause", "en")), st.clause, st.label),
                         r->second[body]});
      if (seq.empty()) {
        im.attribution_note = label_text("note_data_or_date", "en");
      } else {
        std::optional<Rational> prev = printed(*pr.first);
        bool ok = true;
        for (const auto& [label, v] : seq) {
          if (!v) { ok = false; break; }
          im.parts.push_back({label, *v - *prev});
          prev = v;
        }
        // What the last stage leaves to the new rules (a clause added or removed that a total reads).
        if (ok && *prev != printed(*pr.second))
          im.parts.push_back({label_text("part_other_changes", "en"), printed(*pr.second) - *prev});
        if (!ok) {
          im.parts.clear();
          im.attribution_note = label_text("note_na_step", "en");
        } else {
          // Steps that move nothing are left out; the rest still sum exactly to the delta.
          im.parts.erase(std::remove_if(im.parts.begin(), im.parts.end(), [](const auto& p) { return p.second.is_zero(); }),
                         im.parts.end());
          Rational sum;
          for (const auto& p : im.parts) sum = sum + p.second;
          // Telescoping makes this exact; a mismatch is a bug in the stages, never rounding.
          if (sum != *im.delta) throw std::logic_error("diff: attribution parts do not sum to the delta");
        }
      }
    } else {
      im.attribution_note = label_text("note_status_changed", "en");
    }
    out.impacts.push_back(std::move(im));
  }
  std::stable_sort(out.impacts.begin(), out.impacts.end(), [](const Impact& a, const Impact& b) {
    if (a.delta.has_value() != b.delta.has_value()) return a.delta.has_value();
    if (a.delta && b.delta) {
      Rational x = a.delta->sign() < 0 ? -*a.delta : *a.delta, y = b.delta->sign() < 0 ? -*b.delta : *b.delta;
      if (x != y) return y < x;
    }
    return false;  // pairs are already in body, clause, result order
  });
  out.before_results = std::move(eo);
  out.after_results = std::move(en);
  return out;
}

}  // namespace ereje::interp
