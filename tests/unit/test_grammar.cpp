// Unit tests of the grammar: every construct of the language parsed from memory into the AST,
// operator precedence and associativity through the canonical printer, print/parse round trips
// over the real rule files, Kazakh identifiers, comments, syntax errors in the user's words with
// their positions, recovery after a broken clause, and the depth limit.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <sstream>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/Grammar.hpp"
#include "grammar/Parser.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;

namespace {

struct Parsed {
  ast::File file;
  Diagnostics diags;
};

Parsed parse(const std::string& text, const std::string& name = "t.ereje") {
  Parsed p;
  p.file = grammar::parse_file(std::make_shared<SourceFile>(name, text), p.diags);
  return p;
}

// One expression, parsed as the body of a function.
struct OneExpr {
  Parsed p;
  ast::ExprPtr e;
};

OneExpr one(const std::string& expr_text) {
  OneExpr o{parse("function f(x) = " + expr_text + "\n"), nullptr};
  if (o.p.file.functions.size() == 1) o.e = o.p.file.functions[0].body;
  return o;
}

std::string print(const ast::ExprPtr& e) {
  REQUIRE(e);
  return grammar::print_expr(*e);
}

// Parses an expression that must be valid and returns its canonical text.
std::string printed(const std::string& expr_text) {
  OneExpr o = one(expr_text);
  INFO("expression: " << expr_text << "\n" << render(o.p.diags));
  REQUIRE(o.p.diags.empty());
  return print(o.e);
}

// A fully parenthesized form of the tree, independent of the printer under test.
std::string shape(const ast::Expr& e) {
  return std::visit(
      [&](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::NumberLit>) return n.text;
        else if constexpr (std::is_same_v<T, ast::StringLit>) return "'" + n.value + "'";
        else if constexpr (std::is_same_v<T, ast::BoolLit>) return n.value ? "#t" : "#f";
        else if constexpr (std::is_same_v<T, ast::DateLit>) return "@" + format_date(n.value);
        else if constexpr (std::is_same_v<T, ast::NameRef>) return n.name;
        else if constexpr (std::is_same_v<T, ast::NaLit>) return "#na";
        else if constexpr (std::is_same_v<T, ast::Unary>)
          return std::string("(") + (n.op == ast::UnaryOp::Not ? "not " : "neg ") + shape(*n.operand) + ")";
        else if constexpr (std::is_same_v<T, ast::Binary>)
          return std::string("(") + ast::to_string(n.op) + " " + shape(*n.lhs) + " " + shape(*n.rhs) + ")";
        else if constexpr (std::is_same_v<T, ast::If>)
          return "(if " + shape(*n.cond) + " " + shape(*n.then_branch) + " " + shape(*n.else_branch) + ")";
        else if constexpr (std::is_same_v<T, ast::Call>) {
          std::string s = "(call " + n.function;
          for (const auto& a : n.args) s += " " + shape(*a);
          return s + ")";
        } else if constexpr (std::is_same_v<T, ast::InList>) {
          std::string s = "(in " + shape(*n.value) + " [";
          for (std::size_t i = 0; i < n.items.size(); ++i) s += (i ? " " : "") + shape(*n.items[i]);
          return s + "])";
        } else if constexpr (std::is_same_v<T, ast::Aggregate>) {
          std::string s = std::string("(") + ast::to_string(n.kind) + " " + n.table;
          if (n.value) s += " of " + shape(*n.value);
          if (n.filter) s += " where " + shape(*n.filter);
          return s + ")";
        } else if constexpr (std::is_same_v<T, ast::ClauseRef>) {
          return "(ref " + n.name + " " + n.clause + ")";
        } else if constexpr (std::is_same_v<T, ast::Total>) {
          std::string s = "(total";
          for (const auto& p : n.parts) {
            s += std::string(" (") + (p.deduct ? "deduct " : "") + shape(*p.value);
            if (p.weight) s += " weight " + shape(*p.weight);
            if (p.fallback) s += " or " + shape(*p.fallback);
            s += ")";
          }
          return s + " " + (n.policy == ast::NaPolicy::CountAs ? "as " + shape(*n.count_as) : ast::to_string(n.policy)) + ")";
        }
      },
      e.node);
}

std::string shape_of(const std::string& expr_text) {
  OneExpr o = one(expr_text);
  INFO("expression: " << expr_text << "\n" << render(o.p.diags));
  REQUIRE(o.p.diags.empty());
  REQUIRE(o.e);
  return shape(*o.e);
}

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(EREJE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "line:column" (1-based, columns in code points) of the first occurrence of `needle`, counted here.
std::string position_of(const std::string& text, const std::string& needle, std::size_t from = 0) {
  std::size_t at = text.find(needle, from);
  REQUIRE(at != std::string::npos);
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < at; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') { ++line; col = 1; }
    else if ((c & 0xC0) != 0x80) ++col;
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string pos(const Span& s) { return std::to_string(s.line()) + ":" + std::to_string(s.column()); }
std::string pos(std::size_t line, std::size_t col) { return std::to_string(line) + ":" + std::to_string(col); }


// `word` standing alone (as in a C++ type name), not inside another word such as "reconstructed".
bool has_word(const std::string& text, const std::string& word) {
  auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool before = at > 0 && letter(text[at - 1]);
    bool after = at + word.size() < text.size() && letter(text[at + word.size()]);
    if (!before && !after) return true;
  }
  return false;
}

const std::string kClauseHead =
    "act \"1\" \"Test act\" in_force 2023-01-01\n"
    "\n"
    "clause 49 \"Automation\"\n"
    "  title kk \"Автоматтандыру\"\n";

}  // namespace

// ---- every construct ----------------------------------------------------------------------------

