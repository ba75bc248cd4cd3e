// ereje's own command-line messages in Kazakh and Russian (cli/MessageLines.hpp): whole lines
// translated, coded diagnostics and other lines passed byte for byte and at once, the notice said
// once; and every message the sources of cli/ can write has a Kazakh and a Russian wording.
#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "Support.hpp"
#include "cli/MessageLines.hpp"
#include "core/DiagnosticText.hpp"
#include "core/Labels.hpp"

using namespace ereje;

namespace {

// Writes each piece through a MessageLines in front of `out`, flushing after each as std::cerr
// does; `seen` is what reached `out` after each piece (whether a piece waits for its line's end).
std::string through(const std::string& lang, const std::vector<std::string>& writes,
                    std::vector<std::string>* seen = nullptr) {
  std::ostringstream out;
  {
    cli::MessageLines lines(out.rdbuf(), lang);
    std::ostream err(&lines);
    for (const auto& w : writes) {
      err << w << std::flush;
      if (seen) seen->push_back(out.str());
    }
  }  // finish(): the line still held, then the notice
  return out.str();
}

// A stand-in for core/Progress's buffer: passes everything on, and records that it did.
struct PassingBuf : std::streambuf {
  explicit PassingBuf(std::streambuf* next) : to(next) {}
  std::streambuf* to;
  std::size_t bytes = 0;
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return to->sputn(s, n);
  }
  int sync() override { return to->pubsync(); }
};

}  // namespace

TEST_CASE("message lines: ereje's own messages said in Kazakh and Russian, whole lines only", "[messages]") {
  // A line written in pieces is translated once it is whole; the keyword stays English.
  CHECK(through("ru", {"error: unknown language `", "de", "`\n  = help: use kk, ru or en\n"}) ==
        "error: неизвестный язык `de`\n  = help: используйте kk, ru или en\n");
  CHECK(through("kk", {"error: --as-of `zz` is not a date\n"}) == "error: --as-of мәні `zz` күн емес\n");
  // A coded diagnostic, a result line and an already translated line pass as they are; no notice.
  const std::string coded = "rules/x.ereje:1:1: error: something [undefined-name]\nerror: a thing [no-such-path]\n";
  CHECK(through("kk", {coded, "MF,49,T,1.00\n", "error: нәтижелер жазылмады: деректерде қателер бар\n"}) ==
        coded + "MF,49,T,1.00\nerror: нәтижелер жазылмады: деректерде қателер бар\n");
  // English with no wording stays, and the notice follows once, at the end.
  CHECK(through("kk", {"error: a message nobody worded\n", "note: another one\n"}) ==
        "error: a message nobody worded\nnote: another one\n" + DiagnosticTranslator("kk").notice());
  // ... unless a command has said the notice already (written in pieces, too).
  const std::string notice = DiagnosticTranslator("ru").notice();
  CHECK(through("ru", {"error: a message nobody worded\n", notice.substr(0, 5), notice.substr(5)}) ==
        "error: a message nobody worded\n" + notice);
  // A system's message inside a worded one stays English, and the notice says so.
  CHECK(through("ru", {"error: cannot write out.csv: Some new errno text\n"}) ==
        "error: не удаётся записать out.csv: Some new errno text\n" + notice);
}

