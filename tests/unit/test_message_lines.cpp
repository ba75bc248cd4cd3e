// ereje's own command-line messages in Kazakh and Russian (cli/MessageLines.hpp): whole lines
// translated, coded diagnostics and other lines passed byte for byte and at once, the notice said
// once.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <thread>

#include "Support.hpp"
#include "cli/MessageLines.hpp"
#include "core/DiagnosticText.hpp"

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
