// Stage 3: the checker. Walks every clause version once, resolving names and inferring types;
// reports every problem it finds (never stops at the first) as diagnostics with stable codes.
#include "interpreter/Checker.hpp"

#include <algorithm>
#include <functional>

#include "core/LookAlike.hpp"
#include "core/Nearest.hpp"
#include "interpreter/LegalText.hpp"
#include "grammar/Parser.hpp"
#include "grammar/Visit.hpp"

namespace ereje::interp {

const char* type_name(Type t) {
  switch (t) {
    case Type::Error: return "unknown";
    case Type::Number: return "a number";
    case Type::Bool: return "true/false";
    case Type::Date: return "a date";
    case Type::Days: return "a number of days";
    case Type::Text: return "text";
    case Type::Enum: return "text";
  }
  return "?";
}

std::string nearest(const std::string& name, const std::vector<std::string>& candidates) {
  // Close enough to be a typo: within half the word's length (at least one edit), in code points.
  return ereje::nearest(name, candidates, {.unit = EditUnit::CodePoint, .max_edits = Nearness::kHalfTheName});
}

namespace {

// A name typed with a letter of the other script that looks the same (Cyrillic `с` for Latin `c`,
// one keyboard layout away): one error that names both letters and their code points, instead of
// "not defined" with a guess by spelling. `has` says who has the right name ("table `services`
// has"). The name meant when said, else nullopt.
std::optional<std::string> said_look_alike(Diagnostics& diags, const std::string& name,
                                           const std::vector<std::string>& candidates, Span span, const std::string& has) {
  auto m = find_look_alike(name, candidates);
  if (!m) return std::nullopt;
  diags.error("look-alike", span,
              "`" + name + "` is not `" + m->candidate + "`: it has " + m->written + " where " + has + " " + m->meant,
              "write `" + m->candidate + "` (the letters look the same but are different characters)")
      .fix = m->candidate;
  return m->candidate;
}

// A name declared with letters of both scripts (`cоunt` with a Cyrillic `о`) reads as one word and
// is a trap for every later use: said once, where it is declared.
void warn_mixed_script(Diagnostics& diags, const std::string& name, Span span) {
  auto letter = mixed_script_letter(name);
  if (!letter) return;
  const std::string latin = fold_look_alikes(name);
  diags.warning("mixed-script", span, "`" + name + "` mixes Latin and Cyrillic letters: " + *letter + " among the others",
                mixed_script_letter(latin) ? std::string("write the name in one script")
                                           : "write the name in one script, e.g. `" + latin + "`");
}

using input::ColumnSchema;
using input::ColumnType;
using input::TableSchema;

struct Info {
  Type type = Type::Error;
  const ColumnSchema* column = nullptr;  // set for Enum: whose values
  bool row = false;                      // depends on a table row
};

Type column_type(const ColumnSchema& c) {
  switch (c.type) {
    case ColumnType::Text: return Type::Text;
    case ColumnType::Enum: return Type::Enum;
    case ColumnType::Bool: return Type::Bool;
    case ColumnType::Date: return Type::Date;
    case ColumnType::Whole:
    case ColumnType::Decimal: return Type::Number;
  }
  return Type::Error;
}

// "a, b and c"
std::string listed_with_and(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
  return s;
}

std::string list_values(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s;
}

// The names a derived column is computed from, for "worked out from …".
void columns_read(const ast::Expr& e, const TableSchema& t, std::vector<std::string>& out) {
  ast::walk(e, [&](const ast::Expr& x) {
    if (const auto* n = std::get_if<ast::NameRef>(&x.node))
      if (t.column(n->name) && std::find(out.begin(), out.end(), n->name) == out.end()) out.push_back(n->name);
  });
}

class ClauseChecker {
 public:
  ClauseChecker(const RuleSet& rules, const ClauseVersion& v, Checked& out, Diagnostics& diags)
      : rules_(rules), v_(v), c_(*v.clause), out_(out), diags_(diags), contract_(*rules.contract), at_(v.from) {}

  // An expression of the data contract (a derived column, an invariant), in the row context of
  // `row_table` (null: per body), in force from `at`. `where` names it in messages.
  Type contract_expr(const ast::Expr& e, const TableSchema* row_table, Date at, std::string where) {
    at_ = at;
    where_ = std::move(where);
    Ctx ctx;
    ctx.table = row_table;
    Info t = expr(e, ctx);
    contract_column_ = t.column;
    return t.type;
  }
  const ColumnSchema* contract_column() const { return contract_column_; }
  void tables_read(std::set<std::string>& out) const { out.insert(tables_.begin(), tables_.end()); }

  void run() {
    CheckedClause cc;
    cc.version = &v_;
    declare();
    let_state_.assign(c_.lets.size(), 0);
    let_types_.assign(c_.lets.size(), Info{});
    let_height_.assign(c_.lets.size(), 0);
    coef_state_.assign(c_.coefficients.size(), 0);
    coef_types_.assign(c_.coefficients.size(), Info{});
    coef_values_.assign(c_.coefficients.size(), std::nullopt);
    for (std::size_t i = 0; i < c_.coefficients.size(); ++i) coefficient(i);
    for (std::size_t i = 0; i < c_.lets.size(); ++i) let(i);
    for (const auto& r : c_.results) result(r);
    for (const auto& o : c_.obligations) obligation(o);
    for (const auto& r : c_.ranks) rank(r);
    for (const auto& g : c_.grades) grade(g);
    for (const auto& t : c_.tests) test(t);
    unused();
    evidence();
    cc.let_order = let_order_;
    cc.used_lets = used_lets_;
    cc.used_coefficients = used_coefs_;
    cc.tables = tables_;
    cc.columns = columns_;
    cc.uses = uses_;
    out_.clauses[&v_] = std::move(cc);
  }

 private:
  struct Ctx {
    const TableSchema* table = nullptr;      // row context
    const ast::Function* fn = nullptr;       // inside a function body
    std::vector<Info> params;
    bool constant = false;                   // coefficients and ranges: literals and coefficients only
    bool record = true;                      // record types (not inside function bodies)
    std::set<std::size_t>* lets = nullptr;   // collects lets referenced
    std::vector<const ast::Function*> call_stack;
  };

  std::string where_clause() const {
    return where_.empty() ? "clause " + c_.number + " (act \"" + v_.act->id + "\")" : where_;
  }

  // A table or column read by a formula in force from at_ must be in force by then.
  void in_force_check(const input::Origin& o, Span span, const std::string& what) {
    if (input::in_force(o, at_)) return;
    diags_.error("not-in-force", span,
                 what + " takes effect on " + format_date(o.from) + " (act \"" + o.act + "\"), after " +
                     (where_.empty() ? "this version of " + where_clause() + " (from " + format_date(at_) + ")"
                                     : where_ + " (from " + format_date(at_) + ")"),
                 "a formula reads only the data contract in force when it takes effect");
  }

  void declare() {
    auto add = [&](const std::string& name, Span span, Binding b) {
      warn_mixed_script(diags_, name, span);
      auto [it, fresh] = names_.emplace(name, std::pair{b, span});
      if (!fresh)
        diags_.error("duplicate-name", span, "`" + name + "` is defined twice in " + where_clause())
            .notes.push_back({it->second.second, "first defined here"});
    };
    for (std::size_t i = 0; i < c_.lets.size(); ++i)
      add(c_.lets[i].name, c_.lets[i].name_span, Binding{Binding::Kind::Let, i, {}, 0});
    for (std::size_t i = 0; i < c_.coefficients.size(); ++i)
      add(c_.coefficients[i].name, c_.coefficients[i].name_span, Binding{Binding::Kind::Coefficient, i, {}, 0});
    // Results and obligations are named too, so tests can expect them; they cannot be referenced.
    for (const auto& r : c_.results) add(r.name, r.name_span, Binding{Binding::Kind::Let, SIZE_MAX, {}, 0});
    for (const auto& o : c_.obligations) add(o.name, o.name_span, Binding{Binding::Kind::Let, SIZE_MAX, {}, 0});
    for (const auto& r : c_.ranks) add(r.name, r.name_span, Binding{Binding::Kind::Let, SIZE_MAX, {}, 0});
    for (const auto& g : c_.grades) add(g.name, g.name_span, Binding{Binding::Kind::Let, SIZE_MAX, {}, 0});
  }

