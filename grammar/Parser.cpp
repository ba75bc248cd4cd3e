// Stage 1: drives the PEGTL grammar one top-level item at a time, converts each parse tree to the
// AST, and turns parse errors into diagnostics (positions in code points, messages in user terms).
#include "grammar/Parser.hpp"

#include "core/LookAlike.hpp"

#include <cctype>
#include <string>
#include <tao/pegtl/contrib/limit_depth.hpp>
#include <type_traits>
#include <unordered_map>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/Grammar.hpp"

namespace ereje::grammar {
namespace pt = tao::pegtl::parse_tree;

// Like PEGTL's fold_one, but a node that keeps several children also keeps its content: every
// expression node needs its source span.
struct FoldKeep : pt::apply<FoldKeep> {
  template <typename Node, typename... States>
  static void transform(std::unique_ptr<Node>& n, States&&...) noexcept {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

template <typename Rule>
using Selector = pt::selector<
    Rule,
    pt::store_content::on<name, date_lit, loose_date, number_lit, string_lit, text_value, description, clause_number, na_lit,
                          call, if_expr, aggregate, agg_kind, agg_of, agg_where, true_lit, false_lit, not_on_file_lit, name_ref,
                          op_neg, op_not, op_mul, op_div, op_add, op_sub, op_le, op_ge, op_ne, op_lt, op_gt,
                          op_eq, in_list, title_stmt, text_stmt, text_edit, replaces_stmt, amends_stmt, in_force_stmt, evidence_stmt,
                          evidence_subject, evidence_level, let_stmt, coefficient_stmt, result_stmt, range_clause,
                          round_clause, obligation_stmt, lang, assignment, row_group, test_table, expectation_stmt,
                          as_of_stmt, test_block, clause_block, act_header, act_amends, function_def, params,
                          repeal_stmt, kw_out_of_range, call_args, table_block, extend_flag, column_stmt,
                          key_stmt, lists_stmt, per_body_stmt, names_stmt, body_name, category_stmt, derived_stmt,
                          reference_stmt, same_body, invariant_stmt, per_body_flag, severity, relied_on, col_lang,
                          lang_description, enum_type, enum_value, column_type, or_empty, column_optional, part_of_act,
                          clause_ref, total_expr, total_part, part_deduct, part_weight, part_fallback, na_policy,
                          policy_renormalise, policy_total_na, policy_as, rank_stmt, rank_highest, rank_lowest,
                          rank_within, rank_ties, ties_shared, ties_dense, rank_na, rank_out_of_range, place_unranked, place_last,
                          grade_stmt, band_stmt, band_from, band_otherwise>,
    FoldKeep::on<disjunction, conjunction, negation, comparison, sum_expr, product, unary>>;

template <typename Rule>
using Control = tao::pegtl::must_if<Errors>::control<Rule>;

template <typename>
using DepthLimit = tao::pegtl::limit_depth<kMaxRuleDepth>;

namespace {

// A parse-tree node. The parser makes and drops one for every selected rule it tries (a name tried
// as a call, then as a reference; seven levels of an expression folded into one), millions for a
// large rule set: their storage is kept on a per-thread free list instead of going back to malloc,
// whose free of a block this size (about 130 bytes, above its fast bins) costs more than the parse.
struct Node : pt::basic_node<Node> {
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
};

struct NodePool {
  struct Free {
    Free* next;
  };
  Free* head = nullptr;
  std::size_t count = 0;
  static constexpr std::size_t kKept = std::size_t{1} << 16;  // at most 64 Ki nodes (about 9 MB) kept
  NodePool() = default;
  NodePool(const NodePool&) = delete;
  NodePool& operator=(const NodePool&) = delete;
  ~NodePool() {
    while (head != nullptr) {
      Free* next = head->next;
      ::operator delete(static_cast<void*>(head));
      head = next;
    }
  }
};
thread_local NodePool node_pool;

void* Node::operator new(std::size_t size) {
  if (size == sizeof(Node) && node_pool.head != nullptr) {
    NodePool::Free* f = node_pool.head;
    node_pool.head = f->next;
    --node_pool.count;
    return f;
  }
  return ::operator new(size);
}

void Node::operator delete(void* p, std::size_t size) noexcept {
  if (p == nullptr) return;
  if (size != sizeof(Node) || node_pool.count >= NodePool::kKept) {
    ::operator delete(p);
    return;
  }
  auto* f = static_cast<NodePool::Free*>(p);
  f->next = node_pool.head;
  node_pool.head = f;
  ++node_pool.count;
}

// Thrown by the converter when an expression tree grows past kMaxExprDepth (byte offset of the spot).
struct TooDeep {
  std::size_t at;
};

class Converter {
 public:
  Converter(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  Span span(const Node& n) const {
    return Span{&file_, static_cast<std::uint32_t>(n.m_begin.byte), static_cast<std::uint32_t>(n.m_end.byte)};
  }
  static std::string trimmed(const Node& n) {
    std::string s = n.string();
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
    // Strip a trailing comment swallowed by a token's whitespace.
    auto c = s.find("//");
    if (c != std::string::npos && !n.is_type<string_lit>()) s = s.substr(0, c);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
  }
  // The span of a token without the whitespace and comments it swallowed.
  Span token_span(const Node& n) const {
    Span s = span(n);
    s.end = s.begin + static_cast<std::uint32_t>(trimmed(n).size());
    return s;
  }

  static std::string unescape(std::string_view raw) {  // raw includes the quotes
    std::string out;
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 2 < raw.size()) {
        char c = raw[++i];
        out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      } else {
        out += raw[i];
      }
    }
    return out;
  }
  std::string text(const Node& n) const {  // text_value or description: adjacent strings joined
    std::string out;
    for (const auto& c : n.children)
      if (c->is_type<string_lit>()) out += unescape(c->string_view());
    return out;
  }
  // The same text as its pieces, for fmt.
  ast::TextPieces pieces(const Node& n) const {
    ast::TextPieces out;
    for (const auto& c : n.children)
      if (c->is_type<string_lit>()) out.push_back({unescape(c->string_view()), span(*c)});
    return out;
  }
  const Node* child(const Node& n, std::size_t i) const { return i < n.children.size() ? n.children[i].get() : nullptr; }
  template <typename T>
  const Node* find(const Node& n) const {
    for (const auto& c : n.children)
      if (c->is_type<T>()) return c.get();
    return nullptr;
  }

  // Every expression node is made here, so that the depth of each tree is known as it grows: the
  // parser's depth limit bounds nesting, but not a long chain such as `a + b + … + z`, which the
  // converter builds in a loop into a tree as deep as the chain is long.
  template <typename T>
  ast::ExprPtr make(Span s, T node) {
    std::uint32_t d = 0;
    auto sub = [&](const ast::ExprPtr& c) {
      if (!c) return;
      auto it = depth_.find(c.get());
      if (it != depth_.end()) d = std::max(d, it->second);
    };
    std::uint32_t at = s.begin;
    if constexpr (std::is_same_v<T, ast::Unary>) {
      sub(node.operand);
    } else if constexpr (std::is_same_v<T, ast::Binary>) {
      sub(node.lhs);
      sub(node.rhs);
      if (node.op_span.file) at = node.op_span.begin;
    } else if constexpr (std::is_same_v<T, ast::If>) {
      sub(node.cond);
      sub(node.then_branch);
      sub(node.else_branch);
    } else if constexpr (std::is_same_v<T, ast::Call>) {
      for (const auto& a : node.args) sub(a);
    } else if constexpr (std::is_same_v<T, ast::InList>) {
      sub(node.value);
      for (const auto& a : node.items) sub(a);
    } else if constexpr (std::is_same_v<T, ast::Aggregate>) {
      sub(node.value);
      sub(node.filter);
    } else if constexpr (std::is_same_v<T, ast::Total>) {
      for (const auto& p : node.parts) {
        sub(p.value);
        sub(p.weight);
        sub(p.fallback);
      }
      sub(node.count_as);
    }
    if (++d > kMaxExprDepth) throw TooDeep{at};
    auto e = std::make_shared<const ast::Expr>(ast::Expr{s, std::move(node)});
    depth_[e.get()] = d;
    return e;
  }

  ast::ExprPtr expr(const Node& n) {
    Span s = token_span(n);
    if (n.is_type<number_lit>()) {
      auto v = Rational::parse_decimal(n.string_view());
      return make(s, ast::NumberLit{v.value_or(Rational{}), n.string()});
    }
    if (n.is_type<date_lit>()) return make(s, ast::DateLit{date_of(n).value_or(Date{})});
    if (n.is_type<string_lit>()) return make(s, ast::StringLit{unescape(n.string_view())});
    if (n.is_type<true_lit>()) return make(s, ast::BoolLit{true});
    if (n.is_type<false_lit>()) return make(s, ast::BoolLit{false});
    if (n.is_type<na_lit>()) return make(s, ast::NaLit{});
    if (n.is_type<not_on_file_lit>()) return make(s, ast::NaLit{true});
    if (n.is_type<name_ref>() || n.is_type<name>()) return make(s, ast::NameRef{trimmed(n)});
    if (n.is_type<call>()) {
      ast::Call c{trimmed(*n.children[0]), token_span(*n.children[0]), {}};
      if (const Node* args = find<call_args>(n))
        for (const auto& a : args->children) c.args.push_back(expr(*a));
      return make(s, std::move(c));
    }
    if (n.is_type<if_expr>())
      return make(s, ast::If{expr(*n.children[0]), expr(*n.children[1]), expr(*n.children[2])});
    if (n.is_type<aggregate>()) {
      std::string k = trimmed(*n.children[0]);
      ast::AggregateKind kind = k == "count" ? ast::AggregateKind::Count
                                : k == "sum" ? ast::AggregateKind::Sum
                                : k == "min" ? ast::AggregateKind::Min
                                : k == "max" ? ast::AggregateKind::Max
                                : k == "avg" ? ast::AggregateKind::Avg
                                             : ast::AggregateKind::Single;
      ast::Aggregate a{kind, trimmed(*n.children[1]), token_span(*n.children[1]), nullptr, nullptr};
      if (const Node* of = find<agg_of>(n)) a.value = expr(*of->children[0]);
      if (const Node* w = find<agg_where>(n)) a.filter = expr(*w->children[0]);
      return make(s, std::move(a));
    }
    if (n.is_type<clause_ref>())
      return make(s, ast::ClauseRef{trimmed(*n.children[0]), token_span(*n.children[0]), trimmed(*n.children[1]),
                                    token_span(*n.children[1])});
    if (n.is_type<total_expr>()) {
      ast::Total t;
      for (const auto& c : n.children) {
        if (c->is_type<total_part>()) {
          ast::TotalPart p;
          p.span = token_span(*c);
          for (const auto& x : c->children) {
            if (x->is_type<part_deduct>()) p.deduct = true;
            else if (x->is_type<part_weight>()) p.weight = expr(*x->children[0]);
            else if (x->is_type<part_fallback>()) p.fallback = expr(*x->children[0]);
            else p.value = expr(*x);
          }
          t.parts.push_back(std::move(p));
        } else if (c->is_type<na_policy>()) {
          t.policy_span = token_span(*c);
          const Node& pol = *c->children.back();
          if (pol.is_type<policy_renormalise>()) {
            t.policy = ast::NaPolicy::Renormalise;
          } else if (pol.is_type<policy_total_na>()) {
            t.policy = ast::NaPolicy::TotalNa;
          } else {
            t.policy = ast::NaPolicy::CountAs;
            t.count_as = expr(*pol.children[0]);
          }
        }
      }
      return make(s, std::move(t));
    }
    if (n.is_type<in_list>()) {  // only reached through comparison below
      return nullptr;
    }
    if (n.is_type<unary>()) {
      if (n.children[0]->is_type<op_neg>()) return make(s, ast::Unary{ast::UnaryOp::Neg, expr(*n.children[1])});
    }
    if (n.is_type<negation>()) return make(s, ast::Unary{ast::UnaryOp::Not, expr(*n.children[1])});
    if (n.is_type<comparison>()) {
      if (n.children[1]->is_type<in_list>()) {
        ast::InList in{expr(*n.children[0]), {}};
        for (const auto& item : n.children[1]->children) in.items.push_back(expr(*item));
        return make(s, std::move(in));
      }
      return binary_chain(n, s);
    }
    if (n.is_type<product>() || n.is_type<sum_expr>() || n.is_type<conjunction>() || n.is_type<disjunction>())
      return binary_chain(n, s);
    // Unreachable for a tree the grammar produced; a bug, not a user's mistake.
    throw std::logic_error("parser: unexpected node " + std::string(n.type));
  }

  ast::ExprPtr binary_chain(const Node& n, Span s) {
    // Children alternate operand, operator, operand... (`and`/`or` are not stored: infer them).
    bool is_and = n.is_type<conjunction>(), is_or = n.is_type<disjunction>();
    ast::ExprPtr lhs = expr(*n.children[0]);
    std::size_t i = 1;
    while (i < n.children.size()) {
      ast::BinaryOp op;
      Span op_span{};
      const Node& c = *n.children[i];
      if (is_and || is_or) {
        op = is_and ? ast::BinaryOp::And : ast::BinaryOp::Or;
      } else {
        op = c.is_type<op_add>()   ? ast::BinaryOp::Add
             : c.is_type<op_sub>() ? ast::BinaryOp::Sub
             : c.is_type<op_mul>() ? ast::BinaryOp::Mul
             : c.is_type<op_div>() ? ast::BinaryOp::Div
             : c.is_type<op_eq>()  ? ast::BinaryOp::Eq
             : c.is_type<op_ne>()  ? ast::BinaryOp::Ne
             : c.is_type<op_lt>()  ? ast::BinaryOp::Lt
             : c.is_type<op_le>()  ? ast::BinaryOp::Le
             : c.is_type<op_gt>()  ? ast::BinaryOp::Gt
                                   : ast::BinaryOp::Ge;
        op_span = token_span(c);
        ++i;
      }
      ast::ExprPtr rhs = expr(*n.children[i]);
      ++i;
      Span whole{s.file, lhs->span.begin, rhs->span.end};
      lhs = make(whole, ast::Binary{op, lhs, rhs, op_span});
    }
    return lhs;
  }

  std::optional<Date> date_of(const Node& n) {
    const std::string t = trimmed(n);
    auto d = parse_date(t);
    if (d) return d;
    if (auto iso = typed_date_as_iso(t))
      diags_.error("bad-date", token_span(n), "`" + t + "` is not a date as YYYY-MM-DD", "write " + *iso);
    else if (n.is_type<loose_date>())
      diags_.error("bad-date", token_span(n), "`" + t + "` is not a date as YYYY-MM-DD", "write dates as YYYY-MM-DD, e.g. 2025-01-31");
    else if (t.size() == 10 && t[5] >= '0' && t[5] <= '1' && (t[5] - '0') * 10 + (t[6] - '0') >= 1 &&
             (t[5] - '0') * 10 + (t[6] - '0') <= 12)
      diags_.error("bad-date", token_span(n), "`" + t + "` is not a real date: there is no such day",
                   "check the day: it is past the end of that month");
    else
      diags_.error("bad-date", token_span(n), "`" + t + "` is not a real date", "months run from 01 to 12 (YYYY-MM-DD)");
    return d;
  }

  // `range LO..HI` of a result statement, when it has one.
  void range_of(const Node& item, ast::ExprPtr& lo, ast::ExprPtr& hi, Span& at) {
    if (const Node* rg = find<range_clause>(item)) {
      lo = expr(*rg->children[0]);
      hi = expr(*rg->children[1]);
      at = token_span(*rg);
    }
  }

  // `round N`: a whole number of decimals from 0 to 18, or an error and nothing.
  std::optional<int> rounding(const Node& rd) {
    auto v = Rational::parse_decimal(trimmed(*rd.children[0]));
    if (!v || !v->is_integer() || v->to_int64() > 18) {
      diags_.error("bad-rounding", token_span(rd), "rounding must be a whole number of decimals from 0 to 18");
      return std::nullopt;
    }
    return static_cast<int>(v->to_int64());
  }

  std::string description_of(const Node& n) {
    const Node* d = find<description>(n);
    return d ? text(*d) : std::string{};
  }
  ast::TextPieces description_pieces_of(const Node& n) {
    const Node* d = find<description>(n);
    return d ? pieces(*d) : ast::TextPieces{};
  }

  void clause(const Node& n, ast::File& file) {
    ast::Clause c;
    c.span = span(n);
    c.number = trimmed(*n.children[0]);
    c.number_span = token_span(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& item = *n.children[i];
      if (item.is_type<text_value>()) {
        c.title = text(item);
        c.title_pieces = pieces(item);
      } else if (item.is_type<text_stmt>() && item.children[1]->is_type<text_edit>()) {
        const Node& e = *item.children[1];
        c.text_edits.push_back({trimmed(*item.children[0]), text(*e.children[0]), text(*e.children[1]), span(item),
                                pieces(*e.children[0]), pieces(*e.children[1])});
      } else if (item.is_type<title_stmt>() || item.is_type<text_stmt>()) {
        ast::Text t{trimmed(*item.children[0]), text(*item.children[1]), span(item), pieces(*item.children[1])};
        (item.is_type<title_stmt>() ? c.titles : c.texts).push_back(std::move(t));
      } else if (item.is_type<replaces_stmt>()) {
        c.replaces = trimmed(*item.children[0]);
        c.replaces_span = token_span(item);
      } else if (item.is_type<amends_stmt>()) {
        c.amends = trimmed(*item.children[0]);
        c.amends_span = token_span(item);
      } else if (item.is_type<result_stmt>() &&
                 (item.children[1]->is_type<range_clause>() || item.children[1]->is_type<round_clause>())) {
        ast::ResultChange r;
        r.name = trimmed(*item.children[0]);
        r.name_span = token_span(*item.children[0]);
        r.span = span(item);
        range_of(item, r.range_lo, r.range_hi, r.range_span);
        if (const Node* rd = find<round_clause>(item)) {
          r.round = rounding(*rd);
          r.round_span = token_span(*rd);
        }
        r.description = description_of(item);
        r.description_pieces = description_pieces_of(item);
        c.order.push_back({ast::Clause::Item::ResultChange, c.result_changes.size()});
        c.result_changes.push_back(std::move(r));
      } else if (item.is_type<in_force_stmt>()) {
        c.in_force = date_of(*item.children[0]);
        c.in_force_note = description_of(item);
        c.in_force_note_pieces = description_pieces_of(item);
        c.in_force_span = token_span(item);
      } else if (item.is_type<evidence_stmt>()) {
        for (std::size_t k = 0; k + 1 < item.children.size(); k += 2) {
          std::string lvl = trimmed(*item.children[k + 1]);
          ast::Evidence e = lvl == "official" ? ast::Evidence::Official
                            : lvl == "seed"   ? ast::Evidence::Seed
                            : lvl == "reconstructed" ? ast::Evidence::Reconstructed
                                                     : ast::Evidence::NotOnFile;
          c.evidence.push_back({trimmed(*item.children[k]), e, token_span(*item.children[k])});
        }
      } else if (item.is_type<let_stmt>() || item.is_type<coefficient_stmt>()) {
        std::string nm = trimmed(*item.children[0]);
        Span ns = token_span(*item.children[0]);
        ast::ExprPtr v = expr(*item.children[1]);
        if (item.is_type<let_stmt>()) {
          c.order.push_back({ast::Clause::Item::Let, c.lets.size()});
          c.lets.push_back({nm, ns, v, description_of(item), span(item), description_pieces_of(item), lang_descriptions(item)});
        } else {
          c.order.push_back({ast::Clause::Item::Coefficient, c.coefficients.size()});
          c.coefficients.push_back({nm, ns, v, description_of(item), span(item), description_pieces_of(item), lang_descriptions(item)});
        }
      } else if (item.is_type<result_stmt>()) {
        ast::Result r;
        r.name = trimmed(*item.children[0]);
        r.name_span = token_span(*item.children[0]);
        r.value = expr(*item.children[1]);
        r.span = span(item);
        range_of(item, r.range_lo, r.range_hi, r.range_span);
        if (const Node* rd = find<round_clause>(item)) {
          if (auto v = rounding(*rd)) r.round = *v;
          r.round_declared = true;
        }
        r.description = description_of(item);
        r.description_pieces = description_pieces_of(item);
        r.descriptions = lang_descriptions(item);
        c.order.push_back({ast::Clause::Item::Result, c.results.size()});
        c.results.push_back(std::move(r));
      } else if (item.is_type<obligation_stmt>()) {
        ast::Obligation o;
        o.name = trimmed(*item.children[0]);
        o.name_span = token_span(*item.children[0]);
        o.table = trimmed(*item.children[1]);
        o.table_span = token_span(*item.children[1]);
        o.breach = expr(*item.children[2]);
        o.description = description_of(item);
        o.description_pieces = description_pieces_of(item);
        o.descriptions = lang_descriptions(item);
        o.span = span(item);
        c.order.push_back({ast::Clause::Item::Obligation, c.obligations.size()});
        c.obligations.push_back(std::move(o));
      } else if (item.is_type<rank_stmt>()) {
        c.order.push_back({ast::Clause::Item::Rank, c.ranks.size()});
        c.ranks.push_back(rank(item));
      } else if (item.is_type<grade_stmt>()) {
        c.order.push_back({ast::Clause::Item::Grade, c.grades.size()});
        c.grades.push_back(grade(item));
      } else if (item.is_type<test_block>()) {
        c.tests.push_back(test(item));
      }
    }
    c.end_span = end_keyword(n);
    if (!c.end_span.valid()) {
      // Left open up to the next top-level item or the end of the file (Grammar.hpp: expect_clause_end).
      const std::size_t next = next_token(n.children.empty() ? n.m_begin.byte : n.children.back()->m_end.byte);
      const bool at_eof = next >= file_.text.size();
      auto& d = diags_.error("clause-without-end", c.number_span, "clause " + c.number + " has no `end`",
                             "close the clause with `end` after its last item");
      d.notes.push_back({Span{&file_, static_cast<std::uint32_t>(next), static_cast<std::uint32_t>(at_eof ? next : next + 1)},
                         at_eof ? "the file ends here, while clause " + c.number + " is still open"
                                : "the next item starts here, while clause " + c.number + " is still open"});
    }
    file.clauses.push_back(std::move(c));
  }

  // The clause's closing `end`, for fmt: the first token after its last item. (Storing `kw_end` in
  // the parse tree instead would change which syntax error PEGTL reports for a clause left open.)
  Span end_keyword(const Node& n) const {
    const std::string& t = file_.text;
    const std::size_t i = next_token(n.children.empty() ? n.m_begin.byte : n.children.back()->m_end.byte);
    if (t.compare(i, 3, "end") != 0) return Span{};
    return Span{&file_, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 3)};
  }

  // The first byte at or after `i` that is not blank or inside a comment.
  std::size_t next_token(std::size_t i) const {
    const std::string& t = file_.text;
    while (i < t.size()) {
      if (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n') {
        ++i;
      } else if (t.compare(i, 2, "//") == 0) {
        i = t.find('\n', i);
        if (i == std::string::npos) i = t.size();
      } else {
        break;
      }
    }
    return std::min(i, t.size());
  }

  ast::TestCase test(const Node& n) {
    ast::TestCase t;
    bool bad_count = false;  // a group's count is in error: the total is not checked on top
    t.span = span(n);
    t.name = text(*n.children[0]);
    t.name_pieces = pieces(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& item = *n.children[i];
      if (item.is_type<as_of_stmt>()) {
        t.as_of = date_of(*item.children[0]);
        t.as_of_span = token_span(item);
      } else if (item.is_type<expectation_stmt>()) {
        ast::Expectation e;
        e.result = trimmed(*item.children[0]);
        e.result_span = token_span(*item.children[0]);
        e.value = expr(*item.children[1]);
        e.out_of_range = find<kw_out_of_range>(item) != nullptr;
        e.span = token_span(item);
        t.expectations.push_back(std::move(e));
      } else if (item.is_type<test_table>()) {
        ast::TestTable tt{trimmed(*item.children[0]), token_span(*item.children[0]), {}};
        for (std::size_t g = 1; g < item.children.size(); ++g) {
          const Node& grp = *item.children[g];
          ast::RowGroup rg;
          rg.span = token_span(grp);
          auto cnt = Rational::parse_decimal(trimmed(*grp.children[0]));
          if (!cnt || !cnt->is_integer() || cnt->sign() < 0 || *cnt > Rational(1000000)) {
            diags_.error("bad-row-count", token_span(*grp.children[0]),
                         "a row count must be a whole number up to " + std::to_string(kMaxTestRows));
            bad_count = true;
          } else {
            rg.count = cnt->to_int64();
          }
          for (std::size_t a = 1; a < grp.children.size(); ++a) {
            const Node& as = *grp.children[a];
            rg.assignments.push_back({trimmed(*as.children[0]), token_span(*as.children[0]), expr(*as.children[1])});
          }
          tt.groups.push_back(std::move(rg));
        }
        t.tables.push_back(std::move(tt));
      }
    }
    // The rows of one test, all tables together, within the limit of one group: a test builds
    // them all in memory, so ten groups of a million would take gigabytes.
    std::int64_t rows = 0;
    for (const auto& tt : t.tables)
      for (const auto& g : tt.groups) rows += g.count;
    if (rows > kMaxTestRows && !bad_count)
      diags_.error("bad-row-count", t.span,
                   "the test's rows add up to " + std::to_string(rows) + ", more than " + std::to_string(kMaxTestRows) +
                       ", the limit for one test",
                   "a test needs the rows that decide its expectation: count a share with fewer rows (10 of 40 "
                   "is 25 %, as 250000 of 1000000 is)");
    return t;
  }

  ast::Rank rank(const Node& n) {
    ast::Rank r;
    r.span = span(n);
    r.name = trimmed(*n.children[0]);
    r.name_span = token_span(*n.children[0]);
    r.subject = expr(*n.children[1]);
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const Node& o = *n.children[i];
      auto place = [&](const Node& p) {
        return p.children.back()->is_type<place_last>() ? ast::Rank::Place::Last : ast::Rank::Place::Unranked;
      };
      if (o.is_type<rank_highest>() || o.is_type<rank_lowest>()) {
        r.highest_first = o.is_type<rank_highest>();
        r.order_declared = true;
        r.order_span = token_span(o);
      } else if (o.is_type<rank_within>()) {
        r.within = trimmed(*o.children[0]);
        r.within_span = token_span(*o.children[0]);
      } else if (o.is_type<rank_ties>()) {
        r.ties = o.children.back()->is_type<ties_dense>() ? ast::Rank::Ties::Dense : ast::Rank::Ties::Shared;
        r.ties_span = token_span(o);
      } else if (o.is_type<rank_na>()) {
        r.na = place(o);
        r.na_span = token_span(o);
      } else if (o.is_type<rank_out_of_range>()) {
        r.out_of_range = place(o);
        r.out_of_range_span = token_span(o);
      }
    }
    r.description = description_of(n);
    r.description_pieces = description_pieces_of(n);
    r.descriptions = lang_descriptions(n);
    return r;
  }