TEST_CASE("grammar: a file with every construct", "[grammar]") {
  const std::string text =
      "// A file with every construct of the language.\n"
      "act \"33140\" \"Joint order No. 153\" \" (registered 2023-07-24)\" // the act\n"
      "  in_force 2023-07-24 \"registration date\" \"; to verify\"\n"
      "  amends \"22599\"\n"
      "\n"
      "function twice(x) = x * 2 \"doubles a value\"\n"
      "function zero() = 0\n"
      "\n"
      "clause 49 \"Degree of automation\" // heading\n"
      "  title kk \"Мемлекеттік қызметтерді автоматтандыру дәрежесі\"\n"
      "  title ru \"Степень автоматизации государственных услуг\"\n"
      "  title en \"Degree of automation of public services\"\n"
      "  text kk \"49. Бірінші бөлік; \" \"екінші \\\"бөлік\\\"\"\n"
      "  replaces 49\n"
      "  in_force 2023-08-01 \"own date\"\n"
      "  evidence text seed, variables official, formula reconstructed\n"
      "  let c = count services where automation = partial \"partially automated\"\n"
      "  coefficient p = 0.5 \"weight\"\n"
      "  result T = (p * c + d) / n * k range 0..k round 3 \"score\"\n"
      "  let d = count services where automation = full\n"
      "  result U = c range -1..10\n"
      "  obligation breaches over objections breach when reviewed_on > as_of \"late\"\n"
      "\n"
      "  test \"first test\"\n"
      "    as_of 2023-12-01\n"
      "    services: 20 rows automation = partial and mobile = true, 1 row automation = none,\n"
      "      0 rows\n"
      "    objections: 1 row clause = \"49\" and submitted_on = 2023-09-20\n"
      "    expect T = 7.00\n"
      "    expect U = n/a\n"
      "    expect T = 15.00 out_of_range\n"
      "    expect U = -1\n"
      "  test \"second test\" expect T = 1\n"
      "end\n"
      "\n"
      "clause 49-1\n"
      "  evidence text not_on_file\n"
      "end\n"
      "\n"
      "repeals 52 \"repealed by this act\"\n";
  Parsed p = parse(text);
  INFO(render(p.diags));
  REQUIRE(p.diags.empty());
  const ast::File& f = p.file;

  REQUIRE(f.act.has_value());
  CHECK(f.act->id == "33140");
  CHECK(f.act->title == "Joint order No. 153 (registered 2023-07-24)");  // adjacent strings join
  CHECK(f.act->in_force == parse_date("2023-07-24"));
  CHECK(f.act->in_force_note == "registration date; to verify");
  CHECK(f.act->amends == std::optional<std::string>("22599"));
  CHECK(pos(f.act->span) == position_of(text, "act \"33140\""));

  REQUIRE(f.functions.size() == 2);
  CHECK(f.functions[0].name == "twice");
  CHECK(f.functions[0].params == std::vector<std::string>{"x"});
  CHECK(print(f.functions[0].body) == "x * 2");
  CHECK(f.functions[0].description == "doubles a value");
  CHECK(pos(f.functions[0].name_span) == position_of(text, "twice"));
  CHECK(f.functions[1].name == "zero");
  CHECK(f.functions[1].params.empty());
  CHECK(print(f.functions[1].body) == "0");
  CHECK(f.functions[1].description.empty());

  REQUIRE(f.clauses.size() == 2);
  const ast::Clause& c = f.clauses[0];
  CHECK(c.number == "49");
  CHECK(pos(c.number_span) == position_of(text, "49 \"Degree"));
  CHECK(c.title == "Degree of automation");
  REQUIRE(c.titles.size() == 3);
  CHECK(c.titles[0].lang == "kk");
  CHECK(c.titles[0].value == "Мемлекеттік қызметтерді автоматтандыру дәрежесі");
  CHECK(c.titles[1].lang == "ru");
  CHECK(c.titles[1].value == "Степень автоматизации государственных услуг");
  CHECK(c.titles[2].lang == "en");
  REQUIRE(c.texts.size() == 1);
  CHECK(c.texts[0].lang == "kk");
  CHECK(c.texts[0].value == "49. Бірінші бөлік; екінші \"бөлік\"");
  CHECK(c.replaces == std::optional<std::string>("49"));
  CHECK(pos(c.replaces_span) == position_of(text, "replaces 49"));
  CHECK(c.in_force == parse_date("2023-08-01"));
  CHECK(c.in_force_note == "own date");
  REQUIRE(c.evidence.size() == 3);
  CHECK(c.evidence[0].subject == "text");
  CHECK(c.evidence[0].level == ast::Evidence::Seed);
  CHECK(c.evidence[1].subject == "variables");
  CHECK(c.evidence[1].level == ast::Evidence::Official);
  CHECK(c.evidence[2].subject == "formula");
  CHECK(c.evidence[2].level == ast::Evidence::Reconstructed);

  REQUIRE(c.lets.size() == 2);
  CHECK(c.lets[0].name == "c");
  CHECK(print(c.lets[0].value) == "count services where automation = partial");
  CHECK(c.lets[0].description == "partially automated");
  CHECK(c.lets[1].name == "d");
  CHECK(c.lets[1].description.empty());
  REQUIRE(c.coefficients.size() == 1);
  CHECK(c.coefficients[0].name == "p");
  CHECK(print(c.coefficients[0].value) == "0.5");
  CHECK(c.coefficients[0].description == "weight");

  REQUIRE(c.results.size() == 2);
  const ast::Result& t = c.results[0];
  CHECK(t.name == "T");
  CHECK(pos(t.name_span) == position_of(text, "T = (p"));
  CHECK(print(t.value) == "(p * c + d) / n * k");
  CHECK(print(t.range_lo) == "0");
  CHECK(print(t.range_hi) == "k");
  CHECK(t.round == 3);
  CHECK(t.round_declared);
  CHECK(t.description == "score");
  const ast::Result& u = c.results[1];
  CHECK(u.name == "U");
  CHECK(shape(*u.range_lo) == "(neg 1)");
  CHECK(print(u.range_hi) == "10");
  CHECK(u.round == 2);  // the default
  CHECK_FALSE(u.round_declared);
  CHECK(u.description.empty());

  REQUIRE(c.obligations.size() == 1);
  CHECK(c.obligations[0].name == "breaches");
  CHECK(c.obligations[0].table == "objections");
  CHECK(pos(c.obligations[0].table_span) == position_of(text, "objections breach"));
  CHECK(print(c.obligations[0].breach) == "reviewed_on > as_of");
  CHECK(c.obligations[0].description == "late");

  REQUIRE(c.order.size() == 6);
  std::vector<std::string> order;
  const char* kinds[] = {"let", "coefficient", "result", "obligation"};
  for (const auto& i : c.order) order.push_back(kinds[i.kind] + std::string(" ") + std::to_string(i.index));
  CHECK(order == std::vector<std::string>{"let 0", "coefficient 0", "result 0", "let 1", "result 1", "obligation 0"});

  REQUIRE(c.tests.size() == 2);
  const ast::TestCase& t1 = c.tests[0];
  CHECK(t1.name == "first test");
  CHECK(t1.as_of == parse_date("2023-12-01"));
  REQUIRE(t1.tables.size() == 2);
  CHECK(t1.tables[0].table == "services");
  REQUIRE(t1.tables[0].groups.size() == 3);
  CHECK(t1.tables[0].groups[0].count == 20);
  REQUIRE(t1.tables[0].groups[0].assignments.size() == 2);
  CHECK(t1.tables[0].groups[0].assignments[0].column == "automation");
  CHECK(print(t1.tables[0].groups[0].assignments[0].value) == "partial");
  CHECK(t1.tables[0].groups[0].assignments[1].column == "mobile");
  CHECK(shape(*t1.tables[0].groups[0].assignments[1].value) == "#t");
  CHECK(t1.tables[0].groups[1].count == 1);
  CHECK(t1.tables[0].groups[1].assignments.size() == 1);
  CHECK(t1.tables[0].groups[2].count == 0);
  CHECK(t1.tables[0].groups[2].assignments.empty());
  CHECK(t1.tables[1].table == "objections");
  REQUIRE(t1.tables[1].groups.size() == 1);
  REQUIRE(t1.tables[1].groups[0].assignments.size() == 2);
  CHECK(shape(*t1.tables[1].groups[0].assignments[0].value) == "'49'");
  CHECK(shape(*t1.tables[1].groups[0].assignments[1].value) == "@2023-09-20");
  REQUIRE(t1.expectations.size() == 4);
  CHECK(t1.expectations[0].result == "T");
  CHECK(shape(*t1.expectations[0].value) == "7.00");
  CHECK_FALSE(t1.expectations[0].out_of_range);
  CHECK(std::holds_alternative<ast::NaLit>(t1.expectations[1].value->node));
  CHECK(t1.expectations[2].out_of_range);
  CHECK(shape(*t1.expectations[2].value) == "15.00");
  CHECK(shape(*t1.expectations[3].value) == "(neg 1)");
  const ast::TestCase& t2 = c.tests[1];
  CHECK(t2.name == "second test");
  CHECK_FALSE(t2.as_of.has_value());
  CHECK(t2.tables.empty());
  REQUIRE(t2.expectations.size() == 1);

  const ast::Clause& c2 = f.clauses[1];
  CHECK(c2.number == "49-1");
  CHECK(c2.title.empty());
  REQUIRE(c2.evidence.size() == 1);
  CHECK(c2.evidence[0].level == ast::Evidence::NotOnFile);
  CHECK(c2.lets.empty());
  CHECK(c2.results.empty());

  REQUIRE(f.repeals.size() == 1);
  CHECK(f.repeals[0].number == "52");
  CHECK(f.repeals[0].note == "repealed by this act");
  CHECK(pos(f.repeals[0].span) == position_of(text, "repeals 52"));
}