  // ---- ranks and grades ----
  // What a rank or grade orders bodies by: a result or obligation of this clause, or `T of clause N`.
  void subject(const ast::Expr& e, const std::string& what) {
    if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
      std::vector<std::string> outputs;
      for (const auto& r : c_.results) outputs.push_back(r.name);
      for (const auto& o : c_.obligations) outputs.push_back(o.name);
      if (std::find(outputs.begin(), outputs.end(), n->name) != outputs.end()) return;
      std::string near = nearest(n->name, outputs);
      diags_.error("undefined-name", e.span, "`" + n->name + "` is not a result of " + where_clause(),
                   near.empty() ? what + " orders bodies by a result: name one of this clause's, or another's as `T of clause 49`"
                                : "did you mean `" + near + "`?").fix_if(near);
      return;
    }
    if (std::holds_alternative<ast::ClauseRef>(e.node)) {
      Ctx ctx;
      expr(e, ctx);
      return;
    }
    diags_.error("rank-subject", e.span, what + " is worked out from a result, not from a formula",
                 "make the formula a `result` with its range, then name it here");
  }

  void rank(const ast::Rank& r) {
    subject(*r.subject, "a rank");
    auto unstated = [&](bool missing, const std::string& what, const std::string& help) {
      if (missing)
        diags_.error("rank-unstated", r.name_span, "rank `" + r.name + "` of " + where_clause() + " does not state " + what, help);
    };
    unstated(!r.order_declared, "which end ranks first", "add `highest first` or `lowest first`");
    unstated(r.ties == ast::Rank::Ties::Unstated, "how ties rank",
             "add `ties shared` (equal values share the better rank: 1, 2, 2, 4) or `ties dense` (1, 2, 2, 3)");
    unstated(r.na == ast::Rank::Place::Unstated, "where a body whose result is n/a stands",
             "add `n/a unranked` (no rank, shown apart) or `n/a last` (after every valid value)");
    unstated(r.out_of_range == ast::Rank::Place::Unstated, "where a body whose result is out of range stands",
             "add `out_of_range unranked` or `out_of_range last`: such a value is never ranked as if it were valid");
    if (!r.within) return;
    const TableSchema* bodies = contract_.bodies();
    if (!bodies) {
      diags_.error("unknown-column", r.within_span, "`within " + *r.within + "` needs the table of bodies, and no table lists bodies",
                   "declare the table of bodies with `lists bodies by CODE_COLUMN`");
      return;
    }
    if (bodies->column(*r.within)) {
      columns_.insert(bodies->name + "." + *r.within);
      tables_.insert(bodies->name);
      return;
    }
    std::vector<std::string> cols;
    for (const auto& c : bodies->columns) cols.push_back(c.name);
    std::string near = nearest(*r.within, cols);
    diags_.error("unknown-column", r.within_span, "`" + *r.within + "` is not a column of the table of bodies `" + bodies->name + "`",
                 near.empty() ? "a rank within a group names a column of `" + bodies->name + "`: " + list_values(cols)
                              : "did you mean `" + near + "`?").fix_if(near);
  }

  void grade(const ast::Grade& g) {
    subject(*g.subject, "a grade");
    if (g.bands.empty()) {
      diags_.error("grade-bands", g.name_span, "grade `" + g.name + "` has no bands",
                   "add bands from the highest down, as in `band high from 80 \"high\"`, and a last `band low otherwise \"low\"`");
      return;
    }
    std::map<std::string, Span> seen;
    std::optional<Rational> above;
    for (std::size_t i = 0; i < g.bands.size(); ++i) {
      const ast::Band& b = g.bands[i];
      if (auto [it, fresh] = seen.emplace(b.name, b.name_span); !fresh)
        diags_.error("duplicate-name", b.name_span, "band `" + b.name + "` appears twice in grade `" + g.name + "`")
            .notes.push_back({it->second, "first here"});
      const bool last = i + 1 == g.bands.size();
      if (!b.from && !last)
        diags_.error("grade-bands", b.span, "band `" + b.name + "` says `otherwise`, but bands follow it",
                     "`otherwise` is the last band: it takes every value below the others");
      if (b.from) {
        if (last)
          diags_.error("grade-bands", b.span, "the last band of grade `" + g.name + "` has a lower bound, so a value below " +
                                                  print_bound(*b.from) + " would get no grade",
                       "end with `band NAME otherwise \"…\"`");
        Ctx cc;
        cc.constant = true;
        Info t = expr(*b.from, cc);
        if (t.type != Type::Number && t.type != Type::Error) {
          diags_.error("type-mismatch", b.from->span, "a band's bound must be a number, not " + std::string(type_name(t.type)));
        } else if (t.type == Type::Number) {
          auto v = fold(*b.from, "the bound of band `" + b.name + "`");
          if (v && above && !(*v < *above))
            diags_.error("grade-bands", b.from->span,
                         "band `" + b.name + "` starts at " + v->to_exact() + ", not below the band above it (" + above->to_exact() + ")",
                         "list bands from the highest bound down, each lower than the one before");
          if (v) above = v;
        }
      }
      if (b.label.empty())
        diags_.warning("grade-label-missing", b.name_span, "band `" + b.name + "` of grade `" + g.name + "` has no label",
                       "add its label after the bound, as in `band " + b.name + (b.from ? " from …" : " otherwise") + " \"high\"`");
      bool kk = false, ru = false;
      for (const auto& t : b.labels) {
        kk |= t.lang == "kk";
        ru |= t.lang == "ru";
      }
      if (!kk || !ru)
        diags_.warning("grade-label-missing", b.name_span,
                       "band `" + b.name + "` of grade `" + g.name + "` lacks its " +
                           std::string(!kk && !ru ? "Kazakh and Russian labels" : !kk ? "Kazakh label" : "Russian label"),
                       "reports in Kazakh and Russian show the band's label: add `kk \"…\" ru \"…\"`");
    }
  }

  static std::string print_bound(const ast::Expr& e) { return grammar::print_expr(e); }

  Info coefficient(std::size_t i) {
    if (coef_state_[i] == 2) return coef_types_[i];
    const auto& co = c_.coefficients[i];
    if (coef_state_[i] == 1) {
      diags_.error("cycle", co.name_span, "coefficient `" + co.name + "` depends on itself");
      return Info{};
    }
    coef_state_[i] = 1;
    Ctx ctx;
    ctx.constant = true;
    Info t = expr(*co.value, ctx);
    if (t.type != Type::Number && t.type != Type::Error)
      diags_.error("type-mismatch", co.value->span, "coefficient `" + co.name + "` must be a number, not " + type_name(t.type));
    coef_state_[i] = 2;
    coef_types_[i] = t;
    if (t.type == Type::Number) coef_values_[i] = fold(*co.value, "coefficient `" + co.name + "`");
    return t;
  }

