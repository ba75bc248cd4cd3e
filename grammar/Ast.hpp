// The abstract syntax tree: plain data, a source span on every node, variants visited without a
// default branch so that a new node breaks every pass that forgot it. Produced by Parser.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <type_traits>
#include <string>
#include <variant>
#include <vector>

#include "core/Date.hpp"
#include "core/Rational.hpp"
#include "core/Source.hpp"
#include "input/Schema.hpp"

namespace ereje::ast {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct NumberLit { Rational value; std::string text; };
struct StringLit { std::string value; };
struct BoolLit { bool value; };
struct DateLit { Date value; };
struct NameRef { std::string name; };
// `n/a` in a test expectation; `not_on_file` where a formula belongs but the act's formula is not
// on file yet (what `ereje import` writes): `check` reports it until a person writes the formula.
struct NaLit { bool not_on_file = false; };

enum class UnaryOp { Not, Neg };
struct Unary { UnaryOp op; ExprPtr operand; };

enum class BinaryOp { Add, Sub, Mul, Div, Eq, Ne, Lt, Le, Gt, Ge, And, Or };
struct Binary { BinaryOp op; ExprPtr lhs, rhs; Span op_span; };

struct If { ExprPtr cond, then_branch, else_branch; };
struct Call { std::string function; Span name_span; std::vector<ExprPtr> args; };
struct InList { ExprPtr value; std::vector<ExprPtr> items; };

enum class AggregateKind { Count, Sum, Min, Max, Avg, Single };
// `count T where status = done`, `max T of closed_on - opened_on`.
struct Aggregate {
  AggregateKind kind;
  std::string table;
  Span table_span;
  ExprPtr value;   // null for count
  ExprPtr filter;  // null when every row counts
};

// `T of clause 49`: a result (or obligation) of another clause, for the same body, as computed by
// the version of that clause in force on the as-of date (docs/language.md, "Clauses that build on
// clauses").
struct ClauseRef { std::string name; Span name_span; std::string clause; Span clause_span; };

// How a part that is n/a enters a total: the total is n/a, the weights of the parts present are
// scaled up to the weight of all parts, or the part counts as a stated value. Unstated is a check
// error: never a silent 0.
enum class NaPolicy { Unstated, TotalNa, Renormalise, CountAs };
const char* to_string(NaPolicy p);
// One part of a total: `T of clause 49 weight w49`, `deduct P of clause 114 weight 0.5 or 0`.
struct TotalPart {
  bool deduct = false;
  ExprPtr value;
  ExprPtr weight;    // null: 1
  ExprPtr fallback;  // `or 0`: the value when this part is n/a (overrides the total's policy)
  Span span;
};
// `total of PART, PART, … when n/a renormalise|total n/a|as 0`.
struct Total {
  std::vector<TotalPart> parts;
  NaPolicy policy = NaPolicy::Unstated;
  ExprPtr count_as;  // CountAs: the value an n/a part counts as
  Span policy_span;
};

struct Expr {
  Span span;
  std::variant<NumberLit, StringLit, BoolLit, DateLit, NameRef, NaLit, Unary, Binary, If, Call, InList, Aggregate,
               ClauseRef, Total>
      node;
};

const char* to_string(BinaryOp op);
const char* to_string(AggregateKind k);

// Calls fn on each direct sub-expression of e, in source order: passes that care about a few kinds
// of node recurse through this instead of spelling out every kind.
template <class F>
void for_each_child(const Expr& e, F&& fn) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Unary>) {
          fn(*n.operand);
        } else if constexpr (std::is_same_v<T, Binary>) {
          fn(*n.lhs);
          fn(*n.rhs);
        } else if constexpr (std::is_same_v<T, If>) {
          fn(*n.cond);
          fn(*n.then_branch);
          fn(*n.else_branch);
        } else if constexpr (std::is_same_v<T, Call>) {
          for (const auto& a : n.args) fn(*a);
        } else if constexpr (std::is_same_v<T, InList>) {
          fn(*n.value);
          for (const auto& a : n.items) fn(*a);
        } else if constexpr (std::is_same_v<T, Aggregate>) {
          if (n.value) fn(*n.value);
          if (n.filter) fn(*n.filter);
        } else if constexpr (std::is_same_v<T, Total>) {
          for (const auto& p : n.parts) {
            fn(*p.value);
            if (p.weight) fn(*p.weight);
            if (p.fallback) fn(*p.fallback);
          }
          if (n.count_as) fn(*n.count_as);
        }
      },
      e.node);
}

// ---- declarations inside a clause ----

// One of the adjacent strings a text was written as, unescaped, with the span of its quoted
// literal: `fmt` writes long legal text back as the same pieces. The text's value is their
// concatenation. The `…pieces` fields below are empty for nodes not made by the parser.
struct TextPiece { std::string value; Span span; };
using TextPieces = std::vector<TextPiece>;

struct Text { std::string lang; std::string value; Span span; TextPieces pieces = {}; };  // title or legal text in kk/ru/en