TEST_CASE("grammar: the real rule files and the standard library parse cleanly", "[grammar]") {
  for (const char* name : {"rules/acts/2021-22599.ereje", "rules/acts/2023-33140.ereje", "stdlib/prelude.ereje"}) {
    Parsed p = parse(read_source(name), name);
    INFO(name << "\n" << render(p.diags));
    REQUIRE(p.diags.empty());
    if (std::string(name).rfind("rules/", 0) == 0) {
      REQUIRE(p.file.act.has_value());
      std::vector<std::string> numbers;
      for (const auto& c : p.file.clauses) numbers.push_back(c.number);
      REQUIRE(numbers == std::vector<std::string>{"49", "52", "114"});
    } else {
      REQUIRE(p.file.functions.size() >= 8);
    }
  }
}

// ---- precedence, associativity, printing --------------------------------------------------------

TEST_CASE("grammar: operator precedence and associativity", "[grammar][print]") {
  struct Case {
    const char* text;
    const char* shape;
  };
  // Each prints back unchanged: the printer keeps exactly the parentheses the tree needs.
  const Case cases[] = {
      {"a - b - c", "(- (- a b) c)"},
      {"a - (b - c)", "(- a (- b c))"},
      {"a / b / c", "(/ (/ a b) c)"},
      {"a / (b / c)", "(/ a (/ b c))"},
      {"a * b / c", "(/ (* a b) c)"},
      {"a / (b * c)", "(/ a (* b c))"},
      {"a + b * c", "(+ a (* b c))"},
      {"(a + b) * c", "(* (+ a b) c)"},
      {"a * (b + c)", "(* a (+ b c))"},
      {"a + b - c + d", "(+ (- (+ a b) c) d)"},
      {"a - (b + c)", "(- a (+ b c))"},
      {"-a * b", "(* (neg a) b)"},
      {"-(a * b)", "(neg (* a b))"},
      {"a - -b", "(- a (neg b))"},
      {"-(-a)", "(neg (neg a))"},
      {"not a = b and c", "(and (not (= a b)) c)"},
      {"not (a and b)", "(not (and a b))"},
      {"not not a", "(not (not a))"},
      {"a or b and c", "(or a (and b c))"},
      {"(a or b) and c", "(and (or a b) c)"},
      {"a and b or c and d", "(or (and a b) (and c d))"},
      {"a or b or c", "(or (or a b) c)"},
      {"a or (b or c)", "(or a (or b c))"},
      {"a and (b and c)", "(and a (and b c))"},
      {"a = b + 1", "(= a (+ b 1))"},
      {"(a = b) = c", "(= (= a b) c)"},
      {"a = (b = c)", "(= a (= b c))"},
      {"a + 1 <= b * 2", "(<= (+ a 1) (* b 2))"},
      {"a < b and b >= c or c != d and d > e", "(or (and (< a b) (>= b c)) (and (!= c d) (> d e)))"},
      {"x in [partial, full]", "(in x [partial full])"},
      {"x + 1 in [1, 2]", "(in (+ x 1) [1 2])"},
      {"not x in [1]", "(not (in x [1]))"},
      {"x in []", "(in x [])"},
      {"if a then b else c + 1", "(if a b (+ c 1))"},
      {"(if a then b else c) + 1", "(+ (if a b c) 1)"},
      {"if a then if b then c else d else e", "(if a (if b c d) e)"},
      {"if a > 0 and b then x * 2 else -x", "(if (and (> a 0) b) (* x 2) (neg x))"},
      {"count services", "(count services)"},
      {"count services where automation = full", "(count services where (= automation full))"},
      {"count services where main and automation in [partial, full]",
       "(count services where (and main (in automation [partial full])))"},
      {"(count services) / n", "(/ (count services) n)"},
      {"(count services where mobile) / (count services) * 5",
       "(* (/ (count services where mobile) (count services)) 5)"},
      {"max objections of reviewed_on - submitted_on where not missing(reviewed_on)",
       "(max objections of (- reviewed_on submitted_on) where (not (call missing reviewed_on)))"},
      {"sum services of (count objections where x)", "(sum services of (count objections where x))"},
      {"avg objections of (if missing(reviewed_on) then days(0) else reviewed_on - submitted_on)",
       "(avg objections of (if (call missing reviewed_on) (call days 0) (- reviewed_on submitted_on)))"},
      {"single schedule of ends_on where stage = \"objections_review\"",
       "(single schedule of ends_on where (= stage 'objections_review'))"},
      {"min services of x", "(min services of x)"},
      {"min(a, b)", "(call min a b)"},
      {"max(min(a, b), clamp(x, 0, 10))", "(call max (call min a b) (call clamp x 0 10))"},
      {"f()", "(call f)"},
      {"2024-01-01 + days(3)", "(+ @2024-01-01 (call days 3))"},
      {"0.50 * 10", "(* 0.50 10)"},
      {"true and not false", "(and #t (not #f))"},
      {"\"say \\\"hi\\\"\\n\"", "'say \"hi\"\n'"},
      {"android and order or notes", "(or (and android order) notes)"},
      {"country + whereabouts * elsewhere - iffy / endpoint", "(- (+ country (* whereabouts elsewhere)) (/ iffy endpoint))"},
      {"ofx = inx and trueish", "(and (= ofx inx) trueish)"},
  };
  for (const auto& c : cases) {
    INFO("expression: " << c.text);
    CHECK(shape_of(c.text) == c.shape);
    CHECK(printed(c.text) == c.text);
  }
}