TEST_CASE("message lines: a partial line is neither lost nor held when it is no message", "[messages]") {
  // A last message line with no newline is written (translated) when the command ends.
  CHECK(through("ru", {"error: no command given"}) == "error: команда не указана");
  // ... and the notice goes on a line of its own after one that had no wording.
  CHECK(through("kk", {"note: unworded and unfinished"}) ==
        "note: unworded and unfinished\n" + DiagnosticTranslator("kk").notice());
  // A line that is not a message passes at once, byte for byte, before its end is written.
  std::vector<std::string> seen;
  CHECK(through("kk", {"watching 2 fol", "ders", " …\n", "\r\x1b[K", "er", "ror: no command given", "\n"}, &seen) ==
        "watching 2 folders …\n\r\x1b[Kerror: no command given\n");
  REQUIRE(seen.size() == 7);
  CHECK(seen[0] == "watching 2 fol");  // "w" can begin no keyword: not held
  CHECK(seen[1] == "watching 2 folders");
  CHECK(seen[3] == "watching 2 folders …\n\r\x1b[K");  // an escape sequence is no message either
  CHECK(seen[4] == "watching 2 folders …\n\r\x1b[Ker");
  // A line that begins like a keyword is held until it is whole (then it is translated).
  seen.clear();
  CHECK(through("ru", {"err", "or: no command given\n", "no", "thing else\n"}, &seen) ==
        "error: команда не указана\nnothing else\n");
  CHECK(seen[0].empty());
  CHECK(seen[1] == "error: команда не указана\n");
  CHECK(seen[2] == "error: команда не указана\n");       // "no" may begin "note: "
  CHECK(seen[3] == "error: команда не указана\nnothing else\n");
}

TEST_CASE("message lines: the filter and another buffer in front of std::cerr's, in either order", "[messages]") {
  // As core/Progress's buffer is put in front of std::cerr's: around the filter, or under it.
  for (const bool progress_outside : {true, false}) {
    std::ostringstream sink;
    std::string result;
    {
      PassingBuf* inner_pass = nullptr;
      std::unique_ptr<PassingBuf> pass;
      std::unique_ptr<cli::MessageLines> lines;
      std::streambuf* top;
      if (progress_outside) {
        lines = std::make_unique<cli::MessageLines>(sink.rdbuf(), "kk");
        pass = std::make_unique<PassingBuf>(lines.get());
        top = pass.get();
      } else {
        pass = std::make_unique<PassingBuf>(sink.rdbuf());
        lines = std::make_unique<cli::MessageLines>(pass.get(), "kk");
        top = lines.get();
        inner_pass = pass.get();
      }
      std::ostream err(top);
      err << "error: unknown format `" << "csv2" << "`\n  = help: use csv, json, table or xlsx\n" << std::flush;
      err << "error: no command given" << std::flush;  // a partial line at the end
      lines->finish();
      err << "\nafter the end: " << 1 << "\n" << std::flush;  // passes straight through
      result = sink.str();
      if (inner_pass) CHECK(inner_pass->bytes == result.size());
    }
    INFO("the other buffer " << (progress_outside ? "outside" : "inside"));
    CHECK(result ==
          "error: `csv2` пішімі белгісіз\n  = help: csv, json, table немесе xlsx қолданыңыз\nerror: команда берілмеген\n"
          "after the end: 1\n");
  }
}

TEST_CASE("message lines: several threads writing at once", "[messages]") {
  std::ostringstream out;
  {
    cli::MessageLines lines(out.rdbuf(), "ru");
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; ++t)
      ts.emplace_back([&lines] {
        std::ostream err(&lines);
        for (int i = 0; i < 200; ++i) err << "error: no command given\n" << std::flush;
      });
    for (auto& t : ts) t.join();
  }
  const auto lines = test::lines_of(out.str());
  CHECK(lines.size() == 800);
  for (const auto& l : lines)
    if (l != "error: команда не указана") FAIL("a line mixed up: " << l);
}

TEST_CASE("message lines: the language is read from the command line before parsing", "[messages]") {
  auto lang = [](std::vector<std::string> args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return cli::message_language(static_cast<int>(argv.size()), argv.data());
  };
  CHECK(lang({"ereje", "run", "--lang", "kk"}) == "kk");
  CHECK(lang({"ereje", "run", "rules", "--data", "d", "--lang=ru"}) == "ru");
  CHECK(lang({"ereje", "--lang", "ru", "run"}) == "ru");
  CHECK(lang({"ereje", "run", "--lang", "en"}).empty());
  CHECK(lang({"ereje", "run", "--lang", "de"}).empty());
  CHECK(lang({"ereje", "run", "--lang"}).empty());
  CHECK(lang({"ereje", "run", "--", "--lang", "kk"}).empty());
}

