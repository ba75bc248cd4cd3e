// libFuzzer harness: the input is one rule file. It goes through the whole rule pipeline that needs
// no data (parse, resolve versions, check), every expression is printed back in canonical form, the
// diagnostics are rendered, and when the file checks cleanly its tests run (small tables only).
// Any input may be rejected with diagnostics; none may crash, leak, hang or trip a sanitizer.
// `fmt` is held to its promises: a file that parses formats to text that parses, means the same
// (dump_meaning) and formats to itself; a broken promise aborts, so the fuzzer keeps the input.
// Built with -DEREJE_FUZZ=ON (clang only); fuzz/run.sh builds and runs it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <fstream>
#include <sstream>
#include <string>

#include "core/Diagnostic.hpp"
#include "grammar/Formatter.hpp"
#include "grammar/Parser.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/RuleSet.hpp"
#include "interpreter/TestRunner.hpp"

namespace {

// Tests build their tables row by row; thousands of rows make each run slow, not more thorough.
bool small_tests(const ereje::interp::RuleSet& rules) {
  for (const auto& f : rules.files)
    for (const auto& c : f.clauses)
      for (const auto& t : c.tests)
        for (const auto& tt : t.tables)
          for (const auto& g : tt.groups)
            if (g.count > 100) return false;
  return true;
}

void print_all(const ereje::ast::File& f, std::size_t& sink) {
  auto print = [&](const ereje::ast::ExprPtr& e) {
    if (e) sink += ereje::grammar::print_expr(*e).size();
  };
  for (const auto& fn : f.functions) print(fn.body);
  for (const auto& c : f.clauses) {
    for (const auto& l : c.lets) print(l.value);
    for (const auto& k : c.coefficients) print(k.value);
    for (const auto& r : c.results) {
      print(r.value);
      print(r.range_lo);
      print(r.range_hi);
    }
    for (const auto& o : c.obligations) print(o.breach);
    for (const auto& t : c.tests) {
      for (const auto& x : t.expectations) print(x.value);
      for (const auto& tt : t.tables)
        for (const auto& g : tt.groups)
          for (const auto& a : g.assignments) print(a.value);
    }
  }
}

[[noreturn]] void broken(const char* promise, const std::string& text, const std::string& formatted) {
  std::fprintf(stderr, "fmt: %s\n--- input\n%s\n--- formatted\n%s\n", promise, text.c_str(), formatted.c_str());
  __builtin_trap();
}

// fmt: parses, keeps the meaning, and is idempotent.
void check_fmt(const std::string& text, std::size_t& sink) {
  ereje::Diagnostics d0;
  auto formatted = ereje::grammar::format_source(std::make_shared<ereje::SourceFile>("fuzz.ereje", text), d0);
  if (!formatted) return;
  ereje::Diagnostics d1, d2;
  ereje::ast::File before = ereje::grammar::parse_file(std::make_shared<ereje::SourceFile>("fuzz.ereje", text), d1);
  ereje::ast::File after = ereje::grammar::parse_file(std::make_shared<ereje::SourceFile>("fuzz.ereje", *formatted), d2);
  if (d2.has_errors()) broken("the formatted text does not parse", text, *formatted);
  if (ereje::grammar::dump_meaning(after) != ereje::grammar::dump_meaning(before))
    broken("the formatted text means something else", text, *formatted);
  if (ereje::grammar::format_file(after) != *formatted) broken("formatting twice changes the text", text, *formatted);
  sink += formatted->size();
}

}  // namespace

// The methodology's data contract, read beside each input so that clauses over its tables get past
// the checker (an input may declare tables of its own too).
const std::string& contract_text() {
  static const std::string text = [] {
    std::ifstream in(std::string(EREJE_SOURCE_DIR) + "/rules/data/tables.ereje", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::size_t sink = 0;
  check_fmt(text, sink);
  ereje::Diagnostics diags;
  ereje::interp::RuleSet rules = ereje::interp::load_rules_from_text(
      {{"rules/data/tables.ereje", contract_text()}, {"fuzz.ereje", std::move(text)}}, diags);
  ereje::interp::Checked checked = ereje::interp::check(rules, diags);
  diags.sort();
  sink += ereje::render(diags).size();
  for (const auto& f : rules.files) print_all(f, sink);
  if (!diags.has_errors() && small_tests(rules)) {
    for (const auto& outcome : ereje::interp::run_tests(rules, checked)) sink += outcome.failures.size();
  }
  return sink == static_cast<std::size_t>(-1) ? 1 : 0;  // keeps the work from being optimised away
}
