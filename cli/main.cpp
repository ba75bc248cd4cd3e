// The `ereje` binary: wires the subcommands (each registers itself from its cmd_*.cpp) and puts
// CLI11's errors in our words (lowercase, what to do next).
#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <iostream>
#include <new>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/MessageLines.hpp"
#include "core/Heap.hpp"
#include "core/Progress.hpp"
#include "core/Thread.hpp"

namespace {

std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// An empty argument (`--as-of ""`, `--output=`, a path "") is never meant: a script's variable
// left unset. Taken as given, it would silently mean "today", "standard output" or the current
// folder; it is an error naming the option instead. Returns false after saying so.
bool no_empty_arguments(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const auto eq = a.find('=');
    const bool empty_after_eq = a.rfind("--", 0) == 0 && eq != std::string_view::npos && eq + 1 == a.size();
    if (!a.empty() && !empty_after_eq) continue;
    const std::string option = empty_after_eq ? std::string(a.substr(0, eq))
                               : i > 1 && argv[i - 1][0] == '-' ? std::string(argv[i - 1])
                                                                : std::string();
    if (option.empty())
      std::cerr << "error: an empty argument\n  = help: name the rule files, folders or paths (an unset shell "
                   "variable leaves an argument empty)\n";
    else
      std::cerr << "error: option `" << option << "` has an empty value\n  = help: give a value (an unset shell "
                   "variable leaves it empty), or leave the option out for its default\n";
    return false;
  }
  return true;
}

// EREJE_THREADS, when set, is a whole number from 1 to 256: anything else is said, not ignored.
bool threads_variable_valid() {
  const char* env = std::getenv("EREJE_THREADS");
  if (!env) return true;
  const std::string_view v = env;
  bool digits = !v.empty() && v.size() <= 3;
  for (char c : v) digits = digits && c >= '0' && c <= '9';
  const int n = digits ? std::atoi(env) : 0;
  if (n >= 1 && n <= 256) return true;
  std::cerr << "error: EREJE_THREADS is `" << v.substr(0, 40) << (v.size() > 40 ? "…" : "")
            << "`: expected a whole number of threads from 1 to 256\n  = help: unset it to use every core, or set "
               "EREJE_THREADS=1 for one thread\n";
  return false;
}

// EREJE_HEAP, when set, is `plain` (malloc's defaults: core/Heap.hpp): anything else is said.
bool heap_variable_valid() {
  const char* env = std::getenv("EREJE_HEAP");
  if (!env || std::string_view(env) == "plain") return true;
  const std::string_view v = env;
  std::cerr << "error: EREJE_HEAP is `" << v.substr(0, 40) << (v.size() > 40 ? "…" : "")
            << "`: the only value is `plain`\n  = help: unset it for the heap ereje prepares, or set EREJE_HEAP=plain "
               "for malloc's defaults\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  {
    // The commands that read a data folder (core/Heap.hpp).
    const std::string_view command = argc > 1 ? argv[1] : "";
    ereje::prepare_heap(command == "run" || command == "diff" || command == "explain" || command == "report" ||
                        command == "whatif" || command == "replay");
  }
  using namespace ereje::cli;
  // ereje's own messages in the language of --lang (cli/MessageLines.hpp), from the first one
  // said, CLI11's parse errors included: --lang is looked for before anything is parsed. The
  // buffer is never freed (as core/Progress's is not): a buffer above it may outlive main. Held
  // by a static, so that a leak checker (LeakSanitizer) sees it reachable, not lost.
  static MessageLines* lines = nullptr;
  std::streambuf* const error_stream = std::cerr.rdbuf();
  if (const std::string lang = message_language(argc, argv); !lang.empty()) {
    lines = new MessageLines(error_stream, lang);
    std::cerr.rdbuf(lines);
  }
  struct FinishMessages {
    MessageLines* lines;
    std::streambuf* to;
    ~FinishMessages() {
      if (!lines) return;
      if (std::cerr.rdbuf() == lines) std::cerr.rdbuf(to);
      lines->finish();  // the line still held and the notice; it passes everything on from now
    }
  } finish_messages{lines, error_stream};
  CLI::App app{"ereje: rules of the operational assessment methodology, as code"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ereje 0.1.0");
  Action action;
  add_run(app, action);
  add_check(app, action);
  add_test(app, action);
  add_explain(app, action);
  add_whatif(app, action);
  add_diff(app, action);
  add_replay(app, action);
  add_report(app, action);
  add_contract(app, action);
  add_import(app, action);
  add_fmt(app, action);
  add_lsp(app, action);

  std::string names;
  bool known = false;
  std::string command = argc > 1 ? argv[1] : "";
  for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
    known |= sub->get_name() == command;
  }
  if (!no_empty_arguments(argc, argv) || !threads_variable_valid() || !heap_variable_valid()) return kBadInput;
  if (!command.empty() && command[0] != '-' && !known) {
    std::cerr << "error: unknown command `" << command << "`\n  = help: the commands are " << names
              << "; see `ereje --help`\n";
    return kBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::string what = e.what();
    auto colon = what.rfind(": ");
    std::cerr << "error: unexpected argument" << (colon == std::string::npos ? "" : " `" + what.substr(colon + 2) + "`")
              << "\n  = help: see `ereje " << (command.empty() ? "" : command + " ") << "--help` for the options\n";
    return kBadInput;
  } catch (const CLI::ParseError& e) {
    if (command.empty() || command[0] == '-')
      std::cerr << "error: no command given\n  = help: the commands are " << names << "; see `ereje --help`\n";
    else
      std::cerr << "error: " << lowercase_first(e.what()) << "\n  = help: see `ereje " << command << " --help`\n";
    return kBadInput;
  }
  if (!action) return kBadInput;
  // What escapes a command is never a crash: a library that cannot be loaded (runtime_error), or
  // a fault of ereje itself (logic_error), said in one line, with no results written.
  // A closed pipe is a write error like any other (said, exit 2), not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // A line of progress on a terminal (core/Progress.hpp), gone before anything below is said.
  ereje::progress::begin_if_terminal();
  struct EndProgress {
    ~EndProgress() { ereje::progress::end(); }
  } end_progress;
  try {
    // On a stack of a stated size (core/Thread.hpp), not the one `ulimit -s` gives the process.
    const int code = ereje::on_own_stack([&] { return action(); });
    ereje::progress::end();
    // Standard output is checked as a file is: a full disk or a closed pipe is an error.
    errno = 0;
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
      const int e = errno;
      std::cerr << "error: cannot write to standard output" << (e ? std::string(": ") + std::strerror(e) : std::string())
                << "\n  = help: the output is incomplete; "
                << (e == EPIPE ? "the program reading it stopped before its end"
                               : "write it with --output to a file where there is room")
                << "\n";
      return kBadInput;
    }
    return code;
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory: the input is larger than this machine's memory allows; no results written\n"
                 "  = help: the limits on data and rule files are listed in docs/security.md; run on a machine with more "
                 "memory, or on part of the data\n";
  } catch (const std::system_error& e) {
    // Starting a thread is the one system call that throws (EAGAIN: the system's limit on threads,
    // or no memory for a thread's stack).
    std::cerr << "error: the system refused a resource: " << e.code().message() << "; no results written\n"
              << "  = help: the system's limit on threads or on memory was reached; with EREJE_THREADS=1 ereje "
                 "starts one thread besides its first\n";
  } catch (const std::logic_error& e) {
    std::cerr << "error: internal error: " << e.what()
              << "\n  = help: this is a fault in ereje, not in the rules or the data; please report it with the "
                 "command that gave it\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return kBadInput;
}
