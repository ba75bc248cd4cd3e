// Diagnostics are values: every stage returns a list of them instead of throwing for a user's mistake.
// Rendered as `file:line:col: error: message [code]`, the source line, a caret, notes and a help line.
#pragma once
#include <string>
#include <vector>

#include "core/Source.hpp"

namespace ereje {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable, e.g. "undefined-name"; documented in docs/diagnostics.md
  Span span;            // may be invalid for file-level problems (then `file` names it)
  std::string file;     // used when span is invalid: a path with no position
  std::string message;  // lowercase, in the user's terms
  std::string help;     // optional "= help:" line
  std::string fix;      // the text that replaces `span` to correct it (the editor's quick fix); empty: none
  struct Note { Span span; std::string message; };
  std::vector<Note> notes;
  // For input errors in data files we know line/col without a SourceFile.
  std::size_t line = 0, column = 0;
  std::string line_text;  // the offending line for data files (optional)

  // Sets `fix` when `replacement` is not empty (a "did you mean"), for use after Diagnostics::error.
  Diagnostic& fix_if(const std::string& replacement) {
    if (!replacement.empty()) fix = replacement;
    return *this;
  }
};

class Diagnostics {
 public:
  Diagnostic& error(std::string code, Span span, std::string message, std::string help = {});
  Diagnostic& warning(std::string code, Span span, std::string message, std::string help = {});
  void add(Diagnostic d) { list_.push_back(std::move(d)); }
  void append(const Diagnostics& other);
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return list_.empty(); }
  // Sorted by file, then position, then order of report.
  void sort();
  const std::vector<Diagnostic>& list() const { return list_; }

 private:
  std::vector<Diagnostic> list_;
};

// One diagnostic in full layout (ends with a newline).
std::string render(const Diagnostic& d);
// All of them, sorted, followed by nothing else.
std::string render(const Diagnostics& ds);

// Thrown only to abort a stage on a user's input error that must stop everything (e.g. bad data);
// the caller renders the diagnostics it carries.
struct InputError {
  Diagnostics diagnostics;
};

}  // namespace ereje