  // The value of a constant expression of numbers (a coefficient, a range bound) whose type checked,
  // or nullopt when it has none here (a form not folded, a coefficient without a value). A division
  // by zero is an error at its operator: at run time it would leave the coefficient, or the range
  // check that uses it, without a value on every body.
  std::optional<Rational> fold(const ast::Expr& e, const std::string& what) {
    if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->value;
    if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
      for (std::size_t i = 0; i < c_.coefficients.size(); ++i)
        if (c_.coefficients[i].name == n->name) return coef_values_[i];
      return std::nullopt;
    }
    if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
      if (u->op != ast::UnaryOp::Neg) return std::nullopt;
      auto v = fold(*u->operand, what);
      return v ? std::optional<Rational>(-*v) : std::nullopt;
    }
    const auto* b = std::get_if<ast::Binary>(&e.node);
    if (!b) return std::nullopt;
    auto l = fold(*b->lhs, what);
    auto r = fold(*b->rhs, what);
    if (!l || !r) return std::nullopt;
    switch (b->op) {
      case ast::BinaryOp::Add: return *l + *r;
      case ast::BinaryOp::Sub: return *l - *r;
      case ast::BinaryOp::Mul: return *l * *r;
      case ast::BinaryOp::Div:
        if (r->is_zero()) {
          diags_.error("division-by-zero", b->op_span,
                       what + " of " + where_clause() + " divides by zero" +
                           (std::holds_alternative<ast::NumberLit>(b->rhs->node) ? std::string()
                                                                                 : ": `" + source_text(*b->rhs) + "` is 0"),
                       "a constant must have a value: check the number against the act");
          return std::nullopt;
        }
        return *l / *r;
      default: return std::nullopt;
    }
  }

  static std::string source_text(const ast::Expr& e) {
    if (!e.span.valid()) return "?";
    return e.span.file->text.substr(e.span.begin, e.span.end - e.span.begin);
  }

  Info let(std::size_t i) {
    if (let_state_[i] == 2) {
      // Checked once, but evaluated from here: its depth counts on top of this spot's.
      if (depth_ + let_height_[i] > grammar::kMaxFormulaDepth) too_deep(c_.lets[i].name_span);
      reach_ = std::max(reach_, depth_ + let_height_[i]);
      return let_types_[i];
    }
    const auto& l = c_.lets[i];
    if (let_state_[i] == 1) {
      std::string path;
      for (std::size_t k : let_stack_) path += c_.lets[k].name + " -> ";
      diags_.error("cycle", l.name_span, "definitions depend on each other: " + path + l.name,
                   "a definition cannot use itself, directly or through others");
      return Info{};
    }
    let_state_[i] = 1;
    let_stack_.push_back(i);
    Ctx ctx;
    std::set<std::size_t> deps;
    ctx.lets = &deps;
    std::size_t outer_reach = reach_;
    reach_ = depth_;
    Info t = expr(*l.value, ctx);
    let_height_[i] = reach_ - depth_;
    reach_ = std::max(outer_reach, reach_);
    let_stack_.pop_back();
    let_state_[i] = 2;
    let_types_[i] = t;
    let_order_.push_back(i);
    return t;
  }

  void result(const ast::Result& r) {
    Ctx ctx;
    std::set<std::size_t> deps;
    ctx.lets = &deps;
    Info t = expr(*r.value, ctx);
    mark_used(deps);
    if (t.type != Type::Number && t.type != Type::Error)
      diags_.error("type-mismatch", r.value->span,
                   "result `" + r.name + "` must be a number, but this is " + std::string(type_name(t.type)));
    if (!r.range_lo) {
      diags_.error("missing-range", r.name_span, "result `" + r.name + "` of " + where_clause() + " has no declared range",
                   "add the range the law allows, e.g. `range 0..k`");
    } else {
      for (const auto& b : {r.range_lo, r.range_hi}) {
        Ctx cc;
        cc.constant = true;
        Info bt = expr(*b, cc);
        if (bt.type != Type::Number && bt.type != Type::Error)
          diags_.error("type-mismatch", b->span, "a range bound must be a number, not " + std::string(type_name(bt.type)));
        else if (bt.type == Type::Number)
          fold(*b, "the range of result `" + r.name + "`");
      }
    }
  }

  void obligation(const ast::Obligation& o) {
    const TableSchema* t = table(o.table, o.table_span);
    if (!t) return;
    if (!t->per_agency)
      diags_.error("not-per-body", o.table_span,
                   "an obligation checks the rows of one body; table `" + o.table + "` does not belong to a body");
    Ctx ctx;
    ctx.table = t;
    std::set<std::size_t> deps;
    ctx.lets = &deps;
    Info b = expr(*o.breach, ctx);
    mark_used(deps);
    if (b.type != Type::Bool && b.type != Type::Error)
      diags_.error("type-mismatch", o.breach->span,
                   "the breach condition must be true or false, but this is " + std::string(type_name(b.type)));
  }

  void mark_used(const std::set<std::size_t>& deps) {
    // Everything a result uses, transitively: walk the lets' own references again.
    std::vector<std::size_t> todo(deps.begin(), deps.end());
    while (!todo.empty()) {
      std::size_t i = todo.back();
      todo.pop_back();
      if (!used_lets_.insert(i).second) continue;
      for (std::size_t k : let_refs_[i]) todo.push_back(k);
    }
  }

  void unused() {
    for (std::size_t i = 0; i < c_.lets.size(); ++i)
      if (!used_lets_.count(i))
        diags_.warning("unused-definition", c_.lets[i].name_span,
                       "definition `" + c_.lets[i].name + "` of " + where_clause() + " is not used by any result",
                       "remove it, or use it in a result");
    for (std::size_t i = 0; i < c_.coefficients.size(); ++i)
      if (!used_coefs_.count(i))
        diags_.warning("unused-definition", c_.coefficients[i].name_span,
                       "coefficient `" + c_.coefficients[i].name + "` of " + where_clause() + " is not used",
                       "remove it, or use it in a formula");
  }

  void evidence() {
    std::set<std::string> seen;
    for (const auto& e : c_.evidence)
      if (!seen.insert(e.subject).second)
        diags_.error("duplicate-evidence", e.span, "the evidence for the " + e.subject + " is stated twice");
    if (c_.evidence.empty())
      diags_.warning("missing-evidence", c_.number_span, where_clause() + " does not state its evidence",
                     "add e.g. `evidence text official, formula reconstructed`");
    else if (!seen.count("text"))
      diags_.warning("missing-evidence", c_.number_span, where_clause() + " does not state the evidence for its text",
                     "add `text official`, `text seed`, `text reconstructed` or `text not_on_file` to `evidence`");
    bool kk = false, ru = false;
    for (const auto& t : c_.titles) {
      kk |= t.lang == "kk";
      ru |= t.lang == "ru";
    }
    if (!kk || !ru)
      diags_.warning("missing-title", c_.number_span, where_clause() + " lacks its " +
                                                          std::string(!kk && !ru ? "Kazakh and Russian titles" : !kk ? "Kazakh title" : "Russian title"),
                     "add `title kk \"…\"` and `title ru \"…\"`");
  }

  const TableSchema* table(const std::string& name, Span span, bool for_test = false) {
    const TableSchema* t = contract_.find(name);
    if (!t) {
      const auto names = contract_.names();
      if (said_look_alike(diags_, name, names, span, "the data contract has")) return nullptr;
      std::string near = nearest(name, names);
      diags_.error("unknown-table", span, "unknown table `" + name + "`",
                   !near.empty()    ? "did you mean `" + near + "`?"
                   : names.empty() ? "the rules declare no table: pass the folder of the data contract too (e.g. "
                                     "`rules/data`), or declare it with `table " + name + " … end`"
                                   : "the tables are " + listed_with_and(names)).fix_if(near);
      return nullptr;
    }
    in_force_check(t->origin, span, "table `" + name + "`");
    out_.tables_used.insert(t->name);
    if (!for_test) tables_.insert(t->name);
    return t;
  }

  // ---- tests ----
  void test(const ast::TestCase& t) {
    std::set<std::string> tables_seen;
    for (const auto& tt : t.tables) {
      const TableSchema* ts = table(tt.table, tt.table_span, true);
      if (!ts) continue;
      if (!tables_seen.insert(tt.table).second)
        diags_.error("duplicate-test-table", tt.table_span, "table `" + tt.table + "` is given twice in this test");
      for (const auto& g : tt.groups) {
        std::set<std::string> cols;
        for (const auto& a : g.assignments) {
          const ColumnSchema* col = ts->column(a.column);
          if (!col) {
            std::vector<std::string> names;
            for (const auto& c : ts->columns) names.push_back(c.name);
            if (said_look_alike(diags_, a.column, names, a.column_span, "table `" + ts->name + "` has")) continue;
            std::string near = nearest(a.column, names);
            diags_.error("unknown-column", a.column_span, "table `" + ts->name + "` has no column `" + a.column + "`",
                         near.empty() ? "its columns are " + list_values(names) : "did you mean `" + near + "`?").fix_if(near);
            continue;
          }
          if (col->derived) {
            std::vector<std::string> from;
            for (const auto& d : rules_.derived)
              if (d.table == ts->name && d.column == col->name) columns_read(*d.decl->value, *ts, from);
            diags_.error("derived-column", a.column_span,
                         "`" + a.column + "` is worked out from " + (from.empty() ? "other columns" : list_values(from)) +
                             " and cannot be set",
                         from.empty() ? "set the columns it is computed from" : "set `" + from.front() + "` instead");
            continue;
          }
          if (!cols.insert(a.column).second)
            diags_.error("duplicate-assignment", a.column_span, "column `" + a.column + "` is set twice in these rows");
          test_value(*col, *a.value);
        }
      }
    }
    std::set<std::string> expected;
    for (const auto& e : t.expectations) {
      bool known = false;
      for (const auto& r : c_.results) known |= r.name == e.result;
      for (const auto& o : c_.obligations) known |= o.name == e.result;
      for (const auto& r : c_.ranks) known |= r.name == e.result;
      const ast::Grade* grade = nullptr;
      for (const auto& g : c_.grades)
        if (g.name == e.result) grade = &g;
      if (grade) {
        // A grade is expected by its band's name (`expect level = high`), or n/a.
        std::string band;
        if (const auto* n = std::get_if<ast::NameRef>(&e.value->node)) band = n->name;
        if (const auto* st = std::get_if<ast::StringLit>(&e.value->node)) band = st->value;
        std::vector<std::string> bands;
        for (const auto& b : grade->bands) bands.push_back(b.name);
        if (!std::holds_alternative<ast::NaLit>(e.value->node) && std::find(bands.begin(), bands.end(), band) == bands.end()) {
          std::string near = nearest(band, bands);
          diags_.error("bad-expectation", e.value->span,
                       "grade `" + grade->name + "` is expected by one of its bands: " + list_values(bands) + ", or n/a",
                       near.empty() ? "" : "did you mean `" + near + "`?").fix_if(near);
        }
        continue;
      }
      if (!known) {
        std::vector<std::string> names;
        for (const auto& r : c_.results) names.push_back(r.name);
        for (const auto& o : c_.obligations) names.push_back(o.name);
        for (const auto& r : c_.ranks) names.push_back(r.name);
        for (const auto& g : c_.grades) names.push_back(g.name);
        if (!said_look_alike(diags_, e.result, names, e.result_span, where_clause() + " has")) {
          std::string near = nearest(e.result, names);
          diags_.error("unknown-result", e.result_span, where_clause() + " has no result `" + e.result + "`",
                       near.empty() ? "its results are " + list_values(names) : "did you mean `" + near + "`?").fix_if(near);
        }
      }
      bool literal = std::holds_alternative<ast::NaLit>(e.value->node) || std::holds_alternative<ast::NumberLit>(e.value->node);
      if (auto* u = std::get_if<ast::Unary>(&e.value->node))
        literal = u->op == ast::UnaryOp::Neg && std::holds_alternative<ast::NumberLit>(u->operand->node);
      if (!literal)
        diags_.error("bad-expectation", e.value->span, "an expected value is a number such as 7.00, or n/a");
    }
  }

  void test_value(const ColumnSchema& col, const ast::Expr& v) {
    auto bad = [&](const std::string& what) {
      diags_.error("type-mismatch", v.span, "column `" + col.name + "` takes " + what);
    };
    switch (col.type) {
      case ColumnType::Enum: {
        std::string s;
        if (auto* n = std::get_if<ast::NameRef>(&v.node)) s = n->name;
        else if (auto* st = std::get_if<ast::StringLit>(&v.node)) s = st->value;
        else return bad("one of: " + list_values(col.enum_values));
        if (std::find(col.enum_values.begin(), col.enum_values.end(), s) == col.enum_values.end()) {
          std::string near = nearest(s, col.enum_values);
          diags_.error("unknown-value", v.span, "`" + s + "` is not a value of column `" + col.name + "`",
                       near.empty() ? "its values are " + list_values(col.enum_values) : "did you mean `" + near + "`?")
              .fix_if(near.empty() || !std::holds_alternative<ast::StringLit>(v.node) ? near : "\"" + near + "\"");
        }
        return;
      }
      case ColumnType::Bool:
        if (!std::holds_alternative<ast::BoolLit>(v.node)) bad("true or false");
        return;
      case ColumnType::Date:
        if (!std::holds_alternative<ast::DateLit>(v.node)) bad("a date such as 2023-10-15");
        return;
      case ColumnType::Text:
        if (!std::holds_alternative<ast::StringLit>(v.node)) bad("text in double quotes");
        return;
      case ColumnType::Whole:
      case ColumnType::Decimal: {
        const ast::Expr* n = &v;
        if (const auto* u = std::get_if<ast::Unary>(&v.node); u && u->op == ast::UnaryOp::Neg) n = u->operand.get();
        const auto* lit = std::get_if<ast::NumberLit>(&n->node);
        if (!lit) return bad(col.type == ColumnType::Whole ? "a whole number such as 12" : "a number such as 4.87");
        if (col.type == ColumnType::Whole && !lit->value.is_integer()) bad("a whole number such as 12");
        return;
      }
    }
  }

  // ---- expressions ----
  void too_deep(Span at) {
    if (!too_deep_reported_)
      diags_.error("too-deep", at,
                   "formula nested too deeply through definitions and function calls: more than " +
                       std::to_string(grammar::kMaxFormulaDepth) + " levels, the limit",
                   "each level of a definition or function used inside another adds to the depth; "
                   "shorten the chain");
    too_deep_reported_ = true;
  }

  Info record(const ast::Expr& e, const Ctx& ctx, Info t) {
    if (ctx.record) out_.types[&e] = t.type;
    return t;
  }

  Info expr(const ast::Expr& e, Ctx& ctx) {
    // A formula is followed through the definitions and function bodies it uses, as the evaluator
    // will follow it: bound how deep and how far, or a chain of definitions would overflow the
    // stack and functions that each call the next twice would run for ever.
    if (depth_ >= grammar::kMaxFormulaDepth) {
      too_deep(e.span);
      return {};
    }
    if (++expanded_ > grammar::kMaxFormulaSize) {
      if (!too_big_reported_)
        diags_.error("too-large", e.span,
                     "formulas of " + where_clause() + " expand to more than " +
                         std::to_string(grammar::kMaxFormulaSize) +
                         " operations once every function call is replaced by its body, the limit",
                     "a function whose body calls another function several times multiplies the work; "
                     "compute the shared part once with `let`");
      too_big_reported_ = true;
      return {};
    }
    struct Level {
      std::size_t& d;
      explicit Level(std::size_t& x) : d(++x) {}
      ~Level() { --d; }
    } level(depth_);
    reach_ = std::max(reach_, depth_);
    return std::visit([&](const auto& n) { return record(e, ctx, node(e, n, ctx)); }, e.node);
  }

  Info node(const ast::Expr&, const ast::NumberLit&, Ctx&) { return {Type::Number}; }
  Info node(const ast::Expr&, const ast::StringLit&, Ctx&) { return {Type::Text}; }
  Info node(const ast::Expr&, const ast::BoolLit&, Ctx&) { return {Type::Bool}; }
  Info node(const ast::Expr&, const ast::DateLit&, Ctx&) { return {Type::Date}; }
  Info node(const ast::Expr& e, const ast::NaLit& na, Ctx&) {
    if (na.not_on_file) {
      diags_.error("formula-not-on-file", e.span, "this formula of " + where_clause() + " is not on file yet",
                   "write it from the act's text in place of `not_on_file`, and set the clause's `evidence formula`");
      return {};
    }
    diags_.error("misplaced-na", e.span, "`n/a` can only be expected in a test", "a formula yields n/a by itself on a zero denominator");
    return {};
  }

  Info node(const ast::Expr& e, const ast::NameRef& n, Ctx& ctx) {
    auto bind = [&](Binding b) { out_.bindings[&e] = std::move(b); };
    if (ctx.fn) {
      for (std::size_t i = 0; i < ctx.fn->params.size(); ++i)
        if (ctx.fn->params[i] == n.name) {
          bind(Binding{Binding::Kind::Param, i, {}, 0});
          return ctx.params[i];
        }
      if (n.name == "as_of") {
        bind(Binding{Binding::Kind::AsOf, 0, {}, 0});
        return {Type::Date};
      }
      if (said_look_alike(diags_, n.name, ctx.fn->params, e.span, "function `" + ctx.fn->name + "` has")) return {};
      std::string near = nearest(n.name, ctx.fn->params);
      diags_.error("undefined-name", e.span, "function `" + ctx.fn->name + "` has no parameter `" + n.name + "`",
                   near.empty() ? "a function sees only its parameters and as_of" : "did you mean `" + near + "`?").fix_if(near);
      return {};
    }
    // A column of the rows' table, by its name as written or (after a look-alike error) as meant.
    auto column = [&](const std::string& name) -> Info {
      const int ci = ctx.table->column_index(name);
      if (ctx.constant) return constant_only(e, name);
      bind(Binding{Binding::Kind::Column, static_cast<std::size_t>(ci), {}, 0});
      columns_.insert(ctx.table->name + "." + name);
      const ColumnSchema& col = ctx.table->columns[static_cast<std::size_t>(ci)];
      in_force_check(col.origin, e.span, "column `" + name + "` of table `" + ctx.table->name + "`");
      return {column_type(col), &col, true};
    };
    if (ctx.table && ctx.table->column_index(n.name) >= 0) return column(n.name);
    if (auto it = names_.find(n.name); it != names_.end()) {
      const Binding& b = it->second.first;
      if (b.index == SIZE_MAX) {
        diags_.error("result-reference", e.span, "`" + n.name + "` is a result; formulas use definitions and coefficients",
                     "make the shared part a `let` and use it in both results");
        return {};
      }
      if (b.kind == Binding::Kind::Coefficient) {
        bind(b);
        used_coefs_.insert(b.index);
        return coefficient(b.index);
      }
      if (ctx.constant) return constant_only(e, n.name);
      bind(b);
      if (ctx.lets) ctx.lets->insert(b.index);
      if (!let_stack_.empty()) let_refs_[let_stack_.back()].insert(b.index);
      Info t = let(b.index);
      t.row = false;
      return t;
    }
    if (n.name == "as_of") {
      if (ctx.constant) return constant_only(e, n.name);
      bind(Binding{Binding::Kind::AsOf, 0, {}, 0});
      return {Type::Date};
    }
    // A column of another table than the one the rows come from.
    if (ctx.table)
      for (const auto& t : contract_.tables)
        if (t.column(n.name)) {
          diags_.error("column-outside-rows", e.span,
                       "`" + n.name + "` is a column of table `" + t.name + "`, not of `" + ctx.table->name + "`",
                       "these rows come from `" + ctx.table->name + "`; read `" + n.name + "` with its own aggregate over `" + t.name + "`");
          return {};
        }
    // A column used outside a row condition.
    for (const auto& t : contract_.tables)
      if (t.column(n.name)) {
        diags_.error("column-outside-rows", e.span,
                     "`" + n.name + "` is a column of table `" + t.name + "`; it has a value only for one row",
                     "use it inside a row condition, e.g. `count " + t.name + " where " + n.name + " …`");
        return {};
      }
    std::vector<std::string> candidates;
    for (const auto& [name, b] : names_) candidates.push_back(name);
    if (ctx.table) {
      std::vector<std::string> cols;
      for (const auto& c : ctx.table->columns) cols.push_back(c.name);
      // The column meant is read as such, so that its comparison is checked, not a second error.
      if (auto meant = said_look_alike(diags_, n.name, cols, e.span, "table `" + ctx.table->name + "` has"))
        return column(*meant);
      candidates.insert(candidates.end(), cols.begin(), cols.end());
    }
    candidates.push_back("as_of");
    if (said_look_alike(diags_, n.name, candidates, e.span, where_clause() + " has")) return {};
    std::string near = nearest(n.name, candidates);
    if (ctx.table) {
      // Inside a row condition a bare name is meant as a column: say so, not "define it with let".
      std::vector<std::string> cols;
      for (const auto& c : ctx.table->columns) cols.push_back(c.name);
      diags_.error("not-a-column", e.span, "`" + n.name + "` is not a column of table `" + ctx.table->name + "`",
                   !near.empty() ? "did you mean `" + near + "`?"
                                 : "its columns are " + list_values(cols) + "; a new column is declared in the table (`column " +
                                       n.name + " TYPE \"…\"`, or `extend table " + ctx.table->name + "` in a later act)").fix_if(near);
      return {};
    }
    diags_.error("undefined-name", e.span, "`" + n.name + "` is not defined in " + where_clause(),
                 near.empty() ? "define it with `let " + n.name + " = …`" : "did you mean `" + near + "`?").fix_if(near);
    return {};
  }

  Info constant_only(const ast::Expr& e, const std::string& name) {
    diags_.error("not-constant", e.span, "`" + name + "` is not a constant: coefficients and ranges use numbers and other coefficients only");
    return {};
  }

  Info node(const ast::Expr& e, const ast::Unary& u, Ctx& ctx) {
    Info t = expr(*u.operand, ctx);
    if (t.type == Type::Error) return t;
    if (u.op == ast::UnaryOp::Not) {
      if (t.type != Type::Bool) return mismatch(e, "`not` needs a condition (true/false), not " + std::string(type_name(t.type)));
      return {Type::Bool, nullptr, t.row};
    }
    if (t.type != Type::Number && t.type != Type::Days)
      return mismatch(e, "cannot negate " + std::string(type_name(t.type)));
    return {t.type, nullptr, t.row};
  }

  Info mismatch(const ast::Expr& e, const std::string& msg, const std::string& help = {}) {
    diags_.error("type-mismatch", e.span, msg, help);
    return {};
  }

  // `status = done`: a bare word compared with an enum column is one of its values.
  bool enum_literal(const ast::Expr& e, const Info& other, Ctx& ctx) {
    const auto* n = std::get_if<ast::NameRef>(&e.node);
    std::string value;
    if (n) value = n->name;
    else if (const auto* s = std::get_if<ast::StringLit>(&e.node)) value = s->value;
    else return false;
    if (other.type != Type::Enum || !other.column) return false;
    if (n && (names_.count(n->name) || (ctx.table && ctx.table->column(n->name)))) return false;
    const auto& vals = other.column->enum_values;
    auto it = std::find(vals.begin(), vals.end(), value);
    if (it == vals.end()) {
      std::string near = nearest(value, vals);
      diags_.error("unknown-value", e.span, "`" + value + "` is not a value of column `" + other.column->name + "`",
                   near.empty() ? "its values are " + list_values(vals) : "did you mean `" + near + "`?")
          .fix_if(near.empty() || n ? near : "\"" + near + "\"");
    } else {
      out_.bindings[&e] = Binding{Binding::Kind::EnumValue, 0, value, static_cast<std::int32_t>(it - vals.begin())};
    }
    record(e, ctx, {Type::Enum, other.column});
    return true;
  }

  static bool comparable(Type a, Type b) {
    auto norm = [](Type t) { return t == Type::Enum ? Type::Text : t; };
    return norm(a) == norm(b);
  }

  Info node(const ast::Expr& e, const ast::Binary& b, Ctx& ctx) {
    using ast::BinaryOp;
    bool compare = b.op == BinaryOp::Eq || b.op == BinaryOp::Ne || b.op == BinaryOp::Lt || b.op == BinaryOp::Le ||
                   b.op == BinaryOp::Gt || b.op == BinaryOp::Ge;
    Info l, r;
    if (compare) {
      // Resolve an enum value on either side against the column on the other.
      const ast::Expr* lhs = b.lhs.get();
      const ast::Expr* rhs = b.rhs.get();
      // A column's name typed with a look-alike letter is the column (said as `look-alike`), not a value.
      auto column_named = [&](const std::string& name) {
        if (!ctx.table) return false;
        if (ctx.table->column(name)) return true;
        std::vector<std::string> cols;
        for (const auto& c : ctx.table->columns) cols.push_back(c.name);
        return find_look_alike(name, cols).has_value();
      };
      bool l_name = std::holds_alternative<ast::NameRef>(lhs->node) && !names_.count(std::get<ast::NameRef>(lhs->node).name) &&
                    !column_named(std::get<ast::NameRef>(lhs->node).name);
      if (l_name) {
        r = expr(*rhs, ctx);
        if (enum_literal(*lhs, r, ctx)) return {Type::Bool, nullptr, r.row};
        l = expr(*lhs, ctx);
      } else {
        l = expr(*lhs, ctx);
        if (enum_literal(*rhs, l, ctx)) return {Type::Bool, nullptr, l.row};
        r = expr(*rhs, ctx);
      }
    } else {
      l = expr(*b.lhs, ctx);
      r = expr(*b.rhs, ctx);
    }
    bool row = l.row || r.row;
    if (l.type == Type::Error || r.type == Type::Error) return {Type::Error, nullptr, row};
    std::string op = ast::to_string(b.op);
    std::string lt = type_name(l.type), rt = type_name(r.type);
    switch (b.op) {
      case BinaryOp::And:
      case BinaryOp::Or:
        if (l.type != Type::Bool || r.type != Type::Bool)
          return mismatch(e, "`" + op + "` joins conditions (true/false), not " + (l.type != Type::Bool ? lt : rt));
        return {Type::Bool, nullptr, row};
      case BinaryOp::Eq:
      case BinaryOp::Ne:
        if (!comparable(l.type, r.type)) return mismatch(e, "cannot compare " + lt + " with " + rt);
        return {Type::Bool, nullptr, row};
      case BinaryOp::Lt:
      case BinaryOp::Le:
      case BinaryOp::Gt:
      case BinaryOp::Ge:
        if (!comparable(l.type, r.type)) return mismatch(e, "cannot compare " + lt + " with " + rt);
        if (l.type == Type::Bool || l.type == Type::Text || l.type == Type::Enum)
          return mismatch(e, "`" + op + "` orders numbers, dates and day counts, not " + lt);
        return {Type::Bool, nullptr, row};
      case BinaryOp::Add:
        if (l.type == Type::Number && r.type == Type::Number) return {Type::Number, nullptr, row};
        if (l.type == Type::Days && r.type == Type::Days) return {Type::Days, nullptr, row};
        if ((l.type == Type::Date && r.type == Type::Days) || (l.type == Type::Days && r.type == Type::Date))
          return {Type::Date, nullptr, row};
        if ((l.type == Type::Date && r.type == Type::Number) || (l.type == Type::Number && r.type == Type::Date))
          return mismatch(e, "cannot add a number to a date", "to move a date by a number of days write `days(n)`: `d + days(3)`");
        return mismatch(e, "cannot add " + rt + " to " + lt);
      case BinaryOp::Sub:
        if (l.type == Type::Number && r.type == Type::Number) return {Type::Number, nullptr, row};
        if (l.type == Type::Days && r.type == Type::Days) return {Type::Days, nullptr, row};
        if (l.type == Type::Date && r.type == Type::Date) return {Type::Days, nullptr, row};
        if (l.type == Type::Date && r.type == Type::Days) return {Type::Date, nullptr, row};
        if (l.type == Type::Date && r.type == Type::Number)
          return mismatch(e, "cannot subtract a number from a date", "write `days(n)`: `d - days(3)`");
        return mismatch(e, "cannot subtract " + rt + " from " + lt);
      case BinaryOp::Mul:
        if (l.type == Type::Number && r.type == Type::Number) return {Type::Number, nullptr, row};
        if ((l.type == Type::Days && r.type == Type::Number) || (l.type == Type::Number && r.type == Type::Days))
          return {Type::Days, nullptr, row};
        return mismatch(e, "cannot multiply " + lt + " by " + rt);
      case BinaryOp::Div:
        if (l.type == Type::Number && r.type == Type::Number) return {Type::Number, nullptr, row};
        if (l.type == Type::Days && r.type == Type::Days) return {Type::Number, nullptr, row};
        if (l.type == Type::Days && r.type == Type::Number) return {Type::Days, nullptr, row};
        return mismatch(e, "cannot divide " + lt + " by " + rt);
    }
    return {};
  }

  Info node(const ast::Expr& e, const ast::If& i, Ctx& ctx) {
    Info c = expr(*i.cond, ctx);
    Info a = expr(*i.then_branch, ctx);
    Info b = expr(*i.else_branch, ctx);
    bool row = c.row || a.row || b.row;
    if (c.type != Type::Bool && c.type != Type::Error)
      mismatch(*i.cond, "the condition of `if` must be true or false, not " + std::string(type_name(c.type)));
    if (a.type == Type::Error || b.type == Type::Error) return {Type::Error, nullptr, row};
    if (!comparable(a.type, b.type))
      return mismatch(e, "the branches of `if` differ: " + std::string(type_name(a.type)) + " and " + type_name(b.type));
    return {a.type, a.column, row};
  }

  Info node(const ast::Expr& e, const ast::InList& in, Ctx& ctx) {
    Info v = expr(*in.value, ctx);
    for (const auto& item : in.items) {
      if (enum_literal(*item, v, ctx)) continue;
      Info t = expr(*item, ctx);
      if (v.type != Type::Error && t.type != Type::Error && !comparable(v.type, t.type))
        mismatch(*item, "the list holds " + std::string(type_name(t.type)) + ", but the value is " + type_name(v.type));
    }
    (void)e;
    return {Type::Bool, nullptr, v.row};
  }

  Info node(const ast::Expr& e, const ast::Call& c, Ctx& ctx) {
    static const std::map<std::string, Builtin> builtins{{"round", Builtin::Round}, {"missing", Builtin::Missing},
                                                         {"days", Builtin::Days},   {"year", Builtin::Year},
                                                         {"month", Builtin::Month}, {"day", Builtin::Day}};
    std::vector<Info> args;
    for (const auto& a : c.args) args.push_back(expr(*a, ctx));
    bool row = std::any_of(args.begin(), args.end(), [](const Info& i) { return i.row; });
    auto arity = [&](std::size_t n) {
      if (c.args.size() == n) return true;
      diags_.error("wrong-arguments", e.span,
                   "`" + c.function + "` takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", not " +
                       std::to_string(c.args.size()));
      return false;
    };
    auto want = [&](std::size_t i, Type t) {
      if (args[i].type != t && args[i].type != Type::Error) {
        mismatch(*c.args[i], "`" + c.function + "` needs " + type_name(t) + " here, not " + type_name(args[i].type));
        return false;
      }
      return true;
    };
    if (auto it = builtins.find(c.function); it != builtins.end()) {
      out_.builtins[&e] = it->second;
      switch (it->second) {
        case Builtin::Round:
          if (!arity(2)) return {};
          want(0, Type::Number);
          want(1, Type::Number);
          if (const auto* lit = std::get_if<ast::NumberLit>(&c.args[1]->node);
              !lit || !lit->value.is_integer() || lit->value > Rational(18))
            mismatch(*c.args[1], "the number of decimals of `round` must be a whole number from 0 to 18, written out");
          return {Type::Number, nullptr, row};
        case Builtin::Missing:
          if (!arity(1)) return {};
          return {Type::Bool, nullptr, row};
        case Builtin::Days:
          if (!arity(1)) return {};
          want(0, Type::Number);
          return {Type::Days, nullptr, row};
        case Builtin::Year:
        case Builtin::Month:
        case Builtin::Day:
          if (!arity(1)) return {};
          want(0, Type::Date);
          return {Type::Number, nullptr, row};
        case Builtin::None: break;
      }
    }
    auto fit = rules_.functions.find(c.function);
    if (fit == rules_.functions.end()) {
      std::vector<std::string> names;
      for (const auto& [n, f] : rules_.functions) names.push_back(n);
      for (const auto& [n, b] : builtins) names.push_back(n);
      if (said_look_alike(diags_, c.function, names, c.name_span, "the rules have")) return {};
      std::string near = nearest(c.function, names);
      diags_.error("undefined-function", c.name_span, "no function named `" + c.function + "`",
                   near.empty() ? "the standard library is listed in docs/language.md" : "did you mean `" + near + "`?").fix_if(near);
      return {};
    }
    const ast::Function* fn = fit->second;
    out_.calls[&e] = fn;
    if (!arity(fn->params.size())) return {};
    if (std::find(ctx.call_stack.begin(), ctx.call_stack.end(), fn) != ctx.call_stack.end()) {
      diags_.error("cycle", c.name_span, "function `" + fn->name + "` calls itself", "functions cannot be recursive");
      return {};
    }
    if (std::any_of(args.begin(), args.end(), [](const Info& i) { return i.type == Type::Error; })) return {};
    Ctx inner;
    inner.fn = fn;
    inner.params = args;
    inner.record = false;
    inner.table = nullptr;
    inner.call_stack = ctx.call_stack;
    inner.call_stack.push_back(fn);
    Info t = expr(*fn->body, inner);
    t.row = row;
    return t;
  }

  // `T of clause 49`: the referenced clause must be in force, with a result or obligation of that
  // name, on every day this version is (the version read is the one in force on the as-of date).
  Info node(const ast::Expr& e, const ast::ClauseRef& r, Ctx& ctx) {
    if (ctx.constant) return constant_only(e, r.name + " of clause " + r.clause);
    if (ctx.fn) {
      diags_.error("undefined-name", e.span, "function `" + ctx.fn->name + "` cannot read `" + r.name + " of clause " + r.clause + "`",
                   "a function sees only its parameters and as_of: pass the result in as an argument");
      return {};
    }
    if (r.clause == c_.number) {
      diags_.error("self-reference", e.span, "clause " + c_.number + " reads its own result `" + r.name + "` through `of clause " + r.clause + "`",
                   "within a clause, share a value with `let` and use it in both results");
      return {};
    }
    auto it = rules_.clauses.find(r.clause);
    if (it == rules_.clauses.end()) {
      std::string near = nearest(r.clause, rules_.clause_numbers());
      diags_.error("unknown-clause", r.clause_span, "no act has a clause " + r.clause,
                   near.empty() ? "name a clause of the rule set" : "did you mean clause " + near + "?")
          .fix_if(near);
      return {};
    }
    uses_.push_back({r.clause, r.name, e.span});
    if (!v_.number.empty()) in_force_for(r, e.span, it->second);
    return {Type::Number};
  }

  // Every day this version is in force, a version of the referenced clause must be, with the name.
  void in_force_for(const ast::ClauseRef& r, Span span, const std::vector<ClauseVersion>& versions) {
    const std::string me = "clause " + c_.number + " (act \"" + v_.act->id + "\", " + period(v_.from, v_.until) + ")";
    const std::string help = "a reference reads the version in force on the as-of date: clause " + c_.number +
                             " may be in force only while clause " + r.clause + " is";
    Date cursor = v_.from;
    auto before_end = [&](Date d) { return !v_.until || d < *v_.until; };
    for (const auto& w : versions) {
      if (w.until && !(cursor < *w.until)) continue;  // over before the days still to cover
      if (!before_end(w.from) && !before_end(cursor)) break;
      if (!before_end(w.from)) break;
      if (cursor < w.from) {
        diags_.error("reference-not-in-force", span,
                     me + " uses `" + r.name + " of clause " + r.clause + "`, but clause " + r.clause + " is not in force " +
                         period(cursor, w.from) + ": its " + (w.repeal ? "repeal" : "version") + " of act \"" + w.act->id +
                         "\" takes effect on " + format_date(w.from),
                     help);
        return;
      }
      if (w.repeal) {
        diags_.error("reference-not-in-force", span,
                     me + " uses `" + r.name + " of clause " + r.clause + "`, but clause " + r.clause + " is repealed by act \"" +
                         w.act->id + "\" from " + format_date(w.from),
                     help);
        return;
      }
      std::vector<std::string> outputs;
      for (const auto& x : w.clause->results) outputs.push_back(x.name);
      for (const auto& x : w.clause->obligations) outputs.push_back(x.name);
      if (std::find(outputs.begin(), outputs.end(), r.name) == outputs.end()) {
        std::string near = nearest(r.name, outputs);
        bool other = false;
        for (const auto& x : w.clause->ranks) other |= x.name == r.name;
        for (const auto& x : w.clause->grades) other |= x.name == r.name;
        diags_.error("undefined-name", r.name_span,
                     "clause " + r.clause + " in its version of act \"" + w.act->id + "\" (" + period(w.from, w.until) +
                         ") has no result `" + r.name + "`" + (other ? ": it is a rank or grade, which formulas do not read" : ""),
                     near.empty() ? "its results are " + (outputs.empty() ? std::string("none") : list_values(outputs))
                                  : "did you mean `" + near + "`?")
            .fix_if(near);
        return;
      }
      if (!w.until) return;
      cursor = *w.until;
    }
    if (before_end(cursor))
      diags_.error("reference-not-in-force", span,
                   me + " uses `" + r.name + " of clause " + r.clause + "`, but clause " + r.clause + " is not in force " +
                       period(cursor, v_.until),
                   help);
  }

  static std::string period(Date from, std::optional<Date> until) {
    if (!until) return "from " + format_date(from);
    return "from " + format_date(from) + " to " + format_date(Date{until->days - 1});
  }

  // `total of …`: every part, weight and stated value a number; how an n/a part enters it stated.
  Info node(const ast::Expr& e, const ast::Total& t, Ctx& ctx) {
    if (ctx.constant) return constant_only(e, "total");
    auto number = [&](const ast::Expr& x, const std::string& what) {
      Info i = expr(x, ctx);
      if (i.type != Type::Number && i.type != Type::Error)
        mismatch(x, what + " must be a number, not " + std::string(type_name(i.type)));
      return i.row;
    };
    bool row = false;
    for (const auto& p : t.parts) {
      row |= number(*p.value, "a part of a total");
      if (p.weight) row |= number(*p.weight, "a part's weight");
      if (p.fallback) row |= number(*p.fallback, "the value of a part that is n/a");
    }
    if (t.count_as) row |= number(*t.count_as, "the value an n/a part counts as");
    if (t.policy == ast::NaPolicy::Unstated)
      diags_.error("total-na-policy", e.span, "this total does not state how a part that is n/a enters it",
                   "end it with `when n/a renormalise` (the weights of the parts present scaled up to the whole), "
                   "`when n/a total n/a`, or `when n/a as 0`: never a silent 0");
    return {Type::Number, nullptr, row};
  }

  Info node(const ast::Expr& e, const ast::Aggregate& a, Ctx& ctx) {
    if (ctx.table) {
      diags_.error("nested-aggregate", e.span, "an aggregate cannot be used inside a row condition",
                   "give it a name with `let` first, then use the name here");
      return {};
    }
    if (ctx.constant) return constant_only(e, ast::to_string(a.kind));
    if (ctx.fn) {
      diags_.error("aggregate-in-function", e.span, "functions cannot read tables", "pass the aggregate in as an argument");
      return {};
    }
    const TableSchema* t = table(a.table, a.table_span);
    if (!t) return {};
    Ctx rows = ctx;
    rows.table = t;
    Info v;
    if (a.kind == ast::AggregateKind::Count) {
      if (a.value) diags_.error("count-of", a.value->span, "`count` counts rows and takes no `of`", "remove `of …`");
    } else if (!a.value) {
      diags_.error("missing-of", e.span,
                   "`" + std::string(ast::to_string(a.kind)) + "` needs `of` and the value to aggregate, e.g. `" +
                       ast::to_string(a.kind) + " " + a.table + " of COLUMN`");
      return {};
    } else {
      v = expr(*a.value, rows);
    }
    if (a.filter) {
      Info f = expr(*a.filter, rows);
      if (f.type != Type::Bool && f.type != Type::Error)
        mismatch(*a.filter, "the condition after `where` must be true or false, not " + std::string(type_name(f.type)));
    }
    switch (a.kind) {
      case ast::AggregateKind::Count: return {Type::Number};
      case ast::AggregateKind::Sum:
      case ast::AggregateKind::Avg:
        if (v.type != Type::Number && v.type != Type::Days && v.type != Type::Error)
          return mismatch(*a.value, "`" + std::string(ast::to_string(a.kind)) + "` adds up numbers or day counts, not " + type_name(v.type));
        return {v.type};
      case ast::AggregateKind::Min:
      case ast::AggregateKind::Max:
        if (v.type != Type::Number && v.type != Type::Days && v.type != Type::Date && v.type != Type::Error)
          return mismatch(*a.value, "`" + std::string(ast::to_string(a.kind)) + "` compares numbers, dates or day counts, not " + type_name(v.type));
        return {v.type};
      case ast::AggregateKind::Single: return {v.type, v.column};
    }
    return {};
  }

  const RuleSet& rules_;
  const ClauseVersion& v_;
  const ast::Clause& c_;
  Checked& out_;
  Diagnostics& diags_;
  const input::Contract& contract_;
  Date at_;            // the date the formulas take effect: the contract in force then applies
  std::string where_;  // a contract expression's name in messages, instead of the clause's
  const ColumnSchema* contract_column_ = nullptr;
  std::map<std::string, std::pair<Binding, Span>> names_;
  std::vector<int> let_state_, coef_state_;
  std::vector<Info> let_types_, coef_types_;
  std::vector<std::optional<Rational>> coef_values_;  // by coefficient, once folded (fold)
  std::vector<std::size_t> let_stack_, let_order_;
  std::map<std::size_t, std::set<std::size_t>> let_refs_;
  std::set<std::size_t> used_lets_, used_coefs_;
  std::set<std::string> tables_;
  std::set<std::string> columns_;
  std::vector<ClauseUse> uses_;
  // See expr(). reach_: the deepest level reached so far, counting the height of the definitions
  // used (a definition used at depth d and d' levels deep itself reaches d + d' when evaluated).
  std::size_t depth_ = 0, expanded_ = 0, reach_ = 0;
  std::vector<std::size_t> let_height_;
  bool too_deep_reported_ = false, too_big_reported_ = false;
};


