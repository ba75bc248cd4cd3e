// `ereje fmt [--check] RULES`: rewrites rule files in the canonical layout (grammar/Formatter);
// `--check` writes nothing and prints a unified diff of what it would change.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/Commands.hpp"
#include "interpreter/RuleSet.hpp"
#include "cli/Common.hpp"
#include "grammar/Formatter.hpp"
#include "grammar/Parser.hpp"

namespace ereje::cli {
namespace {
namespace fs = std::filesystem;

// ---- a unified diff of two texts, line by line (Myers' algorithm) ----

// Lines with their line breaks: a last line without one is told apart, as diff does.
std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t e = s.find('\n', b);
    e = e == std::string::npos ? s.size() : e + 1;
    out.push_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

enum class Op { Keep, Del, Add };

// The shortest edit script from `a` to `b`. Beyond kMaxEdits differences (a file rewritten from
// top to bottom) the middle is shown as removed and added whole: the diff stays correct, only
// longer, and the work stays bounded (the trace is quadratic in the number of differences).
std::vector<Op> edit_script(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  constexpr long kMaxEdits = 2000;
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const long n = static_cast<long>(a.size() - pre - suf), m = static_cast<long>(b.size() - pre - suf);
  auto A = [&](long i) -> const std::string& { return a[pre + static_cast<std::size_t>(i)]; };
  auto B = [&](long j) -> const std::string& { return b[pre + static_cast<std::size_t>(j)]; };
  std::vector<Op> middle;
  const long max = n + m;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  const long off = max + 1;
  std::vector<std::vector<long>> trace;  // v[off-d .. off+d] before step d
  long found = -1;
  for (long d = 0; d <= std::min(max, kMaxEdits) && found < 0; ++d) {
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[static_cast<std::size_t>(off + k - 1)] < v[static_cast<std::size_t>(off + k + 1)]))
                   ? v[static_cast<std::size_t>(off + k + 1)]
                   : v[static_cast<std::size_t>(off + k - 1)] + 1;
      long y = x - k;
      while (x < n && y < m && A(x) == B(y)) ++x, ++y;
      v[static_cast<std::size_t>(off + k)] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    middle.assign(static_cast<std::size_t>(n), Op::Del);
    middle.insert(middle.end(), static_cast<std::size_t>(m), Op::Add);
  } else {
    long x = n, y = m;
    for (long d = found; d > 0; --d) {
      const auto& pv = trace[static_cast<std::size_t>(d)];  // v before step d: indices -d..d map to 0..2d
      auto at = [&](long k) { return pv[static_cast<std::size_t>(k + d)]; };
      long k = x - y;
      bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
      long pk = down ? k + 1 : k - 1;
      long px = at(pk), py = px - pk;
      while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
        middle.push_back(Op::Keep);
        --x, --y;
      }
      middle.push_back(down ? Op::Add : Op::Del);
      x = px, y = py;
    }
    while (x > 0 && y > 0) {
      middle.push_back(Op::Keep);
      --x, --y;
    }
    std::reverse(middle.begin(), middle.end());
  }
  std::vector<Op> ops(pre, Op::Keep);
  ops.insert(ops.end(), middle.begin(), middle.end());
  ops.insert(ops.end(), suf, Op::Keep);
  return ops;
}

