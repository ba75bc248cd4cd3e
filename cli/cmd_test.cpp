// `ereje test`: run the tests written in the rule files; the last line is `N passed, N failed`.
#include <fmt/format.h>

#include <cctype>

#include <ostream>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Watch.hpp"
#include "core/DiagnosticText.hpp"
#include "interpreter/TestRunner.hpp"

namespace ereje::cli {

namespace {
// A failure is `file:line:col: message`: the position stays, the message is translated.
std::string translate_failure(DiagnosticTranslator& translate, const std::string& f) {
  for (std::size_t at = f.find(": "); at != std::string::npos; at = f.find(": ", at + 1)) {
    // The position ends in `:LINE:COL`.
    std::size_t i = at, colons = 0;
    while (colons < 2 && i > 0) {
      std::size_t digits = 0;
      while (i > 0 && std::isdigit(static_cast<unsigned char>(f[i - 1]))) --i, ++digits;
      if (digits == 0 || i == 0 || f[i - 1] != ':') break;
      --i;
      ++colons;
    }
    if (colons == 2) return f.substr(0, at + 2) + translate.text("test-failure", f.substr(at + 2));
  }
  return translate.text("test-failure", f);
}
}  // namespace

int run_test(const TestOptions& o, std::ostream& out, std::ostream& err) {
  if (!diagnostic_language_ok(o.lang, err)) return kBadInput;
  DiagnosticTranslator translate(o.lang);
  LoadedRules lr = load_and_check(o.rules);
  add_rule_terms(translate, lr.rules);
  err << render(translate(lr.diags));
  if (lr.diags.has_errors()) {
    if (translate.missed()) err << translate.notice();
    return kBadInput;
  }
  auto outcomes = interp::run_tests(lr.rules, lr.checked);
  std::size_t passed = 0, failed = 0;
  for (const auto& t : outcomes) {
    std::string head = t.test->span.where() + ": " +
                       translate.text("test-heading", fmt::format("clause {} (act \"{}\", version {}): \"{}\"",
                                                                  t.version->number, t.version->act->id,
                                                                  t.version->label(), t.test->name));
    // A test an amendment inherits runs against the amended version (docs/language.md, "Amending one item").
    const ast::Act* from = lr.rules.act_at(t.test->span);
    const bool inherited = t.version->written && from && from != t.version->act;
    if (inherited) head += translate.text("test-heading", fmt::format(" (inherited from act \"{}\")", from->id));
    if (t.passed) {
      ++passed;
      if (o.verbose) out << "ok    " << head << "\n";
    } else {
      ++failed;
      out << "FAIL  " << head << "\n";
      for (const auto& f : t.failures) out << "      " << translate_failure(translate, f) << "\n";
      if (inherited)
        out << "      = help: "
            << translate.text("test-heading",
                              fmt::format("the amendment (act \"{}\") inherits this test; if the new value is right, "
                                          "restate the test in clause {} of act \"{}\" under the same name",
                                          t.version->act->id, t.version->number, t.version->act->id))
            << "\n";
    }
  }
  out << translate.text("test-summary", fmt::format("{} passed, {} failed", passed, failed)) << "\n";
  if (translate.missed()) err << translate.notice();
  return failed ? kFound : kOk;
}

void add_test(CLI::App& app, Action& action) {
  auto o = std::make_shared<TestOptions>();
  auto* cmd = app.add_subcommand("test", "run the tests written in the rule files");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_flag("-v,--verbose", o->verbose, "list passing tests too");
  cmd->add_option("--lang", o->lang, "diagnostics, failures and the summary in kk, ru or en (the codes stay as they are)");
  cmd->add_flag("--watch", o->watch, "run the tests again whenever a rule file changes (Ctrl-C to stop)");
  cmd->callback([o, &action] {
    action = [o] {
      if (!o->watch) return run_test(*o, std::cout, std::cerr);
      return watch(o->rules, [o] { return run_test(*o, std::cout, std::cerr); }, std::cerr, o->lang);
    };
  });
}

}  // namespace ereje::cli