// Functions are checked at each call with its argument types; this catches, once, the names a
// function's body cannot see even when no clause calls it.
void check_function_names(const RuleSet& rules, const ast::Function& fn, const ast::Expr& body, Diagnostics& diags) {
  static const std::set<std::string> builtins{"round", "missing", "days", "year", "month", "day"};
  ast::walk(body, [&](const ast::Expr& e) {
    if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
      if (n->name == "as_of" || std::find(fn.params.begin(), fn.params.end(), n->name) != fn.params.end()) return true;
      if (!said_look_alike(diags, n->name, fn.params, e.span, "function `" + fn.name + "` has")) {
        std::string near = nearest(n->name, fn.params);
        diags.error("undefined-name", e.span, "function `" + fn.name + "` has no parameter `" + n->name + "`",
                    near.empty() ? "a function sees only its parameters and as_of" : "did you mean `" + near + "`?").fix_if(near);
      }
    } else if (const auto* c = std::get_if<ast::Call>(&e.node)) {
      if (!builtins.count(c->function) && !rules.functions.count(c->function))
        diags.error("undefined-function", c->name_span, "no function named `" + c->function + "`");
    } else if (std::holds_alternative<ast::Aggregate>(e.node)) {
      diags.error("aggregate-in-function", e.span, "functions cannot read tables", "pass the aggregate in as an argument");
      return false;  // its row expressions name columns, not parameters
    } else if (const auto* r = std::get_if<ast::ClauseRef>(&e.node)) {
      diags.error("undefined-name", e.span, "function `" + fn.name + "` cannot read `" + r->name + " of clause " + r->clause + "`",
                  "a function sees only its parameters and as_of: pass the result in as an argument");
    }
    return true;
  });
}

}  // namespace

