// `ereje test`: run the tests written in the rule files; the last line is `N passed, N failed`.
#include <fmt/format.h>

#include <ostream>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Watch.hpp"
#include "interpreter/TestRunner.hpp"

namespace ereje::cli {

int run_test(const TestOptions& o, std::ostream& out, std::ostream& err) {
  LoadedRules lr = load_and_check(o.rules);
  err << render(lr.diags);
  if (lr.diags.has_errors()) return kBadInput;
  auto outcomes = interp::run_tests(lr.rules, lr.checked);
  std::size_t passed = 0, failed = 0;
  for (const auto& t : outcomes) {
    std::string head = fmt::format("{}: clause {} (act \"{}\", version {}): \"{}\"", t.test->span.where(),
                                   t.version->number, t.version->act->id, t.version->label(), t.test->name);
    // A test an amendment inherits runs against the amended version (docs/language.md, "Amending one item").
    const ast::Act* from = lr.rules.act_at(t.test->span);
    const bool inherited = t.version->written && from && from != t.version->act;
    if (inherited) head += fmt::format(" (inherited from act \"{}\")", from->id);
    if (t.passed) {
      ++passed;
      if (o.verbose) out << "ok    " << head << "\n";
    } else {
      ++failed;
      out << "FAIL  " << head << "\n";
      for (const auto& f : t.failures) out << "      " << f << "\n";
      if (inherited)
        out << fmt::format("      = help: the amendment (act \"{}\") inherits this test; if the new value is right, "
                           "restate the test in clause {} of act \"{}\" under the same name\n",
                           t.version->act->id, t.version->number, t.version->act->id);
    }
  }
  out << passed << " passed, " << failed << " failed\n";
  return failed ? kFound : kOk;
}

void add_test(CLI::App& app, Action& action) {
  auto o = std::make_shared<TestOptions>();
  auto* cmd = app.add_subcommand("test", "run the tests written in the rule files");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_flag("-v,--verbose", o->verbose, "list passing tests too");
  cmd->add_flag("--watch", o->watch, "run the tests again whenever a rule file changes (Ctrl-C to stop)");
  cmd->callback([o, &action] {
    action = [o] {
      if (!o->watch) return run_test(*o, std::cout, std::cerr);
      return watch(o->rules, [o] { return run_test(*o, std::cout, std::cerr); }, std::cerr);
    };
  });
}

}  // namespace ereje::cli