// ---- Every message the sources can write has a wording.
//
// The sources of cli/ (and the what-if errors they show) are read as C++: each statement that
// writes to an error stream (`err << …`, `std::cerr << …`) is cut at its `<<`; string literals
// are taken as they are, a `?:` of literals gives each branch, `+` joins, and anything else is a
// value (a path, a number: `X`). Each line of the text so made that begins with a keyword and has
// words of its own (not `error: X` alone, a message made elsewhere) must translate in kk and ru.
// The texts made elsewhere are read where they are made: the receipt's `Bad(…)`, replay's
// `refuse(…)`, what-if's `WhatIfError(…)`, the names of inputs (`note_input`), the reasons
// returned by the functions that check a path or a git revision, a workbook's problems, the texts
// a command translates itself (`.text("cli", …)`), and CLI11's parse errors as ereje shows them.
namespace {

constexpr char kValue = '\x01';

// The source with its comments blanked (string and character literals kept).
std::string without_comments(const std::string& s) {
  std::string out = s;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "R\"(") == 0) {
      const std::size_t end = s.find(")\"", i + 3);
      i = end == std::string::npos ? s.size() : end + 2;
    } else if (s[i] == '"' || s[i] == '\'') {
      const char q = s[i++];
      while (i < s.size() && s[i] != q) i += s[i] == '\\' ? 2 : 1;
      ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      while (i < s.size() && s[i] != '\n') out[i++] = ' ';
    } else if (s.compare(i, 2, "/*") == 0) {
      const std::size_t end = s.find("*/", i + 2);
      const std::size_t stop = end == std::string::npos ? s.size() : end + 2;
      for (; i < stop; ++i)
        if (out[i] != '\n') out[i] = ' ';
    } else {
      ++i;
    }
  }
  return out;
}

// Where the literal starting at `i` ends (one past its closing quote).
std::size_t literal_end(const std::string& s, std::size_t i) {
  if (s.compare(i, 3, "R\"(") == 0) {
    const std::size_t end = s.find(")\"", i + 3);
    return end == std::string::npos ? s.size() : end + 2;
  }
  const char q = s[i++];
  while (i < s.size() && s[i] != q) i += s[i] == '\\' ? 2 : 1;
  return std::min(i + 1, s.size());
}

// Splits `s` at each top-level occurrence of `sep` (outside literals and brackets).
std::vector<std::string> split_top(const std::string& s, std::string_view sep) {
  std::vector<std::string> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '"' || c == '\'' || s.compare(i, 3, "R\"(") == 0) {
      i = literal_end(s, i);
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    else if (depth == 0 && s.compare(i, sep.size(), sep) == 0 &&
             !(sep == "+" && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '=')) &&
             !(sep == "<<" && i > 0 && s[i - 1] == '<')) {
      out.push_back(s.substr(start, i - start));
      i += sep.size();
      start = i;
      continue;
    }
    ++i;
  }
  out.push_back(s.substr(start));
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}

// The text of a string literal (escapes undone), or nothing if `s` is not one or several literals.
std::optional<std::string> literal_text(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  bool any = false;
  while (true) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    if (i == s.size()) break;
    if (s.compare(i, 3, "R\"(") == 0) {
      const std::size_t end = literal_end(s, i);
      out += s.substr(i + 3, end - i - 5);
      i = end;
    } else if (s[i] == '"' || s[i] == '\'') {
      const std::size_t end = literal_end(s, i);
      for (std::size_t j = i + 1; j + 1 < end; ++j) {
        if (s[j] != '\\') {
          out += s[j];
          continue;
        }
        const char e = s[++j];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      }
      i = end;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return out;
}

// Whether the brackets at the two ends of `s` enclose it all.
bool wrapped(const std::string& s, char open, char close) {
  if (s.size() < 2 || s.front() != open || s.back() != close) return false;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '"' || s[i] == '\'') {
      i = literal_end(s, i);
      continue;
    }
    if (s[i] == open) ++depth;
    else if (s[i] == close && --depth == 0 && i + 1 < s.size()) return false;
    ++i;
  }
  return true;
}