void Checked::add(const Checked& other) {
  for (const auto& [k, v] : other.bindings) bindings.insert_or_assign(k, v);
  for (const auto& [k, v] : other.calls) calls.insert_or_assign(k, v);
  for (const auto& [k, v] : other.builtins) builtins.insert_or_assign(k, v);
  for (const auto& [k, v] : other.types) types.insert_or_assign(k, v);
  for (const auto& [k, v] : other.clauses) clauses.insert_or_assign(k, v);
  tables_used.insert(other.tables_used.begin(), other.tables_used.end());
  for (const auto& [k, v] : other.invariant_tables) invariant_tables.insert_or_assign(k, v);
}

std::vector<const ClauseVersion*> Checked::with_parts(const std::vector<const ClauseVersion*>& versions) const {
  std::vector<const ClauseVersion*> out = versions;
  std::set<const ClauseVersion*> seen(versions.begin(), versions.end());
  std::set<std::string> numbers;
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto it = clauses.find(out[i]);
    if (it == clauses.end()) continue;
    for (const auto& u : it->second.uses)
      if (numbers.insert(u.clause).second)
        for (const auto& [v, cc] : clauses)
          if (v->number == u.clause && seen.insert(v).second) out.push_back(v);
  }
  return out;
}

std::vector<std::string> Checked::tables_read(const std::vector<const ClauseVersion*>& versions) const {
  std::set<std::string> out;
  for (const auto* v : with_parts(versions))
    if (auto it = clauses.find(v); it != clauses.end()) out.insert(it->second.tables.begin(), it->second.tables.end());
  return {out.begin(), out.end()};
}

