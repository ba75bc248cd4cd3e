// Stage 2a: reading rule files from disk in a stable order and parsing them.
#include "interpreter/RuleSet.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "core/Thread.hpp"
#include "grammar/Parser.hpp"
#include "interpreter/FastPass.hpp"

namespace ereje::interp {
namespace fs = std::filesystem;

void resolve_versions(RuleSet& rules, Diagnostics& diags);  // Resolver.cpp
void build_contract(RuleSet& rules, Diagnostics& diags);    // Contract.cpp

const ast::Act* RuleSet::act_of(const ast::File& file) const {
  if (file.act) return &*file.act;
  if (!file.part_of) return nullptr;
  auto it = acts.find(file.part_of->act);
  return it == acts.end() ? nullptr : it->second;
}

const ast::Act* RuleSet::act_at(const Span& span) const {
  for (const auto& f : files)
    if (f.source.get() == span.file) return act_of(f);
  return nullptr;
}

bool clause_number_less(const std::string& a, const std::string& b) {
  // "49" -> (49, -1), "114-1" -> (114, 1); what does not parse counts as 0 (then text order decides).
  auto parts = [](const std::string& s) {
    long major = 0, minor = -1;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, major);
    if (ec != std::errc()) major = 0;
    if (const char* dash = std::find(s.data(), end, '-'); dash != end) {
      if (std::from_chars(dash + 1, end, minor).ec != std::errc()) minor = -1;
    }
    (void)p;
    return std::pair{major, minor};
  };
  auto pa = parts(a), pb = parts(b);
  return pa != pb ? pa < pb : a < b;
}

std::vector<std::string> RuleSet::clause_numbers() const {
  std::vector<std::string> out;
  for (const auto& [n, v] : clauses) out.push_back(n);
  std::sort(out.begin(), out.end(), clause_number_less);
  return out;
}

const ClauseVersion* RuleSet::in_force(const std::string& number, Date as_of) const {
  auto it = clauses.find(number);
  if (it == clauses.end()) return nullptr;
  for (const auto& v : it->second)
    if (v.from <= as_of && (!v.until || as_of < *v.until)) return v.clause ? &v : nullptr;
  return nullptr;
}

std::vector<const ClauseVersion*> RuleSet::all_in_force(Date as_of) const {
  std::vector<const ClauseVersion*> out;
  for (const auto& n : clause_numbers())
    if (const auto* v = in_force(n, as_of)) out.push_back(v);
  return out;
}

std::optional<Date> RuleSet::earliest() const {
  std::optional<Date> e;
  for (const auto& [n, vs] : clauses)
    for (const auto& v : vs)
      if (v.clause && (!e || v.from < *e)) e = v.from;
  return e;
}

namespace {

void finish(RuleSet& rules, std::vector<SourcePtr> sources, Diagnostics& diags) {
  rules.files.reserve(sources.size());
  // The files parsed on two threads when there is much to parse (largest first, each into its own
  // diagnostics), then taken in the given order: the same rule set and messages at any thread count.
  std::vector<ast::File> parsed(sources.size());
  std::vector<Diagnostics> said(sources.size());
  {
    std::vector<std::size_t> order(sources.size());
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < sources.size(); ++i) order[i] = i, bytes += sources[i]->text.size();
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sources[a]->text.size() > sources[b]->text.size(); });
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_m;
    auto work = [&] {
      try {
        for (std::size_t k; (k = next.fetch_add(1)) < order.size();)
          parsed[order[k]] = grammar::parse_file(sources[order[k]], said[order[k]]);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failed_m);
        if (!failed) failed = std::current_exception();
        next = order.size();
      }
    };
    constexpr std::size_t kWorthAThread = std::size_t{256} << 10;
    std::optional<Thread> other;
    if (sources.size() > 1 && bytes >= kWorthAThread && fast::default_threads() > 1) {
      try {
        other.emplace(work);
      } catch (const std::system_error&) {
        // No second thread to be had (a process limit): this one parses every file.
      }
    }
    work();
    if (other) other->join();
    if (failed) std::rethrow_exception(failed);
  }
  std::size_t clauses = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    diags.append(said[i]);
    rules.files.push_back(std::move(parsed[i]));
    // Past the limit, the clauses are dropped after one error: checking them would take long.
    auto& cs = rules.files.back().clauses;
    if (clauses <= grammar::kMaxClauses && clauses + cs.size() > grammar::kMaxClauses) {
      const auto& first_over = cs[grammar::kMaxClauses - clauses];
      diags.error("too-many-clauses", first_over.number_span,
                  "more than " + std::to_string(grammar::kMaxClauses) + " clauses in the rule set, the limit",
                  "the methodology has about a hundred clauses: check that the right folder was given");
    }
    std::size_t keep = clauses >= grammar::kMaxClauses ? 0 : grammar::kMaxClauses - clauses;
    clauses += cs.size();
    if (cs.size() > keep) cs.erase(cs.begin() + static_cast<std::ptrdiff_t>(keep), cs.end());
  }
  static const std::set<std::string> builtins{"round", "missing", "days", "year", "month", "day"};
  for (const auto& f : rules.files)
    for (const auto& fn : f.functions) {
      if (builtins.count(fn.name)) {
        diags.error("reserved-name", fn.name_span, "`" + fn.name + "` is a built-in function and cannot be redefined",
                    "give the function another name");
        continue;
      }
      auto [it, fresh] = rules.functions.emplace(fn.name, &fn);
      if (!fresh) {
        diags.error("duplicate-function", fn.name_span, "function `" + fn.name + "` is defined twice")
            .notes.push_back({it->second->name_span, "first defined here"});
      }
    }
  resolve_versions(rules, diags);
  build_contract(rules, diags);
}