// The texts an expression may give: literals as they are, `?:` each branch, `+` joined, a call to
// fmt::format its pattern, anything else one value.
std::vector<std::string> texts_of(std::string e) {
  e = trim(e);
  while (wrapped(e, '(', ')')) e = trim(e.substr(1, e.size() - 2));
  if (e.empty()) return {""};
  if (auto lit = literal_text(e)) return {*lit};
  // cond ? a : b (the `:` of this `?`, not a `::`)
  {
    int depth = 0;
    for (std::size_t i = 0; i < e.size();) {
      if (e[i] == '"' || e[i] == '\'') {
        i = literal_end(e, i);
        continue;
      }
      if (e[i] == '(' || e[i] == '[' || e[i] == '{') ++depth;
      else if (e[i] == ')' || e[i] == ']' || e[i] == '}') --depth;
      else if (depth == 0 && e[i] == '?') {
        int nested = 0;
        for (std::size_t j = i + 1; j < e.size();) {
          if (e[j] == '"' || e[j] == '\'') {
            j = literal_end(e, j);
            continue;
          }
          if (e[j] == '(' || e[j] == '[' || e[j] == '{') ++depth;
          else if (e[j] == ')' || e[j] == ']' || e[j] == '}') --depth;
          else if (depth == 0 && e[j] == '?') ++nested;
          else if (depth == 0 && e[j] == ':' && e.compare(j, 2, "::") != 0 && (j == 0 || e[j - 1] != ':')) {
            if (nested-- == 0) {
              auto a = texts_of(e.substr(i + 1, j - i - 1)), b = texts_of(e.substr(j + 1));
              a.insert(a.end(), b.begin(), b.end());
              return a;
            }
          }
          ++j;
        }
        break;
      }
      ++i;
    }
  }
  if (const auto parts = split_top(e, "+"); parts.size() > 1) {
    std::vector<std::string> all{""};
    for (const auto& p : parts) {
      std::vector<std::string> next;
      for (const auto& a : all)
        for (const auto& t : texts_of(p)) next.push_back(a + t);
      all = std::move(next);
    }
    return all;
  }
  for (const char* call : {"std::string(", "fmt::format(", "std::string_view("})
    if (e.rfind(call, 0) == 0 && wrapped(e.substr(std::strlen(call) - 1), '(', ')')) {
      const auto args = split_top(e.substr(std::strlen(call), e.size() - std::strlen(call) - 1), ",");
      auto first = texts_of(args[0]);
      if (std::string(call) == "fmt::format(")
        for (auto& t : first)
          for (std::size_t at; (at = t.find("{}")) != std::string::npos;) t.replace(at, 2, 1, kValue);
      return first;
    }
  // What prints whole lines of its own: diagnostics shown, another stream's text.
  if (e.rfind("shown(", 0) == 0 || e.rfind("said(", 0) == 0 || e.rfind("render(", 0) == 0 ||
      e.find(".str()") != std::string::npos || e.find("notice()") != std::string::npos)
    return {""};
  return {std::string(1, kValue)};
}

// The statements of a source (cut at `;`, `{` and `}` outside brackets and literals).
std::vector<std::string> statements(const std::string& s) {
  std::vector<std::string> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '"' || s[i] == '\'' || s.compare(i, 3, "R\"(") == 0) {
      i = literal_end(s, i);
      continue;
    }
    if (s[i] == '(' || s[i] == '[') ++depth;
    else if (s[i] == ')' || s[i] == ']') --depth;
    else if (depth == 0 && (s[i] == ';' || s[i] == '{' || s[i] == '}')) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
    ++i;
  }
  return out;
}

