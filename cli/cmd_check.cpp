// `ereje check`: parse and check only, no data.
#include <ostream>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"

namespace ereje::cli {

int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err) {
  LoadedRules lr = load_and_check(o.rules);
  err << render(lr.diags);
  std::size_t files = lr.rules.files.empty() ? 0 : lr.rules.files.size() - 1;  // not counting the stdlib
  std::size_t versions = 0;
  for (const auto& [n, vs] : lr.rules.clauses) versions += vs.size();
  std::size_t errors = lr.diags.error_count(), warnings = lr.diags.warning_count();
  out << "checked " << files << " file" << (files == 1 ? "" : "s") << ", " << versions << " clause version"
      << (versions == 1 ? "" : "s") << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
      << " warning" << (warnings == 1 ? "" : "s") << "\n";
  if (errors) return kBadInput;
  if (warnings && o.werror) return kFound;
  return kOk;
}

}  // namespace ereje::cli