TEST_CASE("grammar: printing drops redundant parentheses and normalizes layout", "[grammar][print]") {
  CHECK(printed("(a - b) - c") == "a - b - c");
  CHECK(printed("((((((1))))))") == "1");
  CHECK(printed("a+b*(c)") == "a + b * c");
  CHECK(printed("(a * b) + c") == "a * b + c");
  CHECK(printed("(not a) and b") == "not a and b");
  CHECK(printed("(a and b) or c") == "a and b or c");
  CHECK(printed("count services / n") == "(count services) / n");  // the aggregate made explicit
  CHECK(shape_of("count services / n") == "(/ (count services) n)");
  CHECK(printed("min (a,b)") == "min(a, b)");
  CHECK(printed("x  in  [ 1 ,2 ]") == "x in [1, 2]");
  CHECK(printed("- ( - a )") == "-(-a)");
  CHECK(printed("-(count services)") == "-(count services)");
}

TEST_CASE("grammar: print and parse again is a fixed point over the real rules", "[grammar][print]") {
  std::size_t checked = 0;
  auto round_trip = [&](const ast::Expr& e, const std::string& where) {
    std::string first = grammar::print_expr(e);
    OneExpr again = one(first);
    INFO(where << ": " << first << "\n" << render(again.p.diags));
    REQUIRE(again.p.diags.empty());
    REQUIRE(again.e);
    CHECK(shape(*again.e) == shape(e));  // the same tree, not only the same text
    std::string second = grammar::print_expr(*again.e);
    CHECK(second == first);
    ++checked;
  };
  for (const char* name : {"rules/acts/2021-22599.ereje", "rules/acts/2023-33140.ereje", "stdlib/prelude.ereje"}) {
    Parsed p = parse(read_source(name), name);
    REQUIRE(p.diags.empty());
    for (const auto& fn : p.file.functions) round_trip(*fn.body, fn.name_span.where());
    for (const auto& c : p.file.clauses) {
      for (const auto& l : c.lets) round_trip(*l.value, l.name_span.where());
      for (const auto& k : c.coefficients) round_trip(*k.value, k.name_span.where());
      for (const auto& r : c.results) {
        round_trip(*r.value, r.name_span.where());
        if (r.range_lo) round_trip(*r.range_lo, r.range_span.where());
        if (r.range_hi) round_trip(*r.range_hi, r.range_span.where());
      }
      for (const auto& o : c.obligations) round_trip(*o.breach, o.name_span.where());
      for (const auto& t : c.tests)
        for (const auto& tt : t.tables)
          for (const auto& g : tt.groups)
            for (const auto& a : g.assignments) round_trip(*a.value, a.column_span.where());
    }
  }
  CHECK(checked >= 60);  // every function body, definition, bound, obligation and test value
}

// ---- identifiers, comments, literals ------------------------------------------------------------

TEST_CASE("grammar: Cyrillic identifiers, Kazakh letters included", "[grammar][unicode]") {
  const std::string text =
      "act \"1\" \"Қазақша\" in_force 2023-01-01\n"
      "clause 1 \"Қазақша атаулар\"\n"
      "  let әғқңөұүһі = count services \"барлық әріптер\"\n"
      "  let ӘҒҚҢӨҰҮҺІ = әғқңөұүһі * 2\n"
      "  let ёлка_2x = ӘҒҚҢӨҰҮҺІ + 1\n"
      "  coefficient коэффициент_2 = 10\n"
      "  result Нәтиже = ӘҒҚҢӨҰҮҺІ / коэффициент_2 range 0..коэффициент_2\n"
      "end\n";
  Parsed p = parse(text);
  INFO(render(p.diags));
  REQUIRE(p.diags.empty());
  const ast::Clause& c = p.file.clauses.at(0);
  REQUIRE(c.lets.size() == 3);
  CHECK(c.lets[0].name == "әғқңөұүһі");
  CHECK(c.lets[0].description == "барлық әріптер");
  CHECK(c.lets[1].name == "ӘҒҚҢӨҰҮҺІ");
  CHECK(print(c.lets[1].value) == "әғқңөұүһі * 2");
  CHECK(c.lets[2].name == "ёлка_2x");
  CHECK(c.coefficients.at(0).name == "коэффициент_2");
  const ast::Result& r = c.results.at(0);
  CHECK(r.name == "Нәтиже");
  CHECK(print(r.value) == "ӘҒҚҢӨҰҮҺІ / коэффициент_2");
  CHECK(print(r.range_hi) == "коэффициент_2");
  // Spans count code points: the left operand starts at column 19 and covers 9 letters (18 bytes).
  const auto& div = std::get<ast::Binary>(r.value->node);
  CHECK(pos(div.lhs->span) == "7:19");
  CHECK(div.lhs->span.end - div.lhs->span.begin == 18);
  CHECK(pos(r.name_span) == "7:10");

  SECTION("letters outside the Cyrillic block are not identifiers") {
    Parsed greek = parse(kClauseHead + "  let α = 1\nend\n");
    REQUIRE(greek.diags.list().size() == 1);
    CHECK(greek.diags.list()[0].message == "expected a name, found `α`");
    Parsed digit = parse(kClauseHead + "  let 2x = 1\nend\n");
    REQUIRE(digit.diags.list().size() == 1);
    CHECK(digit.diags.list()[0].code == "syntax");
  }
  SECTION("reserved words are not names") {
    for (const char* word : {"and", "or", "not", "if", "then", "else", "where", "of", "in", "true", "false", "end"}) {
      Parsed r2 = parse(kClauseHead + "  let " + word + " = 1\nend\n");
      INFO(word);
      REQUIRE(r2.diags.list().size() == 1);
      CHECK(r2.diags.list()[0].message == std::string("expected a name, found `") + word + "`");
    }
  }
}