  ast::Grade grade(const Node& n) {
    ast::Grade g;
    g.span = span(n);
    g.name = trimmed(*n.children[0]);
    g.name_span = token_span(*n.children[0]);
    g.subject = expr(*n.children[1]);
    g.description = description_of(n);
    g.description_pieces = description_pieces_of(n);
    g.descriptions = lang_descriptions(n);
    for (const auto& c : n.children) {
      if (!c->is_type<band_stmt>()) continue;
      ast::Band b;
      b.span = token_span(*c);
      b.name = trimmed(*c->children[0]);
      b.name_span = token_span(*c->children[0]);
      if (c->children[1]->is_type<band_from>()) b.from = expr(*c->children[1]->children[0]);
      b.label = description_of(*c);
      b.label_pieces = description_pieces_of(*c);
      b.labels = lang_descriptions(*c);
      g.bands.push_back(std::move(b));
    }
    return g;
  }

  std::vector<ast::Text> lang_descriptions(const Node& n) {
    std::vector<ast::Text> out;
    for (const auto& c : n.children)
      if (c->is_type<lang_description>())
        out.push_back({trimmed(*c->children[0]), text(*c->children[1]), span(*c), pieces(*c->children[1])});
    return out;
  }

  ast::ColumnDecl column_decl(const Node& n) {
    ast::ColumnDecl c;
    c.span = span(n);
    c.name = trimmed(*n.children[0]);
    c.name_span = token_span(*n.children[0]);
    const Node& ty = *n.children[1];  // column_type
    c.type_span = token_span(ty);
    const Node& t = ty.children.empty() ? ty : *ty.children[0];
    if (t.is_type<enum_type>()) {
      c.type = ast::ColumnType::Enum;
      for (const auto& v : t.children) {
        const Node& val = v->children.empty() ? *v : *v->children[0];
        c.enum_values.push_back(val.is_type<string_lit>() ? unescape(val.string_view()) : trimmed(val));
        c.enum_spans.push_back(token_span(*v));
      }
    } else {
      const std::string word = trimmed(ty);
      c.type = word == "text"   ? ast::ColumnType::Text
               : word == "bool" ? ast::ColumnType::Bool
               : word == "date" ? ast::ColumnType::Date
               : word == "whole" ? ast::ColumnType::Whole
                                 : ast::ColumnType::Decimal;
    }
    c.or_empty = find<or_empty>(n) != nullptr;
    c.optional = find<column_optional>(n) != nullptr;
    c.description = description_of(n);
    c.description_pieces = description_pieces_of(n);
    c.descriptions = lang_descriptions(n);
    return c;
  }

