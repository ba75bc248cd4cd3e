// ereje's own command-line messages (an option's error, a note about the date, a refused output)
// in the language of `--lang`: the lines it writes to standard error for itself, as opposed to
// the coded diagnostics, which DiagnosticTranslator puts in the language where they are made.
#pragma once
#include <streambuf>
#include <string>
#include <string_view>

namespace ereje::cli {

// The language `--lang` names on the command line ("kk", "ru"), before any parsing; "" otherwise
// (English, or a value the command itself will refuse).
std::string message_language(int argc, char** argv);

// A stream buffer between std::cerr and its own: each whole line "error: TEXT", "warning: TEXT",
// "note: TEXT" or "  = help: TEXT" whose TEXT is not a coded diagnostic (no " [code]" at its end)
// is written with TEXT in Kazakh or Russian where the catalogue words it (code "cli",
// core/DiagnosticText.cpp); any other line passes byte for byte. A line is held until its end; what
// is left at the end is written by finish(), which also says the notice once when an English
// message had no wording and no command said the notice already.
class MessageLines : public std::streambuf {
 public:
  MessageLines(std::streambuf* to, std::string lang) : to_(to), lang_(std::move(lang)) {}
  ~MessageLines() override { finish(); }
  void finish();

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override { return to_->pubsync(); }

 private:
  void take(std::string_view s);
  void line(const std::string& l);  // without its newline
  std::streambuf* to_;
  std::string lang_;
  std::string pending_;
  bool missed_ = false, noticed_ = false, finished_ = false;
};

}  // namespace ereje::cli
