// `--watch` for `test` and `run` (Watch.cpp).
#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace ereje::cli {

// Runs `once`, then again after every change to a rule or data file (*.ereje, *.csv, *.json, a
// SQLite file) under `paths` (files, or folders watched recursively), until the process is
// interrupted. Says on `err` what it watches and which file changed, in `lang` (kk, ru or en; the
// command's --lang). Returns 2 when nothing can be watched.
int watch(const std::vector<std::string>& paths, const std::function<int()>& once, std::ostream& err,
          const std::string& lang = "en");

}  // namespace ereje::cli