bool Checked::reads_column(const std::vector<const ClauseVersion*>& versions, const std::string& table,
                           const std::string& column) const {
  const std::string name = table + "." + column;
  for (const auto* v : with_parts(versions)) {
    auto it = clauses.find(v);
    if (it == clauses.end() || it->second.columns.count(name)) return true;  // unknown: assume it does
  }
  return false;
}

namespace {

// The data contract's expressions: each derived column gets the type of its expression (the
// columns the clauses read must have types before the clauses are checked), each invariant must
// be a condition and name clauses that exist.
void check_contract(const RuleSet& rules, Checked& out, Diagnostics& diags) {
  static const ast::Clause none{};
  for (const auto& d : rules.derived) {
    input::TableSchema* t = nullptr;
    for (auto& x : rules.contract->tables)
      if (x.name == d.table) t = &x;
    const int ci = t ? t->column_index(d.column) : -1;
    if (ci < 0) continue;
    input::ColumnSchema& col = t->columns[static_cast<std::size_t>(ci)];
    ClauseVersion v{"", nullptr, nullptr, &none, nullptr, col.origin.from, std::nullopt};
    ClauseChecker cc(rules, v, out, diags);
    const Type type = cc.contract_expr(*d.decl->value, t, col.origin.from,
                                       "derived column `" + d.column + "` of table `" + d.table + "`");
    switch (type) {
      case Type::Bool: col.type = input::ColumnType::Bool; break;
      case Type::Number: col.type = input::ColumnType::Decimal; break;
      case Type::Date: col.type = input::ColumnType::Date; break;
      case Type::Text: col.type = input::ColumnType::Text; break;
      case Type::Enum:
        col.type = input::ColumnType::Enum;
        if (const ColumnSchema* from = cc.contract_column()) col.enum_values = from->enum_values;
        break;
      case Type::Days:
        diags.error("type-mismatch", d.decl->value->span,
                    "a derived column holds true/false, a number, a date or text, not a number of days",
                    "divide by `days(1)` to count the days as a number");
        break;
      case Type::Error: break;
    }
  }
  for (const auto& inv : rules.invariants) {
    const ast::InvariantDecl& d = *inv.decl;
    const input::TableSchema* t = rules.contract->find(inv.table);
    if (!t) continue;
    ClauseVersion v{"", nullptr, nullptr, &none, nullptr, inv.origin.from, std::nullopt};
    ClauseChecker cc(rules, v, out, diags);
    const Type type = cc.contract_expr(*d.condition, d.per_body ? nullptr : t, inv.origin.from,
                                       "invariant `" + d.name + "` of table `" + inv.table + "`");
    if (type != Type::Bool && type != Type::Error)
      diags.error("type-mismatch", d.condition->span,
                  "invariant `" + d.name + "` must be a condition (true/false), not " + std::string(type_name(type)));
    auto& read = out.invariant_tables[&d];
    read.insert(inv.table);
    cc.tables_read(read);
    for (std::size_t i = 0; i < d.clauses.size(); ++i)
      if (!rules.clauses.count(d.clauses[i])) {
        std::string near = nearest(d.clauses[i], rules.clause_numbers());
        diags.error("unknown-clause", d.clause_spans[i],
                    "invariant `" + d.name + "` is for clause " + d.clauses[i] + ", but no act has a clause " + d.clauses[i],
                    near.empty() ? "name the clause whose formula relies on the invariant" : "did you mean clause " + near + "?")
            .fix_if(near);
      }
  }
}

bool overlap(const ClauseVersion& a, const ClauseVersion& b) {
  return (!a.until || b.from < *a.until) && (!b.until || a.from < *b.until);
}

// Clauses that read each other's results, directly or through others, on a day when all of them
// are in force: no order of evaluation exists. One error per cycle, at the reference that closes it.
void check_clause_graph(const RuleSet& rules, const Checked& out, Diagnostics& diags) {
  struct Edge { const ClauseVersion* to; Span at; };
  std::map<const ClauseVersion*, std::vector<Edge>> edges;
  for (const auto& [v, cc] : out.clauses) {
    if (!v->clause || v->number.empty()) continue;
    for (const auto& u : cc.uses) {
      auto it = rules.clauses.find(u.clause);
      if (it == rules.clauses.end()) continue;
      for (const auto& w : it->second)
        if (w.clause && overlap(*v, w)) edges[v].push_back({&w, u.span});
    }
  }
  std::map<const ClauseVersion*, int> state;  // 1: on the path, 2: done
  std::vector<std::pair<const ClauseVersion*, Span>> path;
  std::set<std::set<std::string>> said;
  std::function<void(const ClauseVersion*)> visit = [&](const ClauseVersion* v) {
    state[v] = 1;
    for (const Edge& e : edges[v]) {
      if (state[e.to] == 2) continue;
      if (state[e.to] == 1) {
        std::size_t k = 0;
        while (k < path.size() && path[k].first != e.to) ++k;
        std::string chain;
        std::set<std::string> members;
        for (std::size_t i = k; i < path.size(); ++i) {
          chain += "clause " + path[i].first->number + " (from " + format_date(path[i].first->from) + ") -> ";
          members.insert(path[i].first->number);
        }
        members.insert(v->number);
        chain += "clause " + v->number + " (from " + format_date(v->from) + ") -> clause " + e.to->number;
        if (said.insert(members).second)
          diags.error("cycle", e.at, "clauses read each other's results in a cycle: " + chain,
                      "a total reads its parts, never the other way round: remove one of the references");
        continue;
      }
      path.push_back({v, e.at});
      visit(e.to);
      path.pop_back();
    }
    state[v] = 2;
  };
  // Roots in clause order, not in the order of the versions' addresses: the same message every run.
  for (const auto& number : rules.clause_numbers())
    for (const auto& v : rules.clauses.at(number))
      if (edges.count(&v) && !state[&v]) visit(&v);
}

}  // namespace

Checked check(const RuleSet& rules, Diagnostics& diags) {
  Checked out;
  check_contract(rules, out, diags);
  for (const auto& [name, fn] : rules.functions) check_function_names(rules, *fn, *fn->body, diags);
  // Functions are checked at each call, with the types of that call's arguments (min works on
  // numbers and on dates alike).
  for (const auto& [name, versions] : rules.clauses)
    for (const auto& v : versions)
      if (v.clause) {
        ClauseChecker(rules, v, out, diags).run();
        check_legal_text(v, diags);
      }
  check_clause_graph(rules, out, diags);
  return out;
}

}  // namespace ereje::interp

namespace ereje::interp {

void check_clause(const RuleSet& rules, const ClauseVersion& version, Checked& out, Diagnostics& diags) {
  ClauseChecker(rules, version, out, diags).run();
}

}  // namespace ereje::interp
