// libFuzzer harness over the whole pipeline: a case (fuzz/Bundle.hpp: a rule set, a second rule set,
// a data folder and the command-line values) is written to a folder and the commands a user runs
// are called in process, as main.cpp calls them: check, test, run (also with a receipt, then
// replay), explain, diff, contract and report. Besides crashes, leaks, sanitizer reports, hangs and
// memory past the limit (fuzz/run.sh), it holds the commands to promises that need no expected answer:
//   - every exit status is 0, 1 or 2, and nothing but std::bad_alloc escapes a command;
//   - run gives the same results and messages on 1 thread and on 3;
//   - a run that succeeds with a receipt replays to the same results (replay exits 0);
//   - no input file is changed (the rule and data files read back as written).
// The commands run on a thread of kStack bytes, an eighth of what main gives them (core/Thread.hpp),
// so that recursion that grows with the input shows on the small inputs a fuzzer makes; fuzz/run.sh
// also runs the harness under `ulimit -s 512`, so that a thread started without a stated stack
// gets a small one. Built with -DEREJE_FUZZ=ON (clang only).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "core/Thread.hpp"
#include "fuzz/Bundle.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {
namespace fs = std::filesystem;
using namespace ereje;

constexpr std::size_t kStack = std::size_t{8} << 20;

[[noreturn]] void broken(const std::string& what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_pipeline: promise broken: %s\n%s\n", what.c_str(), detail.substr(0, 4000).c_str());
  std::fflush(stderr);
  std::abort();
}

void check_status(const char* command, int code, const std::ostringstream& err) {
  if (code < 0 || code > 2) broken(std::string(command) + " exited " + std::to_string(code), err.str());
  if (err.str().find("internal error") != std::string::npos) broken(std::string(command) + ": internal error", err.str());
}

// The case's folder: made once per process, emptied before each case. The commands run in it, so
// that the paths they print and a receipt records are relative (a, b, data).
const fs::path& work() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ereje-fuzz-pipeline-" + std::to_string(::getpid()));
    fs::create_directories(d);
    fs::current_path(d);
    return d;
  }();
  return dir;
}

