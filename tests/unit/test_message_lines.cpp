// ereje's own command-line messages in Kazakh and Russian (cli/MessageLines.hpp): whole lines
// translated, coded diagnostics and other lines passed byte for byte, the notice said once.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "Support.hpp"
#include "cli/MessageLines.hpp"
#include "core/DiagnosticText.hpp"

using namespace ereje;

namespace {
std::string through(const std::string& lang, const std::vector<std::string>& writes) {
  std::ostringstream out;
  {
    cli::MessageLines lines(out.rdbuf(), lang);
    std::ostream err(&lines);
    for (const auto& w : writes) err << w << std::flush;
  }  // finish(): the partial line, then the notice
  return out.str();
}
}  // namespace

TEST_CASE("message lines: ereje's own messages said in Kazakh and Russian, whole lines only", "[messages]") {
  // A line written in pieces is translated once it is whole.
  CHECK(through("ru", {"error: unknown language `", "de", "`\n  = help: use kk, ru or en\n"}) ==
        "error: неизвестный язык `de`\n  = help: используйте kk, ru или en\n");
  // A coded diagnostic, a result line and an already translated line pass as they are; no notice.
  const std::string coded = "rules/x.ereje:1:1: error: something [undefined-name]\nerror: a thing [no-such-path]\n";
  CHECK(through("kk", {coded, "MF,49,T,1.00\n", "error: нәтижелер жазылмады: деректерде қателер бар\n"}) ==
        coded + "MF,49,T,1.00\nerror: нәтижелер жазылмады: деректерде қателер бар\n");
  // English with no wording stays, and the notice follows once, at the end.
  CHECK(through("kk", {"error: a message nobody worded\n", "note: another one\n"}) ==
        "error: a message nobody worded\nnote: another one\n" + DiagnosticTranslator("kk").notice());
  // ... unless a command has said the notice already.
  const std::string notice = DiagnosticTranslator("ru").notice();
  CHECK(through("ru", {"error: a message nobody worded\n", notice}) == "error: a message nobody worded\n" + notice);
  // A last line with no newline is not lost.
  CHECK(through("ru", {"partial"}) == "partial");
}

TEST_CASE("message lines: the language is read from the command line before parsing", "[messages]") {
  auto lang = [](std::vector<std::string> args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return cli::message_language(static_cast<int>(argv.size()), argv.data());
  };
  CHECK(lang({"ereje", "run", "--lang", "kk"}) == "kk");
  CHECK(lang({"ereje", "run", "--lang=ru"}) == "ru");
  CHECK(lang({"ereje", "run", "--lang", "en"}).empty());
  CHECK(lang({"ereje", "run", "--lang", "de"}).empty());
  CHECK(lang({"ereje", "run", "--lang"}).empty());
}

// Every whole message line written as one literal in cli/*.cpp ("error: …\n", "  = help: …\n",
// "note: …\n") has a Kazakh and a Russian wording: a new English message without one fails here.
TEST_CASE("message lines: every literal message of the command line has kk and ru wording", "[messages]") {
  const std::regex literal(R"re("(error|note|warning|  = help): ([^"\\{}]*)\\n)re");
  std::size_t checked = 0;
  std::vector<std::string> missing;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(EREJE_SOURCE_DIR) + "/cli")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = test::read_file(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
      const std::string message = (*it)[2];
      if (message.empty()) continue;
      ++checked;
      for (const char* lang : {"kk", "ru"})
        if (!translate_diagnostic_text("cli", message, lang)) missing.push_back(std::string(lang) + ": " + message);
    }
  }
  INFO("without wording:\n" << [&] {
    std::string s;
    for (const auto& m : missing) s += m + "\n";
    return s;
  }());
  CHECK(missing.empty());
  CHECK(checked >= 10);
}