  void table(const Node& n, ast::File& file) {
    ast::TableDecl t;
    t.span = span(n);
    std::size_t i = 0;
    if (n.children[0]->is_type<extend_flag>()) {
      t.extends = true;
      ++i;
    }
    t.name = trimmed(*n.children[i]);
    t.name_span = token_span(*n.children[i]);
    for (++i; i < n.children.size(); ++i) {
      const Node& item = *n.children[i];
      if (item.is_type<text_value>()) {
        t.description = text(item);
        t.description_pieces = pieces(item);
      } else if (item.is_type<title_stmt>()) {
        t.titles.push_back({trimmed(*item.children[0]), text(*item.children[1]), span(item), pieces(*item.children[1])});
      } else if (item.is_type<lists_stmt>()) {
        t.lists_bodies_by = trimmed(*item.children[0]);
        t.lists_span = token_span(item);
      } else if (item.is_type<per_body_stmt>()) {
        t.per_body_by = trimmed(*item.children[0]);
        t.per_body_span = token_span(item);
      } else if (item.is_type<key_stmt>()) {
        t.key_span = token_span(item);
        for (const auto& k : item.children) {
          t.key.push_back(trimmed(*k));
          t.key_spans.push_back(token_span(*k));
        }
      } else if (item.is_type<names_stmt>()) {
        t.names_span = token_span(item);
        for (const auto& b : item.children)
          t.names.push_back({trimmed(*b->children[0]), trimmed(*b->children[1]), token_span(*b->children[1])});
      } else if (item.is_type<category_stmt>()) {
        t.category = trimmed(*item.children[0]);
        t.category_span = token_span(*item.children[0]);
      } else if (item.is_type<column_stmt>()) {
        t.order.push_back({ast::TableDecl::Item::Column, t.columns.size()});
        t.columns.push_back(column_decl(item));
      } else if (item.is_type<derived_stmt>()) {
        ast::DerivedDecl d;
        d.span = span(item);
        d.name = trimmed(*item.children[0]);
        d.name_span = token_span(*item.children[0]);
        d.value = expr(*item.children[1]);
        d.description = description_of(item);
        d.description_pieces = description_pieces_of(item);
        d.descriptions = lang_descriptions(item);
        t.order.push_back({ast::TableDecl::Item::Derived, t.derived.size()});
        t.derived.push_back(std::move(d));
      } else if (item.is_type<reference_stmt>()) {
        ast::ReferenceDecl r;
        r.span = span(item);
        r.column = trimmed(*item.children[0]);
        r.column_span = token_span(*item.children[0]);
        r.target_table = trimmed(*item.children[1]);
        r.target_table_span = token_span(*item.children[1]);
        r.target_column = trimmed(*item.children[2]);
        r.target_column_span = token_span(*item.children[2]);
        r.same_body = find<same_body>(item) != nullptr;
        r.description = description_of(item);
        r.description_pieces = description_pieces_of(item);
        r.descriptions = lang_descriptions(item);
        t.order.push_back({ast::TableDecl::Item::Reference, t.references.size()});
        t.references.push_back(std::move(r));
      } else if (item.is_type<invariant_stmt>()) {
        ast::InvariantDecl v;
        v.span = span(item);
        std::size_t k = 0;
        if (item.children[0]->is_type<per_body_flag>()) {
          v.per_body = true;
          ++k;
        }
        v.name = trimmed(*item.children[k]);
        v.name_span = token_span(*item.children[k]);
        v.condition = expr(*item.children[k + 1]);
        for (const auto& c : item.children[k + 2]->children) {  // relied_on
          v.clauses.push_back(trimmed(*c));
          v.clause_spans.push_back(token_span(*c));
        }
        v.warning = trimmed(*item.children[k + 3]) == "warning";
        v.description = description_of(item);
        v.description_pieces = description_pieces_of(item);
        v.descriptions = lang_descriptions(item);
        t.order.push_back({ast::TableDecl::Item::Invariant, t.invariants.size()});
        t.invariants.push_back(std::move(v));
      }
    }
    t.end_span = end_keyword(n);
    file.tables.push_back(std::move(t));
  }

