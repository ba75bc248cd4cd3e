// libFuzzer harness: the input is one rule file. It goes through the whole rule pipeline that needs
// no data (parse, resolve versions, check), every expression is printed back in canonical form, the
// diagnostics are rendered, and when the file checks cleanly its tests run (small tables only).
// Any input may be rejected with diagnostics; none may crash, leak, hang or trip a sanitizer.
// Built with -DEREJE_FUZZ=ON (clang only); fuzz/run.sh builds and runs it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/Diagnostic.hpp"
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ereje::Diagnostics diags;
  ereje::interp::RuleSet rules = ereje::interp::load_rules_from_text({{"fuzz.ereje", std::move(text)}}, diags);
  ereje::interp::Checked checked = ereje::interp::check(rules, diags);
  diags.sort();
  std::size_t sink = ereje::render(diags).size();
  for (const auto& f : rules.files) print_all(f, sink);
  if (!diags.has_errors() && small_tests(rules)) {
    for (const auto& outcome : ereje::interp::run_tests(rules, checked)) sink += outcome.failures.size();
  }
  return sink == static_cast<std::size_t>(-1) ? 1 : 0;  // keeps the work from being optimised away
}