std::string read_back(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Args {
  std::string as_of = "2024-01-01", agency = "MF", clause = "49", run_format = "csv", diff_format = "text",
              lang = "en", from = "2023-01-01", flags;
};

Args args_of(const fuzz::Bundle& b) {
  Args a;
  const fuzz::Section* s = nullptr;
  for (const auto& x : b.sections)
    if (x.path == "args") s = &x;
  if (!s) return a;
  auto lines = fuzz::split_lines(s->text);
  std::string* fields[] = {&a.as_of, &a.agency, &a.clause, &a.run_format, &a.diff_format, &a.lang, &a.from, &a.flags};
  // An empty value is left at its default: main refuses empty arguments before any command runs.
  for (std::size_t i = 0; i < lines.size() && i < 8; ++i)
    if (!lines[i].empty()) *fields[i] = lines[i].substr(0, 200);
  return a;
}

void run_case(const fuzz::Bundle& b, const std::vector<std::pair<fs::path, std::string>>& written) {
  const Args a = args_of(b);
  bool has_b = false;
  for (const auto& [p, t] : written) has_b |= p.begin()->string() == "b";
  const std::vector<std::string> rules = {"a"};

  {
    std::ostringstream out, err;
    check_status("check", cli::run_check({rules, false}, out, err), err);
  }
  {
    std::ostringstream out, err;
    check_status("test", cli::run_test({rules, false}, out, err), err);
  }
  // run, on 1 thread and on 3: the same results, the same messages.
  std::string first_out, first_err;
  int first_code = 0;
  for (const char* threads : {"1", "3"}) {
    ::setenv("EREJE_THREADS", threads, 1);
    const cli::RunOptions o{.rules = rules, .data = "data", .as_of = a.as_of, .format = a.run_format};
    std::ostringstream out, err;
    const int code = cli::run_run(o, out, err);
    cli::forget_inputs();
    check_status("run", code, err);
    if (threads[0] == '1') {
      first_out = out.str(), first_err = err.str(), first_code = code;
    } else if (code != first_code || err.str() != first_err || (a.run_format != "xlsx" && out.str() != first_out)) {
      broken("run differs on 1 and 3 threads", "exit " + std::to_string(first_code) + " then " + std::to_string(code) +
                                                   "\n--- 1 thread:\n" + first_err + "\n--- 3 threads:\n" + err.str());
    }
  }
  ::setenv("EREJE_THREADS", "2", 1);
  if (first_code == 0) {  // with a receipt, then replayed
    fs::remove_all("out");
    fs::create_directory("out");
    const cli::RunOptions o{.rules = rules,
                            .data = "data",
                            .as_of = a.as_of,
                            .format = a.run_format == "xlsx" ? "csv" : a.run_format,
                            .output = "out/results",
                            .receipt = "receipt.json"};
    std::ostringstream out, err;
    const int code = cli::run_run(o, out, err);
    cli::forget_inputs();
    check_status("run --receipt", code, err);
    if (code != 0) broken("run with a receipt failed where run without one succeeded", err.str());
    std::ostringstream rout, rerr;
    const int replayed = cli::run_replay({"receipt.json", "", ""}, rout, rerr);
    cli::forget_inputs();
    check_status("replay", replayed, rerr);
    if (replayed != 0) broken("replay of a fresh receipt exited " + std::to_string(replayed), rerr.str());
    fs::remove("receipt.json");
    fs::remove_all("out");
  }
  {
    const cli::ExplainOptions o{.rules = rules,
                                .data = "data",
                                .agency = a.agency,
                                .clause = a.clause,
                                .as_of = a.as_of,
                                .rows = a.flags.find('r') != std::string::npos,
                                .lang = a.lang,
                                .format = a.flags.find('j') != std::string::npos ? "json" : "text"};
    std::ostringstream out, err;
    check_status("explain", cli::run_explain(o, out, err), err);
    cli::forget_inputs();
  }
  {
    cli::DiffOptions o;
    o.old_rules = "a";
    if (has_b) {
      o.new_rules = "b";
      o.as_of = a.as_of;
    } else {
      o.from = a.from;
      o.to = a.as_of;
    }
    o.data = "data";
    o.format = a.diff_format == "xlsx" ? "json" : a.diff_format;
    o.lang = a.lang;
    std::ostringstream out, err;
    check_status("diff", cli::run_diff(o, out, err), err);
    cli::forget_inputs();
  }
  {
    const cli::ContractOptions o{.rules = rules,
                                 .as_of = a.as_of,
                                 .format = a.flags.find('j') != std::string::npos ? "json" : "markdown",
                                 .lang = a.lang};
    std::ostringstream out, err;
    check_status("contract", cli::run_contract(o, out, err), err);
    cli::forget_inputs();
  }
  if (a.flags.find('h') != std::string::npos) {
    const cli::ReportOptions o{.rules = rules, .data = "data", .as_of = a.as_of, .lang = a.lang, .output = "-"};
    std::ostringstream out, err;
    check_status("report", cli::run_report(o, out, err), err);
    cli::forget_inputs();
  }
  for (const auto& [p, text] : written)
    if (read_back(p) != text) broken("a command changed an input file: " + p.string());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& dir = work();
  fuzz::Bundle b = fuzz::parse_bundle(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const char* d : {"a", "b", "data", "out"}) fs::remove_all(dir / d);
  std::vector<std::pair<fs::path, std::string>> written;
  bool has_rules = false;
  for (const auto& s : b.sections) {
    if (!fuzz::safe_path(s.path) || written.size() >= 64) continue;
    fs::path p = s.path;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec || fs::is_directory(p)) continue;  // `data/x` and `data/x/y` in one case: the second is left out
    bool taken = false;
    for (const auto& w : written) taken |= w.first == p;
    if (taken) continue;
    std::ofstream(p, std::ios::binary) << s.text;
    written.emplace_back(p, s.text);
    has_rules |= p.begin()->string() == "a";
  }
  fs::create_directories("data");
  if (!has_rules) return 0;
  // As main does: the commands on a thread of a stated stack; what escapes is rethrown here, and
  // anything but running out of memory is a broken promise.
  try {
    on_own_stack_of(kStack, [&] { run_case(b, written); });
  } catch (const std::bad_alloc&) {
  } catch (const std::exception& e) {
    broken(std::string("an exception escaped a command: ") + e.what());
  }
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  fuzz::Mutator m(seed, &LLVMFuzzerMutate);
  fuzz::Bundle b = fuzz::parse_bundle(std::string_view(reinterpret_cast<const char*>(data), size));
  if (b.sections.empty()) return LLVMFuzzerMutate(data, size, max_size);
  m.mutate(b, max_size);
  std::string out = fuzz::serialize(b);
  if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::copy(out.begin(), out.end(), data);
  return out.size();
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t max_out_size, unsigned int seed) {
  fuzz::Mutator m(seed, &LLVMFuzzerMutate);
  fuzz::Bundle x = fuzz::parse_bundle(std::string_view(reinterpret_cast<const char*>(data1), size1));
  fuzz::Bundle y = fuzz::parse_bundle(std::string_view(reinterpret_cast<const char*>(data2), size2));
  std::string s = fuzz::serialize(m.cross(x, y));
  if (s.size() > max_out_size) return 0;
  std::copy(s.begin(), s.end(), out);
  return s.size();
}