  void top(const Node& n, ast::File& file) {
    depth_.clear();  // depths are needed only while an item is built
    if (n.is_type<clause_block>()) return clause(n, file);
    if (n.is_type<table_block>()) return table(n, file);
    if (n.is_type<part_of_act>()) {
      ast::PartOf p{unescape(n.children[0]->string_view()), token_span(n), token_span(*n.children[0])};
      if (file.act || file.part_of) {
        diags_.error("second-act", p.span, "a rule file belongs to one act; this file already names act \"" +
                                                (file.act ? file.act->id : file.part_of->act) + "\"",
                     "put the items of each act in files of their own");
        return;
      }
      file.part_of = std::move(p);
      return;
    }
    if (n.is_type<act_header>()) {
      ast::Act a;
      a.span = token_span(n);
      a.id = unescape(n.children[0]->string_view());
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        if (c.is_type<text_value>()) {
          a.title = text(c);
          a.title_pieces = pieces(c);
        }
        if (c.is_type<in_force_stmt>()) {
          a.in_force = date_of(*c.children[0]);
          a.in_force_note = description_of(c);
          a.in_force_note_pieces = description_pieces_of(c);
          a.in_force_span = token_span(c);
        }
        if (c.is_type<act_amends>()) {
          a.amends = text(*c.children[0]);
          a.amends_pieces = pieces(*c.children[0]);
          a.amends_span = token_span(c);
        }
      }
      if (file.part_of) {
        diags_.error("second-act", a.span, "this file already says it is part of act \"" + file.part_of->act + "\"",
                     "put each act in a file of its own");
        return;
      }
      if (file.act) {
        diags_.error("second-act", a.span, "a rule file holds one act; this file already declared act \"" + file.act->id + "\"",
                     "put each act in a file of its own")
            .notes.push_back({file.act->span, "the first act is declared here"});
        return;
      }
      file.act = std::move(a);
      return;
    }
    if (n.is_type<function_def>()) {
      ast::Function f;
      f.span = span(n);
      f.name = trimmed(*n.children[0]);
      f.name_span = token_span(*n.children[0]);
      std::size_t i = 1;
      if (n.children[i]->is_type<params>()) {
        for (const auto& p : n.children[i]->children) {
          f.params.push_back(trimmed(*p));
          f.param_spans.push_back(token_span(*p));
        }
        ++i;
      }
      f.body = expr(*n.children[i]);
      f.description = description_of(n);
      f.description_pieces = description_pieces_of(n);
      file.functions.push_back(std::move(f));
      return;
    }
    if (n.is_type<repeal_stmt>()) {
      file.repeals.push_back({trimmed(*n.children[0]), token_span(n), description_of(n), description_pieces_of(n)});
      return;
    }
  }