// `--- name` / `+++ name` and hunks with three lines of context, as `diff -u` prints them.
std::string unified_diff(const std::string& name, const std::string& before, const std::string& after) {
  auto a = split_lines(before), b = split_lines(after);
  auto ops = edit_script(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = "--- " + name + "\n+++ " + name + " (formatted)\n";
  auto line = [&](char mark, const std::string& l) {
    out += mark;
    out += l;
    if (l.empty() || l.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  std::size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::Keep) {
      ++i;
      continue;
    }
    // A hunk: from kContext before this change to kContext after the last change that is at most
    // 2 * kContext unchanged lines from the one before it.
    std::size_t start = i >= kContext ? i - kContext : 0, end = i;
    for (std::size_t j = i; j < ops.size();) {
      if (ops[j] != Op::Keep) {
        end = ++j;
        continue;
      }
      std::size_t run = j;
      while (run < ops.size() && ops[run] == Op::Keep) ++run;
      if (run == ops.size() || run - j > 2 * kContext) break;
      j = run;
    }
    std::size_t stop = std::min(ops.size(), end + kContext);
    std::size_t ai = 0, bi = 0;  // line numbers (0-based) at `start`
    for (std::size_t j = 0; j < start; ++j) {
      ai += ops[j] != Op::Add;
      bi += ops[j] != Op::Del;
    }
    std::size_t acount = 0, bcount = 0;
    for (std::size_t j = start; j < stop; ++j) {
      acount += ops[j] != Op::Add;
      bcount += ops[j] != Op::Del;
    }
    out += "@@ -" + std::to_string(acount ? ai + 1 : ai) + "," + std::to_string(acount) + " +" +
           std::to_string(bcount ? bi + 1 : bi) + "," + std::to_string(bcount) + " @@\n";
    for (std::size_t j = start; j < stop; ++j) {
      if (ops[j] == Op::Keep) {
        line(' ', a[ai++]);
        ++bi;
      } else if (ops[j] == Op::Del) {
        line('-', a[ai++]);
      } else {
        line('+', b[bi++]);
      }
    }
    i = stop;
  }
  return out;
}

// The files to format, as `load_rules` finds them: a folder's `*.ereje` files recursively, in byte
// order of the path; a named file whatever its extension; `-` standard input.
std::vector<std::string> rule_files(const std::vector<std::string>& paths, std::ostream& err, bool& bad) {
  std::vector<std::string> names;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") {
      names.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      const std::vector<std::string> found = interp::rule_files_in(p);
      if (found.empty()) {
        err << p << ": error: no rule files (*.ereje) found in this folder\n";
        bad = true;
      }
      names.insert(names.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      names.push_back(p);
    } else {
      err << p << ": error: no such file or folder\n  = help: check the path to the rule files\n";
      bad = true;
    }
  }
  return names;
}

}  // namespace

int run_fmt(const FmtOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
  forget_inputs();
  bool bad = false;
  std::size_t differ = 0, total = 0;
  for (const auto& name : rule_files(o.rules, err, bad)) {
    std::string text;
    if (name == "-") {
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else {
      std::ifstream f(name, std::ios::binary);
      if (!f) {
        err << name << ": error: cannot read this rule file\n";
        bad = true;
        continue;
      }
      std::ostringstream ss;
      ss << f.rdbuf();
      text = ss.str();
    }
    ++total;
    Diagnostics diags;
    auto source = std::make_shared<SourceFile>(name, text);  // outlives the diagnostics that point into it
    auto formatted = grammar::format_source(source, diags);
    if (!formatted) {
      diags.sort();
      err << render(diags);
      err << name << ": not formatted: fix the errors above first\n";
      bad = true;
      continue;
    }
    if (name == "-" && !o.check) {
      out << *formatted;
      continue;
    }
    if (*formatted == text) continue;
    ++differ;
    if (o.check) {
      out << unified_diff(name, text, *formatted);
      continue;
    }
    std::error_code ec;
    auto perms = fs::status(name, ec).permissions();
    if (!write_file_atomically(name, *formatted, err, true)) {  // fmt rewrites its inputs: that is its job
      bad = true;
      continue;
    }
    if (!ec) fs::permissions(name, perms, ec);  // the temporary file was made private
    out << "formatted " << name << "\n";
  }
  if (o.check && differ)
    err << differ << " of " << total << " rule file" << (total == 1 ? "" : "s") << " would be reformatted\n"
        << "  = help: run `ereje fmt` with the same paths to rewrite " << (differ == 1 ? "it" : "them") << "\n";
  if (bad) return kBadInput;
  return o.check && differ ? kFound : kOk;
}

void add_fmt(CLI::App& app, Action& action) {
  auto o = std::make_shared<FmtOptions>();
  auto* cmd = app.add_subcommand("fmt", "rewrite rule files in the canonical layout");
  cmd->add_option("rules", o->rules, "rule file or folder (`-`: standard input to standard output)")
      ->required()
      ->expected(1, -1);
  cmd->add_flag("--check", o->check, "write nothing; print a diff of what would change and exit 1 if anything would");
  cmd->callback([o, &action] { action = [o] { return run_fmt(*o, std::cin, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