// A description in `lang`: the one written for it (`kk "…"`), else the plain description (English,
// or whichever language it was written in). `*fell_back` is set when there was none for `lang`.
inline const std::string& described_in(const std::string& lang, const std::string& plain, const std::vector<Text>& others,
                                       bool* fell_back = nullptr) {
  for (const auto& t : others)
    if (t.lang == lang) return t.value;
  if (fell_back && lang != "en" && !plain.empty()) *fell_back = true;
  return plain;
}

enum class Evidence { Official, Seed, Reconstructed, NotOnFile };
const char* to_string(Evidence e);
struct EvidenceItem { std::string subject; Evidence level; Span span; };  // subject: text, variables, formula

struct Let {
  std::string name; Span name_span; ExprPtr value; std::string description; Span span;
  TextPieces description_pieces = {};
  std::vector<Text> descriptions = {};  // the description in other languages: `kk "…"`, `ru "…"`
};
struct Coefficient {
  std::string name; Span name_span; ExprPtr value; std::string description; Span span;
  TextPieces description_pieces = {};
  std::vector<Text> descriptions = {};
};
struct Result {
  std::string name; Span name_span; ExprPtr value;
  ExprPtr range_lo, range_hi; Span range_span;  // range_lo null: no range declared (a check error)
  int round = 2; bool round_declared = false;
  std::string description; Span span;
  TextPieces description_pieces = {};
  std::vector<Text> descriptions = {};
};
// Every row of `table` is checked; the result is the number of rows for which `breach` holds.
struct Obligation {
  std::string name; Span name_span; std::string table; Span table_span; ExprPtr breach;
  std::string description; Span span;
  TextPieces description_pieces = {};
  std::vector<Text> descriptions = {};
};

// ---- tests written inside a clause ----
struct Assignment { std::string column; Span column_span; ExprPtr value; };
struct RowGroup { std::int64_t count = 1; std::vector<Assignment> assignments; Span span; };
struct TestTable { std::string table; Span table_span; std::vector<RowGroup> groups; };
struct Expectation {
  std::string result; Span result_span; ExprPtr value;  // NaLit for n/a
  bool out_of_range = false; Span span;
};
struct TestCase {
  std::string name; Span span;
  std::optional<Date> as_of; Span as_of_span;
  std::vector<TestTable> tables;
  std::vector<Expectation> expectations;
  TextPieces name_pieces = {};
};

// `rank R = B highest first within category ties shared n/a unranked out_of_range last "…"`: each
// body's place among all bodies (or among those with the same value of a column of the table of
// bodies) by a result. Ties, and where a body whose result is n/a or out of range stands, are stated.
struct Rank {
  enum class Ties { Unstated, Shared, Dense };
  enum class Place { Unstated, Unranked, Last };
  std::string name; Span name_span;
  ExprPtr subject;  // a result of the clause (NameRef) or of another (ClauseRef)
  bool highest_first = true; bool order_declared = false; Span order_span;
  std::optional<std::string> within; Span within_span;
  Ties ties = Ties::Unstated; Span ties_span;
  Place na = Place::Unstated, out_of_range = Place::Unstated; Span na_span, out_of_range_span;
  std::string description; Span span;
  TextPieces description_pieces = {};
  std::vector<Text> descriptions = {};
};
const char* to_string(Rank::Ties t);
const char* to_string(Rank::Place p);
// `band high from 80 "high" kk "жоғары" ru "высокий"`; the last band is `otherwise`.
struct Band {
  std::string name; Span name_span;
  ExprPtr from;  // null: otherwise
  std::string label; TextPieces label_pieces = {};
  std::vector<Text> labels;  // kk, ru
  Span span;
};
// `grade G = B "…"` and its bands, highest first: the first band whose `from` the result reaches.
struct Grade {
  std::string name; Span name_span;
  ExprPtr subject;
  std::vector<Band> bands;
  std::string description; Span span;
  TextPieces description_pieces = {};
  std::vector<Text> descriptions = {};
};

// `text ru replace "цифру «5»" with "цифру «6»"` in an amending clause: words of the inherited
// legal text replaced, every occurrence (docs/language.md, "Amending one item").
struct TextEdit {
  std::string lang; std::string old_words, new_words; Span span;
  TextPieces old_pieces = {}, new_pieces = {};
};
// `result C range 0..6 round 1` in an amending clause: the range or rounding of an inherited result
// changed, its formula kept.
struct ResultChange {
  std::string name; Span name_span;
  ExprPtr range_lo, range_hi; Span range_span;  // range_lo null: range kept
  std::optional<int> round; Span round_span;
  std::string description; Span span;
  TextPieces description_pieces = {};
};