TEST_CASE("grammar: comments anywhere between tokens, never inside strings", "[grammar]") {
  const std::string text =
      "// comment at the top\n"
      "act \"1\" \"T\" // after the title\n"
      "  // between header lines\n"
      "  in_force 2023-01-01 // after the date\n"
      "// before a function\n"
      "function f(a, // inside the parameter list\n"
      "           b) = a + // inside an expression\n"
      "  b \"description\" // after the description\n"
      "clause 49 // after the number\n"
      "  \"Title\" // after the heading\n"
      "  title kk \"Қ // not a comment\" // after a title\n"
      "  let x = count services // after the table\n"
      "    where mobile // in the middle of an aggregate\n"
      "    and main \"desc // not a comment inside a string\"\n"
      "  result T = x range 0 // between the bounds\n"
      "    ..10 round // before the decimals\n"
      "    2\n"
      "  // before a test\n"
      "  test \"t\" // after the test name\n"
      "    services: 1 row // after rows\n"
      "      mobile = true, // after an assignment\n"
      "      2 rows\n"
      "    expect T = 1 // after an expectation\n"
      "end // after end\n"
      "//no space after the slashes\n"
      "// at the end without a line break";
  Parsed p = parse(text);
  INFO(render(p.diags));
  REQUIRE(p.diags.empty());
  CHECK(p.file.act->title == "T");
  CHECK(p.file.act->in_force == parse_date("2023-01-01"));
  REQUIRE(p.file.functions.size() == 1);
  CHECK(p.file.functions[0].params == std::vector<std::string>{"a", "b"});
  CHECK(print(p.file.functions[0].body) == "a + b");
  CHECK(p.file.functions[0].description == "description");
  REQUIRE(p.file.clauses.size() == 1);
  const ast::Clause& c = p.file.clauses[0];
  CHECK(c.number == "49");
  CHECK(c.title == "Title");
  CHECK(c.titles.at(0).value == "Қ // not a comment");
  CHECK(c.lets.at(0).name == "x");
  const auto& agg = std::get<ast::Aggregate>(c.lets.at(0).value->node);
  CHECK(agg.table == "services");
  CHECK(print(c.lets.at(0).value) == "count services where mobile and main");
  CHECK(c.lets.at(0).description == "desc // not a comment inside a string");
  CHECK(c.results.at(0).round == 2);
  CHECK(c.results.at(0).round_declared);
  CHECK(print(c.results.at(0).range_hi) == "10");
  REQUIRE(c.tests.size() == 1);
  REQUIRE(c.tests[0].tables.at(0).groups.size() == 2);
  CHECK(c.tests[0].tables[0].groups[0].assignments.at(0).column == "mobile");
  CHECK(c.tests[0].tables[0].groups[1].count == 2);
  CHECK(c.tests[0].expectations.at(0).result == "T");
}

TEST_CASE("grammar: literals", "[grammar]") {
  auto lit = [](const std::string& t) {
    OneExpr o = one(t);
    INFO(t << "\n" << render(o.p.diags));
    REQUIRE(o.p.diags.empty());
    return o.e;
  };
  auto n = lit("0.625");
  REQUIRE(std::holds_alternative<ast::NumberLit>(n->node));
  CHECK(std::get<ast::NumberLit>(n->node).value == *Rational::parse_decimal("0.625"));
  CHECK(std::get<ast::NumberLit>(n->node).text == "0.625");
  auto d = lit("2024-02-29");
  CHECK(std::get<ast::DateLit>(d->node).value == make_date(2024, 2, 29));
  auto s = lit("\"таб\\tжол\\nтырнақ\\\"кері\\\\\"");
  CHECK(std::get<ast::StringLit>(s->node).value == "таб\tжол\nтырнақ\"кері\\");
  CHECK(std::get<ast::BoolLit>(lit("true")->node).value);
  CHECK_FALSE(std::get<ast::BoolLit>(lit("false")->node).value);
  // A string prints with its escapes and parses back to the same value.
  CHECK(printed(grammar::print_expr(*s)) == grammar::print_expr(*s));
}

// ---- parser diagnostics other than syntax -------------------------------------------------------

TEST_CASE("grammar: impossible dates are reported where they stand", "[grammar][error]") {
  const std::string text =
      "act \"1\" \"T\" in_force 2023-02-29\n"
      "clause 49 \"X\"\n"
      "  let d = 2024-02-30\n"
      "  test \"t\"\n"
      "    as_of 2023-13-01\n"
      "end\n";
  Parsed p = parse(text);
  REQUIRE(p.diags.list().size() == 3);
  for (const auto& d : p.diags.list()) {
    CHECK(d.code == "bad-date");
    CHECK(d.severity == Severity::Error);
  }
  CHECK(p.diags.list()[0].message == "`2023-02-29` is not a real date: there is no such day");
  CHECK(p.diags.list()[0].help == "check the day: it is past the end of that month");
  CHECK(pos(p.diags.list()[0].span) == position_of(text, "2023-02-29"));
  CHECK(p.diags.list()[1].message == "`2024-02-30` is not a real date: there is no such day");
  CHECK(pos(p.diags.list()[1].span) == position_of(text, "2024-02-30"));
  CHECK(p.diags.list()[2].message == "`2023-13-01` is not a real date");
  CHECK(p.diags.list()[2].help == "months run from 01 to 12 (YYYY-MM-DD)");
  CHECK(pos(p.diags.list()[2].span) == position_of(text, "2023-13-01"));
}

TEST_CASE("grammar: a date typed day.month.year is one error that names the date", "[grammar][error]") {
  const std::string text =
      "act \"1\" \"T\" in_force 01.07.2025\n"
      "clause 49 \"X\"\n"
      "  in_force 2025/7/1\n"
      "  test \"t\"\n"
      "    as_of 2025-7-1\n"
      "    expect T = 1\n"
      "end\n";
  Parsed p = parse(text);
  INFO(render(p.diags));
  REQUIRE(p.diags.list().size() == 3);
  for (const auto& d : p.diags.list()) {
    CHECK(d.code == "bad-date");
    CHECK(d.help == "write 2025-07-01");
  }
  CHECK(p.diags.list()[0].message == "`01.07.2025` is not a date as YYYY-MM-DD");
  CHECK(pos(p.diags.list()[0].span) == position_of(text, "01.07.2025"));
  CHECK(pos(p.diags.list()[1].span) == position_of(text, "2025/7/1"));
  CHECK(pos(p.diags.list()[2].span) == position_of(text, "2025-7-1"));
  REQUIRE(p.file.clauses.size() == 1);  // the clause is read whole
  CHECK(p.file.clauses[0].tests.size() == 1);
  // Shaped like a date but no way to read one: still one error, with the form to use.
  Parsed q = parse("act \"1\" \"T\" in_force 2025.13.45\n");
  REQUIRE(q.diags.list().size() == 1);
  CHECK(q.diags.list()[0].code == "bad-date");
  CHECK(q.diags.list()[0].help == "write dates as YYYY-MM-DD, e.g. 2025-01-31");
  // The items themselves are kept, so the checker can report on the rest.
  CHECK(p.file.clauses.size() == 1);
}