 private:
  const SourceFile& file_;
  Diagnostics& diags_;
  std::unordered_map<const ast::Expr*, std::uint32_t> depth_;  // of each expression node made
};

// The words that start a top-level item, as a line starts with them.
constexpr std::string_view kTopLevelWords[] = {"clause ", "function ", "repeals ", "act ", "table ", "extend ", "part "};

// Where to resume after a syntax error: the next line that starts a top-level item.
std::size_t recovery_point(const std::string& text, std::size_t from) {
  std::size_t pos = text.find('\n', from);
  while (pos != std::string::npos) {
    std::size_t b = pos + 1;
    while (b < text.size() && (text[b] == ' ' || text[b] == '\t')) ++b;
    for (std::string_view kw : kTopLevelWords)
      if (text.compare(b, kw.size(), kw) == 0) return pos + 1;
    pos = text.find('\n', b);
  }
  return text.size();
}

// What stands at a syntax error, for "found `…`": a word, a quoted string's start, or one character.
std::string found_at(const std::string& text, std::size_t at) {
  if (at >= text.size()) return "the end of the file";
  std::size_t e = at;
  auto word_byte = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
  while (e < text.size() && word_byte(static_cast<unsigned char>(text[e])) && (e - at < 40 || (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80)) ++e;
  if (e == at) {
    if (text[at] == '\n' || text[at] == '\r') return "the end of the line";
    // Binary garbage: name the byte rather than print it to the terminal.
    if (auto c = static_cast<unsigned char>(text[at]); c < 0x20 || c == 0x7F) {
      static const char* const hex = "0123456789ABCDEF";
      return std::string("the control character U+00") + hex[c >> 4] + hex[c & 0xF];
    }
    e = at + 1;
  }
  return "`" + text.substr(at, e - at) + "`";
}

}  // namespace

