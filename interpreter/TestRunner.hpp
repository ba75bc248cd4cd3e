// `ereje test`: runs the test cases written inside clauses. Each test builds a small data set for
// one body ("TEST") from its literal rows, validated exactly like a data file, evaluates the clause
// version it sits in, and compares the rounded results with what it expects.
#pragma once
#include <string>
#include <vector>

#include "interpreter/Checker.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::interp {

struct TestOutcome {
  const ClauseVersion* version = nullptr;
  const ast::TestCase* test = nullptr;
  bool passed = false;
  std::vector<std::string> failures;  // one line each, in the user's terms
};

std::vector<TestOutcome> run_tests(const RuleSet& rules, const Checked& checked);

// Runs one test of version `v` (the test need not be written in the rule file: the range analysis
// builds its counterexamples in memory). `rows`, when given, receives every result row computed
// for the test's body.
TestOutcome run_test(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::TestCase& t,
                     std::vector<ResultRow>* rows = nullptr);

// The id of the one body in every rule-file test.
inline constexpr const char* kTestBody = "TEST";

}  // namespace ereje::interp