TEST_CASE("grammar: rounding and row counts out of bounds", "[grammar][error]") {
  const std::string text = kClauseHead +
                           "  result T = x range 0..1 round 40\n"
                           "  result U = x range 0..1 round 1.5\n"
                           "  result V = x range 0..1 round 18\n"
                           "  test \"t\"\n"
                           "    services: 1.5 rows, 1000001 rows, 1000000 rows\n"
                           "end\n";
  Parsed p = parse(text);
  REQUIRE(p.diags.list().size() == 4);
  CHECK(p.diags.list()[0].code == "bad-rounding");
  CHECK(p.diags.list()[0].message == "rounding must be a whole number of decimals from 0 to 18");
  CHECK(pos(p.diags.list()[0].span) == position_of(text, "round 40"));
  CHECK(p.diags.list()[1].code == "bad-rounding");
  CHECK(pos(p.diags.list()[1].span) == position_of(text, "round 1.5"));
  CHECK(p.diags.list()[2].code == "bad-row-count");
  CHECK(p.diags.list()[2].message == "a row count must be a whole number up to 1000000");
  CHECK(pos(p.diags.list()[2].span) == position_of(text, "1.5 rows"));
  CHECK(p.diags.list()[3].code == "bad-row-count");
  CHECK(pos(p.diags.list()[3].span) == position_of(text, "1000001"));
  const ast::Clause& c = p.file.clauses.at(0);
  CHECK(c.results.at(2).round == 18);
  CHECK(c.tests.at(0).tables.at(0).groups.at(2).count == 1000000);
}

TEST_CASE("grammar: one act per file", "[grammar][error]") {
  const std::string text =
      "act \"1\" \"First\" in_force 2023-01-01\n"
      "clause 49 \"X\"\nend\n"
      "act \"2\" \"Second\" in_force 2024-01-01\n";
  Parsed p = parse(text);
  REQUIRE(p.diags.list().size() == 1);
  const Diagnostic& d = p.diags.list()[0];
  CHECK(d.code == "second-act");
  CHECK(d.message == "a rule file holds one act; this file already declared act \"1\"");
  CHECK(pos(d.span) == position_of(text, "act \"2\""));
  REQUIRE(d.notes.size() == 1);
  CHECK(pos(d.notes[0].span) == "1:1");
  CHECK(p.file.act->id == "1");
  CHECK(p.file.clauses.size() == 1);
}

TEST_CASE("grammar: a rule file that is not UTF-8", "[grammar][error]") {
  const std::string text = "act \"1\" \"T\" in_force 2023-01-01\nclause 49 \"\xC0\xAF\"\nend\n";
  Parsed p = parse(text);
  REQUIRE(p.diags.list().size() == 1);
  const Diagnostic& d = p.diags.list()[0];
  CHECK(d.code == "not-utf8");
  CHECK(d.message == "rule file is not valid UTF-8 text");
  CHECK(pos(d.span) == "2:12");
  CHECK_FALSE(p.file.act.has_value());  // nothing of the file is used
  CHECK(p.file.clauses.empty());
}

TEST_CASE("grammar: a rule file past the size limit", "[grammar][error]") {
  std::string text(grammar::kMaxRuleFileBytes + 1, ' ');
  Parsed p = parse(text, "huge.ereje");
  REQUIRE(p.diags.list().size() == 1);
  CHECK(p.diags.list()[0].code == "file-too-large");
  CHECK(p.diags.list()[0].file == "huge.ereje");
  CHECK(render(p.diags).rfind("huge.ereje: error: ", 0) == 0);
}

// ---- syntax errors ------------------------------------------------------------------------------

TEST_CASE("grammar: syntax errors say what was expected and what was found, where", "[grammar][error]") {
  struct Case {
    std::string body;     // lines after the clause head (line 5 on)
    std::string message;
    std::size_t line, column;
  };
  const std::vector<Case> cases = {
      {"  let x = if a else b", "expected `then` after the condition of `if`, found `else`", 5, 16},
      {"  let x = if a then b\n  result T = x range 0..1", "expected `else`: every `if` needs both branches, found `result`", 6, 3},
      {"  let x = count 5", "expected a table name, found `5`", 5, 17},
      {"  let x 5", "expected `=`, found `5`", 5, 9},
      {"  let = 5", "expected a name, found `=`", 5, 7},
      {"  let x =", "expected an expression, found `end`", 6, 1},
      {"  let x = 1 +", "expected a value after the operator, found `end`", 6, 1},
      {"  let x = 1 *", "expected a value after the operator, found `end`", 6, 1},
      {"  let x = -", "expected a value after the operator, found `end`", 6, 1},
      {"  let x = a =", "expected a value after the comparison, found `end`", 6, 1},
      {"  let x = a or", "expected a condition after `or`, found `end`", 6, 1},
      {"  let x = a and", "expected a condition, found `end`", 6, 1},
      {"  let x = not", "expected a condition, found `end`", 6, 1},
      {"  let x = (a + b", "expected `)`, found `end`", 6, 1},
      {"  let x = a in [partial, full", "expected `]` to close the list, found `end`", 6, 1},
      {"  let x = f(1, )", "expected an expression, found `)`", 5, 16},
      {"  let x = count services where", "expected an expression, found `end`", 6, 1},
      {"  let x = \"open", "unterminated string: expected a closing `\"` on the same line, found the end of the line", 5, 16},
      {"  in_force tomorrow", "expected a date as YYYY-MM-DD, found `tomorrow`", 5, 12},
      {"  result T = x range 0 10", "expected `..` between the bounds of the range, as in `range 0..10`, found `10`", 5, 24},
      {"  result T = x range 0..1 round x", "expected a whole number, found `x`", 5, 33},
      {"  title de \"x\"", "expected a language code: kk, ru or en, found `de`", 5, 9},
      {"  title kk Қазақ", "expected text in double quotes, found `Қазақ`", 5, 12},
      {"  evidence text maybe", "expected an evidence level: official, seed, reconstructed or not_on_file, found `maybe`", 5, 17},
      {"  evidence title official", "expected what the evidence is for: text, variables or formula, found `title`", 5, 12},
      {"  obligation b objections breach when x", "expected `over` and the table whose rows the obligation checks, found `objections`", 5, 16},
      {"  obligation b over objections when x", "expected `breach when` and the condition that makes a row a breach, found `when`", 5, 32},
      {"  replaces x", "expected a clause number such as 49 or 49-1, found `x`", 5, 12},
      {"  lett x = 1",
       "expected a clause item (title, text, replaces, amends, in_force, evidence, let, coefficient, result, obligation, rank, grade), "
       "a test, or `end`, found `lett`",
       5, 3},
      {"  test", "expected text in double quotes, found `end`", 6, 1},
      {"  test \"t\"\n    as_of soon", "expected a date as YYYY-MM-DD, found `soon`", 6, 11},
      {"  test \"t\"\n    services: automation = full", "expected rows such as `3 rows status = done`, found `automation`", 6, 15},
      {"  test \"t\"\n    services: 1 row automation = full and 5",
       "expected a column assignment such as `status = done`, found `5`", 6, 43},
      {"  test \"t\"\n    expect T =", "expected a value or n/a, found `end`", 7, 1},
  };
  for (const auto& c : cases) {
    const std::string text = kClauseHead + c.body + "\nend\n";
    Parsed p = parse(text);
    INFO("body:\n" << c.body << "\n" << render(p.diags));
    REQUIRE(p.diags.list().size() == 1);
    const Diagnostic& d = p.diags.list()[0];
    CHECK(d.code == "syntax");
    CHECK(d.severity == Severity::Error);
    CHECK(d.message == c.message);
    CHECK(pos(d.span) == pos(c.line, c.column));
    // Inside a clause, the error points back at the clause it is in.
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "in the clause that starts here");
    CHECK(pos(d.notes[0].span) == "3:1");
    CHECK(p.file.clauses.empty());
  }
}