bool is_plain_name(const std::string& s) {
  tao::pegtl::memory_input<> in(s, "name");
  return tao::pegtl::parse<seq<identifier, eof>>(in);
}

ast::ExprPtr parse_expression(SourcePtr source, Diagnostics& diags) {
  const std::string& text = source->text;
  if (text.size() > 4096 || utf8_invalid_at(text) != std::string::npos) {
    diags.error("syntax", Span{}, "the expression is not a short UTF-8 text", "write a formula such as `d + 3`");
    return nullptr;
  }
  Converter conv(*source, diags);
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::eager> in(text.data(), text.data() + text.size(), source->name);
  try {
    auto root = pt::parse<seq<ws, expr, ws, eof>, Node, Selector, DepthLimit, Control>(in);
    if (!root || root->children.empty()) {
      diags.error("syntax", Span{source.get(), 0, 1}, "expected an expression, found " + found_at(text, 0));
      return nullptr;
    }
    return conv.expr(*root->children.front());
  } catch (const TooDeep&) {
    diags.error("too-deep", Span{source.get(), 0, 1}, "expression nested too deeply");
  } catch (const tao::pegtl::parse_error& e) {
    const std::size_t at = e.positions().front().byte;
    diags.error("syntax", Span{source.get(), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)},
                std::string(e.message()) + ", found " + found_at(text, at));
  }
  return nullptr;
}