// The arguments of each call `name(…)` in `s`.
std::vector<std::vector<std::string>> calls(const std::string& s, const std::string& name) {
  std::vector<std::vector<std::string>> out;
  for (std::size_t at = s.find(name + "("); at != std::string::npos; at = s.find(name + "(", at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '_')) continue;
    const std::size_t open = at + name.size();
    int depth = 0;
    std::size_t i = open;
    for (; i < s.size();) {
      if (s[i] == '"' || s[i] == '\'') {
        i = literal_end(s, i);
        continue;
      }
      if (s[i] == '(') ++depth;
      else if (s[i] == ')' && --depth == 0) break;
      ++i;
    }
    out.push_back(split_top(s.substr(open + 1, i - open - 1), ","));
  }
  return out;
}

// The body of function `name` in `s` (from its name to the closing brace at the same depth).
std::string function_body(const std::string& s, const std::string& signature) {
  const std::size_t at = s.find(signature);
  if (at == std::string::npos) return {};
  const std::size_t open = s.find('{', at);
  int depth = 0;
  for (std::size_t i = open; i < s.size();) {
    if (s[i] == '"' || s[i] == '\'') {
      i = literal_end(s, i);
      continue;
    }
    if (s[i] == '{') ++depth;
    else if (s[i] == '}' && --depth == 0) return s.substr(open, i - open + 1);
    ++i;
  }
  return {};
}

std::string sample(std::string t) {
  for (std::size_t at; (at = t.find(kValue)) != std::string::npos;) t.replace(at, 1, "X");
  return t;
}

bool has_words(const std::string& t) {
  for (const char c : t)
    if (std::isalpha(static_cast<unsigned char>(c))) return true;
  return false;
}

// The texts with no wording. A message is checked with `X` for each value it quotes; a text said
// inside another (`{N:msg?}`: a reason, the name of an input) is checked in that sentence, `strict`:
// with its own wording, not left English inside a translated one.
struct Unworded {
  std::set<std::string> missing;  // "kk: text (where)"
  std::size_t checked = 0;
  void check(const std::string& text, const std::string& where, bool strict = false) {
    const std::string t = sample(text);
    ++checked;
    for (const char* lang : {"kk", "ru"}) {
      bool partial = false;
      if (!translate_diagnostic_text("cli", t, lang, &partial) || (strict && partial))
        missing.insert(std::string(lang) + ": " + t + "   (" + where + ")");
    }
  }
  std::string list() const {
    std::string s;
    for (const auto& m : missing) s += m + "\n";
    return s;
  }
};

std::map<std::string, std::string> sources(const std::string& folder) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(EREJE_SOURCE_DIR) + "/" + folder))
    if (e.path().extension() == ".cpp" && e.path().filename() != "MessageLines.cpp")
      out[folder + "/" + e.path().filename().string()] = without_comments(test::read_file(e.path()));
  return out;
}

}  // namespace

TEST_CASE("message lines: the source reader sees a message as it is written", "[messages]") {
  const auto st = statements(
      "x; err << \"error: `\" << path << \"` is \" << (same ? \"a\" : std::string(\"the \") + what) << \", b\\n\"\n"
      "  \"  = help: give it \" << fmt::format(\"{} `{}`\", n, m) << \"\\n\";");
  REQUIRE(st.size() == 2);
  const auto parts = split_top(st[1], "<<");
  REQUIRE(parts.size() == 8);
  CHECK(texts_of(parts[1]) == std::vector<std::string>{"error: `"});
  CHECK(texts_of(parts[2]) == std::vector<std::string>{"\x01"});
  CHECK(texts_of(parts[4]) == std::vector<std::string>{"a", "the \x01"});
  CHECK(texts_of(parts[5]) == std::vector<std::string>{", b\n  = help: give it "});
  CHECK(texts_of(parts[6]) == std::vector<std::string>{"\x01 `\x01`"});
  CHECK(texts_of("a::b(c) ? \"x\" : \"y\"") == std::vector<std::string>{"x", "y"});
  CHECK(texts_of("e ? std::string(\": \") + std::strerror(e) : std::string()") == std::vector<std::string>{": \x01", ""});
}