struct Clause {
  std::string number; Span number_span;  // "49", "49-1"
  std::string title;                     // the heading string (English or as given)
  std::vector<Text> titles;              // title kk "...", title ru "..."
  std::vector<Text> texts;               // legal text
  std::optional<std::string> replaces; Span replaces_span;
  // `amends 52`: only the items written here change; the rest of the version in force before, tests
  // included, is inherited (Resolver.cpp merges the two into the version that is evaluated).
  std::optional<std::string> amends; Span amends_span;
  std::vector<TextEdit> text_edits;
  std::vector<ResultChange> result_changes;
  std::optional<Date> in_force; std::string in_force_note; Span in_force_span;  // overrides the act's date
  std::vector<EvidenceItem> evidence;
  std::vector<Let> lets;
  std::vector<Coefficient> coefficients;
  std::vector<Result> results;
  std::vector<Obligation> obligations;
  std::vector<Rank> ranks;
  std::vector<Grade> grades;
  std::vector<TestCase> tests;
  // Declaration order of lets, coefficients, results, obligations, ranks and grades, for fmt and dumps.
  struct Item { enum Kind { Let, Coefficient, Result, Obligation, Rank, Grade, ResultChange } kind; std::size_t index; };
  std::vector<Item> order;
  Span span;
  TextPieces title_pieces = {}, in_force_note_pieces = {};
  Span end_span = {};  // the closing `end`
};

struct Repeal { std::string number; Span span; std::string note; TextPieces note_pieces = {}; };

struct Function {
  std::string name; Span name_span;
  std::vector<std::string> params; std::vector<Span> param_spans;
  ExprPtr body; std::string description; Span span;
  TextPieces description_pieces = {};
};

struct Act {
  std::string id; std::string title; Span span;
  std::optional<Date> in_force; std::string in_force_note; Span in_force_span;
  std::optional<std::string> amends; Span amends_span;
  TextPieces title_pieces = {}, in_force_note_pieces = {}, amends_pieces = {};
};

// ---- data contracts: the tables a rule set reads (docs/language.md, "Data contracts") ----

// The column types of the data contract, as the input layer reads them (input::to_string names them).
using ColumnType = input::ColumnType;

// `column status enum [open, done] "where the case stands" ru "…"`
struct ColumnDecl {
  std::string name; Span name_span;
  ColumnType type = ColumnType::Text; Span type_span;
  std::vector<std::string> enum_values; std::vector<Span> enum_spans;
  bool or_empty = false;   // `or empty`: a value may be missing
  bool optional = false;   // `optional`: the column may be absent (its values missing)
  std::string description; TextPieces description_pieces = {};
  std::vector<Text> descriptions;  // kk "…", ru "…"
  Span span;
};
// `derived top = missing(parent) "a row with no parent"`: a column computed from each row.
struct DerivedDecl {
  std::string name; Span name_span; ExprPtr value;
  std::string description; TextPieces description_pieces = {};
  std::vector<Text> descriptions;
  Span span;
};
// `reference parent to items.code same body`: every value present in `column` is a
// value of `target_table`.`target_column` (of the same body's rows with `same_body`).
struct ReferenceDecl {
  std::string column; Span column_span;
  std::string target_table; Span target_table_span;
  std::string target_column; Span target_column_span;
  bool same_body = false;
  std::string description; TextPieces description_pieces = {};
  std::vector<Text> descriptions;  // kk "…", ru "…"
  Span span;
};
// `invariant [per body] NAME = CONDITION for clause 49, 52 error|warning "…"`: a condition every
// row (or every body, over its rows) must meet, tied to the clauses whose formulas rely on it.
struct InvariantDecl {
  std::string name; Span name_span;
  bool per_body = false;
  ExprPtr condition;
  std::vector<std::string> clauses; std::vector<Span> clause_spans;
  bool warning = false;  // else an error
  std::string description; TextPieces description_pieces = {};
  std::vector<Text> descriptions;  // kk "…", ru "…"
  Span span;
};
struct BodyName { std::string lang; std::string column; Span span; };

// `table NAME "description" … end`, or `extend table NAME … end` (columns, derived columns,
// references and invariants a later act adds to a table declared before).
struct TableDecl {
  bool extends = false;
  std::string name; Span name_span;
  std::string description; TextPieces description_pieces = {};
  std::vector<Text> titles;
  std::optional<std::string> lists_bodies_by; Span lists_span;  // the table of bodies: its code column
  std::optional<std::string> per_body_by; Span per_body_span;   // rows belong to a body through this column
  std::vector<std::string> key; std::vector<Span> key_spans; Span key_span;
  std::vector<BodyName> names; Span names_span;  // the table of bodies: each body's name by language
  std::optional<std::string> category; Span category_span;  // the table of bodies: a body's kind
  std::vector<ColumnDecl> columns;
  std::vector<DerivedDecl> derived;
  std::vector<ReferenceDecl> references;
  std::vector<InvariantDecl> invariants;
  // Declaration order of columns, derived columns, references and invariants, for fmt.
  struct Item { enum Kind { Column, Derived, Reference, Invariant } kind; std::size_t index; };
  std::vector<Item> order;
  Span span;
  Span end_span = {};
};

// `part of act "22599"`: the file's items belong to an act declared in another file.
struct PartOf { std::string act; Span span; Span act_span; };  // act_span: the quoted act id

// One parsed rule file.
struct File {
  SourcePtr source;
  std::optional<Act> act;
  std::optional<PartOf> part_of;
  std::vector<TableDecl> tables;
  std::vector<Clause> clauses;
  std::vector<Repeal> repeals;
  std::vector<Function> functions;
};

}  // namespace ereje::ast