ast::File parse_file(SourcePtr source, Diagnostics& diags) {
  ast::File file;
  file.source = source;
  const std::string& text = source->text;
  if (text.size() > kMaxRuleFileBytes) {
    auto& d = diags.error("file-too-large", Span{}, "rule file is larger than the limit of 16 MiB",
                          "split the rules into one file per act");
    d.file = source->name;
    return file;
  }
  if (auto bad = utf8_invalid_at(text); bad != std::string::npos) {
    auto& d = diags.error("not-utf8", Span{source.get(), static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                          "rule file is not valid UTF-8 text", "save the file as UTF-8");
    (void)d;
    return file;
  }
  Converter conv(*source, diags);
  std::size_t pos = 0;
  while (pos < text.size()) {
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::eager> in(
        text.data() + pos, text.data() + text.size(), source->name, pos, source->line_of(pos), 1);
    std::size_t next = pos;
    try {
      auto root = pt::parse<item, Node, Selector, DepthLimit, Control>(in);
      next = static_cast<std::size_t>(in.current() - text.data());
      if (root)
        for (const auto& c : root->children) conv.top(*c, file);
      if (next == pos) break;  // end of input
      pos = next;
    } catch (const TooDeep& e) {
      // The item parsed but is dropped: its expression is deeper than every pass may recurse.
      Span sp{source.get(), static_cast<std::uint32_t>(e.at), static_cast<std::uint32_t>(e.at + 1)};
      diags.error("too-deep", sp,
                  "expression nested too deeply: more than " + std::to_string(kMaxExprDepth) +
                      " levels of operations inside one another, the limit",
                  "split the expression into named `let` definitions; in a chain such as `a + b + c` each "
                  "operator counts one level");
      if (next == pos) break;
      pos = next;
    } catch (const tao::pegtl::parse_error& e) {
      const auto& p = e.positions().front();
      std::size_t at = p.byte;
      std::string msg(e.message());
      Span sp{source.get(), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)};
      if (msg.find("nesting depth") != std::string::npos) {
        diags.error("too-deep", sp,
                    "expression nested too deeply: past the parser's limit of " + std::to_string(kMaxRuleDepth) +
                        " nested grammar rules (about 80 parentheses)",
                    "split the expression into named `let` definitions");
      } else {
        std::string found = found_at(text, at);
        auto& d = diags.error("syntax", sp, msg + ", found " + found);
        // A keyword typed with a look-alike letter of the other script (`сoefficient` with a
        // Cyrillic с): say which letter, and offer the keyword as the fix.
        if (found.size() > 2 && found.front() == '`') {
          const std::string word = found.substr(1, found.size() - 2);
          static const char* const kKeywords[] = {
              "act", "in_force", "amends", "clause", "title", "text", "replaces", "repeals", "evidence", "let",
              "coefficient", "result", "range", "round", "obligation", "over", "breach", "when", "test", "expect",
              "end", "where", "of", "not", "and", "or", "if", "then", "else", "in", "true", "false", "function",
              "as_of", "rows", "row", "out_of_range", "count", "sum", "min", "max", "avg", "single", "table",
              "extend", "part", "column", "key", "lists", "bodies", "by", "per", "body", "names", "category",
              "derived", "reference", "to", "same", "invariant", "for", "error", "warning", "optional", "empty",
              "replace", "with"};
          std::vector<std::string> keywords(std::begin(kKeywords), std::end(kKeywords));
          if (auto m = find_look_alike(word, keywords)) {
            d.help = "`" + word + "` is the keyword `" + m->candidate + "` typed with " + m->written + " for " +
                     m->meant + ": retype it in the Latin layout";
            d.span = Span{source.get(), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())};
            d.fix = m->candidate;
          }
        }
        // Point back to the opener of the clause being parsed, when the error is inside one.
        std::size_t b = pos;
        while (b < text.size() && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
        if (text.compare(b, 7, "clause ") == 0 && source->line_of(b) != source->line_of(at))
          d.notes.push_back({Span{source.get(), static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b + 6)},
                             "in the clause that starts here"});
        for (std::string_view opener : {"table ", "extend table "})
          if (text.compare(b, opener.size(), opener) == 0 && source->line_of(b) != source->line_of(at))
            d.notes.push_back({Span{source.get(), static_cast<std::uint32_t>(b),
                                    static_cast<std::uint32_t>(b + opener.size() - 1)},
                               "in the table that starts here"});
      }
      // An error right at the start of a later top-level item (an unclosed clause runs into the
      // next `clause`): resume there, so that the next item is not lost. Anywhere else, skip to
      // the next line that starts one. Either way `pos` moves forward.
      std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
      line_start = line_start == std::string::npos ? 0 : line_start + 1;
      bool only_space = text.find_first_not_of(" \t", line_start) == at;
      bool starts_item = false;
      for (std::string_view kw : kTopLevelWords) starts_item |= text.compare(at, kw.size(), kw) == 0;
      std::size_t item_start = text.find_first_not_of(" \t\r\n", pos);
      if (only_space && starts_item && at > item_start)
        pos = line_start;
      else
        pos = recovery_point(text, std::max(at, pos));
    }
  }
  return file;
}

}  // namespace ereje::grammar