// Reads at most one byte past the size limit, so that neither a huge file nor an endless one (a
// device, a pipe) can exhaust memory; parse_file then reports the file as too large.
std::string read_capped(std::istream& in) {
  std::string text;
  std::vector<char> buf(1 << 16);
  while (text.size() <= grammar::kMaxRuleFileBytes) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() <= 0) break;
    text.append(buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (text.size() > grammar::kMaxRuleFileBytes) text.resize(grammar::kMaxRuleFileBytes + 1);
  return text;
}

SourcePtr stdlib_source() { return std::make_shared<SourceFile>("<stdlib>/prelude.ereje", kStdlibText); }

}  // namespace

std::vector<std::string> rule_files_in(const std::string& folder) {
  std::vector<std::string> found;
  // Folders are followed through links too (a rule set may link to the project's `rules/data`),
  // each real folder once, so a link back up the tree ends instead of looping.
  std::set<std::string> visited;
  std::vector<fs::path> to_visit{fs::path(folder)};
  while (!to_visit.empty()) {
    const fs::path dir = to_visit.back();
    to_visit.pop_back();
    std::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (ec || !visited.insert(real.string()).second) continue;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code e2;
      if (it->is_directory(e2)) to_visit.push_back(it->path());
      else if (it->is_regular_file(e2) && it->path().extension() == ".ereje") found.push_back(it->path().generic_string());
    }
  }
  std::sort(found.begin(), found.end());  // byte order of the paths
  return found;
}

RuleSet load_rules(const std::vector<std::string>& paths, Diagnostics& diags,
                   const std::vector<std::pair<std::string, std::string>>& rename) {
  std::vector<SourcePtr> sources{stdlib_source()};
  std::vector<std::string> names;
  std::optional<std::string> stdin_text;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") {  // cli.md: `-` means standard input
      if (!stdin_text) stdin_text = read_capped(std::cin);
      names.push_back(p);
      continue;
    }
    if (fs::is_directory(p, ec)) {
      const std::vector<std::string> found = rule_files_in(p);
      if (found.empty()) {
        auto& d = diags.error("no-rules", Span{}, "no rule files (*.ereje) found in this folder");
        d.file = p;
      }
      names.insert(names.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      names.push_back(p);
    } else {
      auto& d = diags.error("no-such-path", Span{}, "no such file or folder", "check the path to the rule files");
      d.file = p;
    }
  }
  // A file reached twice (a folder and a file or folder inside it: `rules rules/data`) is read once.
  std::set<std::string> seen;
  for (const auto& n : names) {
    if (n != "-") {
      std::error_code ec;
      const fs::path canonical = fs::weakly_canonical(n, ec);
      if (!seen.insert(ec ? n : canonical.string()).second) continue;
    }
    if (n == "-") {  // read once, above; shown in messages as <stdin>
      sources.push_back(std::make_shared<SourceFile>("<stdin>", stdin_text.value_or(std::string())));
      continue;
    }
    std::ifstream in(n, std::ios::binary);
    if (!in) {
      auto& d = diags.error("unreadable", Span{}, "cannot read this rule file");
      d.file = n;
      continue;
    }
    std::string shown = n;
    for (const auto& [from, to] : rename)
      if (shown.compare(0, from.size(), from) == 0) shown = to + shown.substr(from.size());
    sources.push_back(std::make_shared<SourceFile>(shown, read_capped(in)));
  }
  RuleSet rules;
  finish(rules, std::move(sources), diags);
  return rules;
}

RuleSet load_rules_from_text(const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& diags) {
  std::vector<SourcePtr> sources{stdlib_source()};
  for (const auto& [name, text] : files) sources.push_back(std::make_shared<SourceFile>(name, text));
  RuleSet rules;
  finish(rules, std::move(sources), diags);
  return rules;
}

}  // namespace ereje::interp