TEST_CASE("grammar: syntax errors at the top level", "[grammar][error]") {
  struct Case {
    std::string text, message;
    std::size_t line, column;
  };
  const std::vector<Case> cases = {
      {"act 33140", "expected the act's registration number in double quotes, e.g. act \"33140\", found `33140`", 1, 5},
      {"lett x = 1\n", "expected `act`, `part of act`, `clause`, `table`, `extend table`, `function` or `repeals` at the top level of a rule file, found `lett`", 1, 1},
      {"\n\n  ) \n", "expected `act`, `part of act`, `clause`, `table`, `extend table`, `function` or `repeals` at the top level of a rule file, found `)`", 3, 3},
      {"clause 49a \"x\"\nend\n", "expected a clause number such as 49 or 49-1, found `a`", 1, 10},
      {"function f(x y) = 1\n", "expected `)`, found `y`", 1, 14},
      {"function (x) = 1\n", "expected a name, found `(`", 1, 10},
      {"function f(x) 1\n", "expected `=`, found `1`", 1, 15},
      {"repeals", "expected a clause number such as 49 or 49-1, found the end of the file", 1, 8},
      {"act \"1\" \"T\" in_force 2023-01-01 amends 22599\n", "expected text in double quotes, found `22599`", 1, 40},
      {"clause 49 \"X\"\n  lett x = 1\nend\n", "expected a clause item (title, text, replaces, amends, in_force, evidence, let, "
                                               "coefficient, result, obligation, rank, grade), a test, or `end`, found `lett`", 2, 3},
  };
  for (const auto& c : cases) {
    Parsed p = parse(c.text);
    INFO("text:\n" << c.text << "\n" << render(p.diags));
    REQUIRE(p.diags.list().size() == 1);
    const Diagnostic& d = p.diags.list()[0];
    CHECK(d.code == "syntax");
    CHECK(d.message == c.message);
    CHECK(pos(d.span) == pos(c.line, c.column));
  }
  // No note when the error is on the line that opens the clause.
  Parsed same_line = parse("clause 49a \"x\"\nend\n");
  CHECK(same_line.diags.list().at(0).notes.empty());
}

TEST_CASE("grammar: the word found at an error is whole UTF-8 text, however long", "[grammar][error][unicode]") {
  // 1 ASCII letter then 40 Cyrillic ones: a cut after 40 bytes would split a letter in two.
  std::string word = "x";
  for (int i = 0; i < 40; ++i) word += "қ";
  Parsed p = parse(kClauseHead + "  " + word + " = 1\nend\n");
  REQUIRE(p.diags.list().size() == 1);
  const std::string& msg = p.diags.list()[0].message;
  CHECK(utf8_invalid_at(msg) == std::string_view::npos);
  CHECK(has(msg, "found `xққққ"));
  CHECK(utf8_invalid_at(render(p.diags)) == std::string_view::npos);
}

TEST_CASE("grammar: after a syntax error the parser resumes at the next clause", "[grammar][error][recovery]") {
  const std::string text =
      "act \"1\" \"T\" in_force 2023-01-01\n"
      "\n"
      "clause 1 \"good\"\n"
      "  let a = 1\n"
      "end\n"
      "\n"
      "clause 2 \"broken: unclosed parenthesis\"\n"
      "  let b = (1 + 2\n"
      "end\n"
      "\n"
      "function good(x) = x\n"
      "\n"
      "clause 3 \"good\"\n"
      "  let c = 3\n"
      "end\n"
      "\n"
      "clause 4 \"broken: missing operand\"\n"
      "  let d = 1 *\n"
      "end\n"
      "\n"
      "clause 5 \"broken: unknown item\"\n"
      "  lett e = 5\n"
      "end\n"
      "\n"
      "  clause 6 \"good, indented\"\n"
      "    let f = 6\n"
      "  end\n"
      "repeals 7\n";
  Parsed p = parse(text);
  INFO(render(p.diags));
  REQUIRE(p.diags.list().size() == 3);
  for (const auto& d : p.diags.list()) CHECK(d.code == "syntax");
  CHECK(p.diags.list()[0].message == "expected `)`, found `end`");
  CHECK(pos(p.diags.list()[0].span) == position_of(text, "end", text.find("(1 + 2")));
  CHECK(pos(p.diags.list()[0].notes.at(0).span) == position_of(text, "clause 2"));
  CHECK(p.diags.list()[1].message == "expected a value after the operator, found `end`");
  CHECK(pos(p.diags.list()[1].span) == position_of(text, "end", text.find("1 *")));
  CHECK(pos(p.diags.list()[1].notes.at(0).span) == position_of(text, "clause 4"));
  CHECK(has(p.diags.list()[2].message, "found `lett`"));
  CHECK(pos(p.diags.list()[2].span) == position_of(text, "lett"));
  std::vector<std::string> kept;
  for (const auto& c : p.file.clauses) kept.push_back(c.number);
  CHECK(kept == std::vector<std::string>{"1", "3", "6"});
  CHECK(p.file.functions.size() == 1);
  CHECK(p.file.repeals.size() == 1);
  CHECK(p.file.act.has_value());
}