TEST_CASE("message lines: every message cli/ writes has a Kazakh and a Russian wording", "[messages]") {
  Unworded u;
  static constexpr std::array<std::string_view, 4> kKeywords{"error: ", "warning: ", "note: ", "  = help: "};
  // Sentences whose words are passed in: checked whole below, with each of the words given.
  static const std::set<std::string> kComposed{"no --as-of given: X as of X (today, UTC)",  // as_of_or_today(…, "doing")
                                               "the git revision `X` X"};                   // revision_problem()
  std::size_t lines_seen = 0;
  for (const auto& [file, text] : sources("cli")) {
    for (const auto& statement : statements(text)) {
      const auto parts = split_top(statement, "<<");
      if (parts.size() < 2 || parts[0].find("err") == std::string::npos) continue;  // only error streams
      std::vector<std::string> all{""};
      for (std::size_t i = 1; i < parts.size() && all.size() <= 256; ++i) {
        std::vector<std::string> next;
        for (const auto& a : all)
          for (const auto& t : texts_of(parts[i])) next.push_back(a + t);
        all = std::move(next);
      }
      for (const auto& whole : all)
        for (const auto& line : test::lines_of(whole))
          for (const auto k : kKeywords)
            if (line.rfind(k, 0) == 0) {
              ++lines_seen;
              const std::string message = line.substr(k.size());
              if (has_words(message) && !kComposed.count(sample(message))) u.check(message, file);
              break;
            }
    }
    // Texts made here and said whole as a message (`error: {why}`), or inside one: checked in the
    // sentence they are said in.
    auto each_text = [&](const std::vector<std::vector<std::string>>& cs, std::size_t arg, const std::string& before,
                         const std::string& after, const char* what) {
      for (const auto& args : cs) {
        if (arg >= args.size()) continue;
        std::string e = trim(args[arg]);
        if (wrapped(e, '{', '}')) e = split_top(e.substr(1, e.size() - 2), ",").back();  // {path, "why"}
        for (const auto& t : texts_of(e))
          if (has_words(t)) u.check(before + t + after, file + ", " + what, !before.empty() || !after.empty());
      }
    };
    each_text(calls(text, "Bad"), 0, "`X` is not an ereje receipt: ", "", "a receipt's problem");
    each_text(calls(text, "refuse"), 1, "", "", "replay's refusal");
    each_text(calls(text, "refuse"), 2, "", "", "replay's refusal");
    each_text(calls(text, "named.push_back"), 0, "the receipt `X` names a ", " that is empty: `X`", "a path a receipt names");
    each_text(calls(text, "note_input"), 1, "`X` is ", ": ereje never writes over its own inputs and outputs", "an input");
    each_text(calls(text, "note_inputs"), 1, "`X` is ", ": ereje never writes over its own inputs and outputs", "an input");
    each_text(calls(text, "runtime_error"), 0, "", "", "a library that cannot be loaded");
    each_text(calls(text, "problems.push_back"), 0, "", "", "what replay finds");
    if (file == "cli/cmd_replay.cpp") each_text(calls(text, "out.push_back"), 0, "", "", "what replay finds");
    each_text(calls(text, "compare_files"), 2, "", " file X was read then, and is not read now", "what replay finds");
    each_text(calls(text, "compare_files"), 2, "", " file X changed (sha256 X then, unreadable now)", "what replay finds");
    // The reasons a path or a revision is refused, in the sentence they end.
    for (const auto& [f, before, after] : std::vector<std::array<std::string, 3>>{
             {"std::string receipt_path_problem(", "the receipt names `X`, which ",
              "; `ereje replay` reads only relative paths under one folder: run from the folder that holds the rules "
              "and name them from there"},
             {"std::string revision_problem(", "the git revision `X` ", ""},
             {"Escape escapes(", "`X` ", " the receipt's folder"},
             {"Escape escapes(", "`X` ", " `X`"}}) {
      const std::string body = function_body(text, f);
      for (const auto& st : statements(body)) {
        const std::string s = trim(st);
        if (s.rfind("return ", 0) != 0) continue;
        std::string e = trim(s.substr(7));
        if (wrapped(e, '{', '}')) e = split_top(e.substr(1, e.size() - 2), ",").back();
        for (const auto& t : texts_of(e))
          if (has_words(t)) u.check(before + t + after, file + ", " + f, true);
      }
    }
    // What an output is when it is not a regular file (cli/Common.cpp, `what = …`); a workbook's
    // problems (`err = …`, `.error = …` in cli/Xlsx.cpp).
    for (const auto& st : statements(text)) {
      if (const auto at = st.find(" what = "); at != std::string::npos)
        for (const auto& t : texts_of(st.substr(at + 8)))
          if (has_words(t))
            u.check("`X` is " + t + ", not a regular file: ereje writes its outputs only to regular files", file, true);
      for (const char* assigned : {" err = ", ".error = "})
        if (const auto at = st.find(assigned); at != std::string::npos && file == "cli/Xlsx.cpp")
          for (const auto& t : texts_of(st.substr(at + std::strlen(assigned))))
            if (has_words(t)) u.check(t, file + ", a workbook's problem");
    }
    // Why one reading of the data cannot serve both sides of a diff (core/Labels.cpp's words).
    for (const auto& args : calls(function_body(text, "static std::string contracts_compatible("), "en"))
      if (auto key = literal_text(args[0])) {
        std::string t = label_text(*key, "en");
        for (const char* n : {"{0}", "{1}", "{2}"})
          for (std::size_t at; (at = t.find(n)) != std::string::npos;) t.replace(at, 3, "X");
        u.check(t, file + ", contracts_compatible", true);
      }
    for (const auto& args : calls(text, "as_of_or_today"))
      if (args.size() == 3 && literal_text(args[1]))
        u.check("no --as-of given: " + *literal_text(args[1]) + " as of X (today, UTC)", file, true);
    // What a command translates itself.
    for (std::size_t at = text.find(".text(\"cli\","); at != std::string::npos; at = text.find(".text(\"cli\",", at + 1)) {
      const auto args = calls(text.substr(at + 1), "text");
      if (!args.empty() && args[0].size() >= 2)
        for (const auto& t : texts_of(args[0][1]))
          if (has_words(t)) u.check(t, file + ", translated by the command");
    }
  }
  // The notes import writes after the act's name (interpreter/Import.cpp).
  for (const auto& args : calls(sources("interpreter").at("interpreter/Import.cpp"), "out.notes.push_back"))
    for (const auto& t : texts_of(args[0])) u.check(t, "interpreter/Import.cpp, a note of import");
  // What-if's errors and their help (interpreter/WhatIf.cpp), shown as `error: …` / `= help: …`.
  for (const auto& [file, text] : sources("interpreter"))
    for (const auto& args : calls(text, "WhatIfError"))
      for (const auto& a : args)
        for (const auto& t : texts_of(a))
          if (has_words(t)) u.check(t, file + ", a what-if error");
  // CLI11's parse errors, as ereje shows them (lowercased first letter; cli/main.cpp).
  for (const char* t : {"--data is required", "rules is required", "--format: 1 required TEXT missing",
                        "--data: At Most 1 required but received 2", "--csv-dialect: 1 required TEXT:{rfc4180,excel-ru} missing",
                        "--csv-dialect: foo not in {rfc4180,excel-ru}", "could not convert: --verbose = maybe"})
    u.check(t, "CLI11");
  INFO("with no wording:\n" << u.list());
  CHECK(u.missing.empty());
  CHECK(lines_seen >= 150);  // the reader still sees the messages
  CHECK(u.checked >= 250);
}