// Regression (was a bug): after a clause that lacks
// its `end`, the error is reported at the next `clause` line and recovery skips that whole clause.
TEST_CASE("grammar: a missing `end` is said once, and the clause and the next are both read", "[grammar][error][recovery]") {
  const std::string text =
      "act \"1\" \"T\" in_force 2023-01-01\n"
      "clause 1 \"no end\"\n"
      "  let a = 1\n"
      "  test \"t\"\n"
      "    expect a = 1\n"
      "clause 2 \"good\"\n"
      "  let b = 2\n"
      "end\n"
      "clause 3 \"no end at the end of the file\"\n"
      "  let c = 3\n";
  Parsed p = parse(text);
  INFO(render(p.diags));
  REQUIRE(p.diags.list().size() == 2);
  std::vector<std::string> kept;
  for (const auto& c : p.file.clauses) kept.push_back(c.number);
  CHECK(kept == std::vector<std::string>{"1", "2", "3"});
  CHECK(p.file.clauses[0].tests.size() == 1);
  const Diagnostic& first = p.diags.list()[0];
  CHECK(first.code == "clause-without-end");
  CHECK(first.message == "clause 1 has no `end`");
  CHECK(pos(first.span) == position_of(text, "1 \"no end\""));
  REQUIRE(first.notes.size() == 1);
  CHECK(first.notes[0].message == "the next item starts here, while clause 1 is still open");
  CHECK(pos(first.notes[0].span) == position_of(text, "clause 2"));
  const Diagnostic& last = p.diags.list()[1];
  CHECK(last.message == "clause 3 has no `end`");
  REQUIRE(last.notes.size() == 1);
  CHECK(last.notes[0].message == "the file ends here, while clause 3 is still open");
}

TEST_CASE("grammar: 200,000 nested parentheses give a diagnostic, not a crash", "[grammar][error][limits]") {
  const std::size_t n = 200000;
  const std::string text = kClauseHead + "  let d = " + std::string(n, '(') + "1" + std::string(n, ')') +
                           "\nend\n"
                           "clause 50 \"after\"\n"
                           "  let e = 1\n"
                           "end\n";
  Parsed p = parse(text);
  REQUIRE(p.diags.list().size() == 1);
  const Diagnostic& d = p.diags.list()[0];
  CHECK(d.code == "too-deep");
  CHECK(d.severity == Severity::Error);
  CHECK(d.message.rfind("expression nested too deeply", 0) == 0);
  CHECK(has(d.help, "let"));
  CHECK(d.span.line() == 5);
  REQUIRE(p.file.clauses.size() == 1);
  CHECK(p.file.clauses[0].number == "50");
  // The rendered diagnostic shows a window of the 400,000-character line, not all of it.
  std::istringstream lines(render(p.diags));
  for (std::string l; std::getline(lines, l);) CHECK(utf8_length(l) < 200);

  SECTION("a few dozen levels are fine") {
    std::string deep = std::string(30, '(') + "a + 1" + std::string(30, ')') + " * 2";
    CHECK(printed(deep) == "(a + 1) * 2");
  }
}

TEST_CASE("grammar: messages never leak the parser library's words", "[grammar][error]") {
  // Every prefix of the real rules, and the rules with stray tokens inserted, must give
  // diagnostics in the user's terms only.
  const std::string base = read_source("rules/acts/2023-33140.ereje");
  const std::vector<std::string> junk = {"?", ")", "(", "\"", "if ", ",", "= ", "end ", "..", "[", "// x\n", "\n"};
  std::size_t diagnostics = 0, parses = 0;
  auto check_all = [&](const std::string& text) {
    Parsed p = parse(text);
    ++parses;
    for (const auto& d : p.diags.list()) {
      ++diagnostics;
      std::string all = d.message + "\n" + d.help;
      for (const auto& n : d.notes) all += "\n" + n.message;
      for (const char* bad : {"tao::", "pegtl", "ereje::", "grammar::", "parse error", "matching"}) {
        if (has(all, bad)) FAIL("diagnostic mentions `" << bad << "`: " << all << "\nin:\n" << text);
      }
      if (has_word(all, "struct")) FAIL("diagnostic mentions `struct`: " << all << "\nin:\n" << text);
      if (d.message.empty()) FAIL("empty message for code " << d.code);
      if (d.code == "syntax" && !has(d.message, ", found ")) FAIL("syntax error without `found`: " << d.message);
    }
  };
  for (std::size_t cut = 0; cut < base.size(); cut += 23) check_all(base.substr(0, cut));
  for (std::size_t k = 0; k < junk.size(); ++k)
    for (std::size_t at = k; at < base.size(); at += 97) check_all(base.substr(0, at) + junk[k] + base.substr(at));
  CHECK(parses > 1000);
  CHECK(diagnostics > 500);
}

TEST_CASE("grammar: PEGTL's analysis finds no problem in the grammar", "[grammar]") {
  // Left recursion or a loop over a rule that can succeed without consuming input would hang the
  // parser on some input; analyze() finds both statically.
  REQUIRE(tao::pegtl::analyze<ereje::grammar::item>(1) == 0);
}

TEST_CASE("parse: files parsed on two threads give the rule set and messages of one", "[grammar][threads]") {
  // Over the size at which load_rules parses on two threads; each file with an error of its own.
  std::string padding;
  for (int i = 0; i < 12000; ++i) padding += "# a comment line to make the file large\n";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"small.ereje", "act \"1\" \"One\" in_force 2024-01-01\n\nclause\n"},
      {"big-1.ereje", padding + "clause 49 \"x\"\n  let = 1\nend\n"},
      {"big-2.ereje", padding + padding + "act \"2\" \"Two\"\n"}};
  auto load_with = [&](const char* threads) {
    ::setenv("EREJE_THREADS", threads, 1);
    Diagnostics d;
    interp::RuleSet rs = interp::load_rules_from_text(files, d);
    ::unsetenv("EREJE_THREADS");
    std::vector<std::string> where;
    for (const auto& x : d.list()) where.push_back(x.span.file ? x.span.file->name : x.file);
    return std::pair{where, rs.files.size()};
  };
  const auto one = load_with("1");
  const auto two = load_with("2");
  CHECK(one.first == two.first);
  CHECK(one.second == two.second);
  CHECK(one.second >= 3);  // and the standard library's
  // Every file's error, in the order the files were given.
  REQUIRE(two.first.size() >= 3);
  CHECK(two.first.front() == "small.ereje");
  CHECK(two.first.back() == "big-2.ereje");
  CHECK(std::is_sorted(two.first.begin(), two.first.end(), [](const std::string& a, const std::string& b) {
    auto rank = [](const std::string& f) { return f == "small.ereje" ? 0 : f == "big-1.ereje" ? 1 : 2; };
    return rank(a) < rank(b);
  }));
}
