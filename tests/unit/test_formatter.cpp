// Unit tests of `fmt` (grammar/Formatter): the canonical layout of each construct, comments kept
// beside or above their items, long texts kept as their pieces, and, over every rule file in the
// repository that parses, formatting that is idempotent and preserves meaning (the same AST, the
// same diagnostics, the same comments).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "cli/Commands.hpp"
#include "grammar/Formatter.hpp"
#include "grammar/Parser.hpp"
#include "interpreter/Checker.hpp"

using namespace ereje;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = EREJE_SOURCE_DIR;

std::string fmt_text(const std::string& text) {
  Diagnostics d;
  auto source = std::make_shared<SourceFile>("t.ereje", text);  // the diagnostics point into it
  auto out = grammar::format_source(source, d);
  INFO(render(d));
  REQUIRE(out);
  return *out;
}

std::vector<std::string> comment_texts(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& c : grammar::collect_comments(text)) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// What checking a file on its own reports, without positions (they move when the layout does).
std::vector<std::string> check_messages(const std::string& name, const std::string& text) {
  Diagnostics d;
  interp::RuleSet rules = interp::load_rules_from_text({{name, text}}, d);
  interp::check(rules, d);
  std::vector<std::string> out;
  for (const auto& x : d.list()) out.push_back(x.code + ": " + x.message);
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("fmt: comments are found outside strings only", "[fmt]") {
  auto cs = grammar::collect_comments("// head\nlet x = \"a // b\" // tail\r\n  \"\\\"//\" x\n// end");
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].text == "// head");
  CHECK_FALSE(cs[0].trailing);
  CHECK(cs[1].text == "// tail");  // the \r of a CRLF line is not part of it
  CHECK(cs[1].trailing);
  CHECK(cs[2].text == "// end");
}

TEST_CASE("fmt: the canonical layout of a clause", "[fmt]") {
  std::string messy =
      "act \"1\" \"Base\" in_force 2023-01-01 \"note\" amends \"0\"\n"
      "clause 49 \"Automation\"\n"
      "  let c = count services where main and automation=partial \"partial\"\n"
      "      result T = ((p*c) + d)   / n * k\n"
      "    range 0..k round 2 \"score\"\n"
      "  evidence text official, formula official\n"
      "  title ru \"Степень\"   title kk \"Дәреже\"\n"
      "  let d = count services where automation = full \"full\" let n = count services \"all\"\n"
      "  coefficient p = 0.5 \"weight\" coefficient k = 10 \"scale\"\n"
      "  test \"t\" expect T = 5.00 services: 1 rows automation = full, 1 row automation = none\n"
      "end\n";
  std::string want =
      "act \"1\" \"Base\"\n"
      "  in_force 2023-01-01 \"note\"\n"
      "  amends \"0\"\n"
      "\n"
      "clause 49 \"Automation\"\n"
      "  title ru \"Степень\"\n"
      "  title kk \"Дәреже\"\n"
      "  evidence text official, formula official\n"
      "\n"
      "  let c = count services where main and automation = partial \"partial\"\n"
      "  result T = (p * c + d) / n * k range 0..k round 2 \"score\"\n"
      "  let d = count services where automation = full \"full\"\n"
      "  let n = count services \"all\"\n"
      "  coefficient p = 0.5 \"weight\"\n"
      "  coefficient k = 10 \"scale\"\n"
      "\n"
      "  test \"t\"\n"
      "    services: 1 row automation = full, 1 row automation = none\n"
      "    expect T = 5.00\n"
      "end\n";
  CHECK(fmt_text(messy) == want);
  CHECK(fmt_text(want) == want);
}

TEST_CASE("fmt: long texts keep their pieces; escapes are written back", "[fmt]") {
  std::string src =
      "act \"1\" in_force 2023-01-01\n"
      "clause 1\n"
      "  text kk \"бірінші \\\"бөлік\\\"; \" \"екінші\\tбөлік\"\n"
      "      // between the pieces\n"
      "      \"үшінші\"\n"
      "end\n";
  std::string want =
      "act \"1\"\n"
      "  in_force 2023-01-01\n"
      "\n"
      "clause 1\n"
      "  text kk \"бірінші \\\"бөлік\\\"; \"\n"
      "    \"екінші\\tбөлік\"\n"
      "    // between the pieces\n"
      "    \"үшінші\"\n"
      "end\n";
  CHECK(fmt_text(src) == want);
  CHECK(fmt_text(want) == want);
}

TEST_CASE("fmt: comments stay above or beside their items, whatever moves", "[fmt]") {
  std::string src =
      "// file header\n"
      "act \"1\" in_force 2023-01-01 // trailing on the act's date line\n"
      "\n"
      "// about clause 5\n"
      "clause 5 \"x\"   // beside the heading\n"
      "  // about the definition\n"
      "  let a = 1 + // inside the formula\n"
      "    2 \"a\" // after the description\n"
      "  // about the title, which moves up\n"
      "  title kk \"т\"\n"
      "  result r = a range 0..10\n"
      "  test \"t\"\n"
      "    services: 1 row automation = full, // first group\n"
      "      2 rows automation = none\n"
      "    expect r = 3\n"
      "  // last words of the clause\n"
      "end // closing\n"
      "\n"
      "// the end of the file\n";
  std::string want =
      "// file header\n"
      "act \"1\"\n"
      "  in_force 2023-01-01 // trailing on the act's date line\n"
      "\n"
      "// about clause 5\n"
      "clause 5 \"x\" // beside the heading\n"
      "  // about the title, which moves up\n"
      "  title kk \"т\"\n"
      "\n"
      "  // about the definition\n"
      "  // after the description\n"
      "  let a = 1 + 2 \"a\" // inside the formula\n"
      "  result r = a range 0..10\n"
      "\n"
      "  test \"t\"\n"
      "    services: 1 row automation = full, // first group\n"
      "      2 rows automation = none\n"
      "    expect r = 3\n"
      "  // last words of the clause\n"
      "end // closing\n"
      "\n"
      "// the end of the file\n";
  std::string got = fmt_text(src);
  CHECK(got == want);
  CHECK(fmt_text(got) == got);
  CHECK(comment_texts(got) == comment_texts(src));
}

TEST_CASE("fmt: obligations, functions, repeals and long test tables", "[fmt]") {
  std::string src =
      "function f(a,b)=if a<=b then a else b \"smaller\"\n"
      "function g(x) = -(-x)\n"
      "\n"
      "function h() = 1\n"
      "act \"2\" in_force 2024-01-01\n"
      "repeals 52 \"gone\" repeals 53\n"
      "clause 114\n"
      "  let deadline = single schedule of ends_on where stage = \"objections_review\"\n"
      "  obligation breaches over objections breach when if missing(reviewed_on) then as_of > deadline else "
      "reviewed_on > deadline \"late\"\n"
      "  test \"t\" as_of 2023-12-01\n"
      "    objections: 1 row clause = \"49\" and submitted_on = 2023-09-20 and reviewed_on = 2023-10-15, 1 row "
      "clause = \"49\" and submitted_on = 2023-09-20 and reviewed_on = 2023-10-16\n"
      "    expect breaches = 1\n"
      "end\n";
  std::string want =
      "function f(a, b) = if a <= b then a else b \"smaller\"\n"
      "function g(x) = -(-x)\n"
      "\n"
      "function h() = 1\n"
      "\n"
      "act \"2\"\n"
      "  in_force 2024-01-01\n"
      "\n"
      "repeals 52 \"gone\"\n"
      "repeals 53\n"
      "\n"
      "clause 114\n"
      "  let deadline = single schedule of ends_on where stage = \"objections_review\"\n"
      "  obligation breaches over objections\n"
      "    breach when if missing(reviewed_on) then as_of > deadline else reviewed_on > deadline\n"
      "    \"late\"\n"
      "\n"
      "  test \"t\"\n"
      "    as_of 2023-12-01\n"
      "    objections: 1 row clause = \"49\" and submitted_on = 2023-09-20 and reviewed_on = 2023-10-15,\n"
      "      1 row clause = \"49\" and submitted_on = 2023-09-20 and reviewed_on = 2023-10-16\n"
      "    expect breaches = 1\n"
      "end\n";
  std::string got = fmt_text(src);
  CHECK(got == want);
  CHECK(fmt_text(got) == got);
}

TEST_CASE("fmt: a file with syntax errors is not formatted", "[fmt]") {
  Diagnostics d;
  auto source = std::make_shared<SourceFile>("bad.ereje", "act \"1\" in_force 2023-01-01\nclause 1\n  let x = 1 +\nend\n");
  auto out = grammar::format_source(source, d);
  CHECK_FALSE(out);
  CHECK(d.has_errors());
  // Neither is an empty file changed, nor one of comments only.
  CHECK(fmt_text("") == "");
  CHECK(fmt_text("// only a comment\n\n// and another") == "// only a comment\n\n// and another\n");
}

TEST_CASE("fmt: idempotent and meaning-preserving over every rule file in the repository", "[fmt]") {
  std::vector<fs::path> files;
  for (const char* dir : {"rules", "stdlib", "tests", "examples", "fuzz/corpus"}) {
    fs::path p = fs::path(kRoot) / dir;
    if (!fs::exists(p)) continue;
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file() && e.path().extension() == ".ereje") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::size_t formatted = 0, skipped = 0;
  for (const auto& path : files) {
    std::string name = fs::relative(path, kRoot).generic_string();
    INFO(name);
    std::string text = read(path);
    Diagnostics d0;
    ast::File before = grammar::parse_file(std::make_shared<SourceFile>(name, text), d0);
    if (d0.has_errors()) {  // the golden cases' deliberately broken files
      ++skipped;
      continue;
    }
    std::string once = grammar::format_file(before);
    Diagnostics d1;
    ast::File after = grammar::parse_file(std::make_shared<SourceFile>(name, once), d1);
    INFO(once);
    REQUIRE_FALSE(d1.has_errors());
    CHECK(grammar::dump_meaning(after) == grammar::dump_meaning(before));
    CHECK(grammar::format_file(after) == once);
    CHECK(comment_texts(once) == comment_texts(text));
    CHECK(check_messages(name, once) == check_messages(name, text));
    ++formatted;
  }
  CHECK(formatted >= 90);
  CHECK(skipped >= 1);
}

TEST_CASE("fmt: the project's own rule files are in the canonical layout", "[fmt]") {
  for (const char* f : {"rules/acts/2021-22599.ereje", "rules/acts/2023-33140.ereje", "stdlib/prelude.ereje",
                        "tests/stdlib/prelude_test.ereje"}) {
    INFO(f);
    std::string text = read(fs::path(kRoot) / f);
    CHECK(fmt_text(text) == text);
  }
}

TEST_CASE("fmt command: --check prints a unified diff and exits 1; fmt rewrites", "[fmt][cli]") {
  fs::path dir = fs::temp_directory_path() / ("ereje_test_fmt_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string file = (dir / "a.ereje").string();
  {
    std::ofstream out(file, std::ios::binary);
    out << "act \"1\" in_force 2023-01-01\nclause 1 \"x\"\n  let a = 1+2 \"a\"\n  result r = a range 0..10\nend\n";
  }
  std::istringstream in;
  std::ostringstream out, err;
  cli::FmtOptions o;
  o.rules = {dir.string()};
  o.check = true;
  CHECK(cli::run_fmt(o, in, out, err) == 1);
  CHECK(out.str() ==
        "--- " + file + "\n+++ " + file + " (formatted)\n"
        "@@ -1,5 +1,7 @@\n"
        "-act \"1\" in_force 2023-01-01\n"
        "+act \"1\"\n"
        "+  in_force 2023-01-01\n"
        "+\n"
        " clause 1 \"x\"\n"
        "-  let a = 1+2 \"a\"\n"
        "+  let a = 1 + 2 \"a\"\n"
        "   result r = a range 0..10\n"
        " end\n");
  o.check = false;
  out.str("");
  CHECK(cli::run_fmt(o, in, out, err) == 0);
  CHECK(out.str() == "formatted " + file + "\n");
  o.check = true;
  out.str("");
  CHECK(cli::run_fmt(o, in, out, err) == 0);
  CHECK(out.str().empty());
  // Standard input to standard output.
  std::istringstream stdin_text("function f(x)=x\n");
  out.str("");
  o = cli::FmtOptions{{"-"}, false};
  CHECK(cli::run_fmt(o, stdin_text, out, err) == 0);
  CHECK(out.str() == "function f(x) = x\n");
  // A broken file: reported, not touched, exit 2.
  {
    std::ofstream bad(dir / "b.ereje", std::ios::binary);
    bad << "clause 1\n  let = 2\nend\n";
  }
  err.str("");
  o = cli::FmtOptions{{(dir / "b.ereje").string()}, false};
  CHECK(cli::run_fmt(o, in, out, err) == 2);
  CHECK(err.str().find("expected a name") != std::string::npos);
  CHECK(read(dir / "b.ereje") == "clause 1\n  let = 2\nend\n");
  fs::remove_all(dir);
}

TEST_CASE("fmt: comments anywhere between tokens survive, and formatting stays idempotent", "[fmt]") {
  // Inserts comments at pseudo-random places between tokens of real rule files, on lines of their
  // own and at line ends, and checks each variant as the repository's files are checked.
  std::vector<std::string> texts;
  for (const char* f : {"rules/acts/2021-22599.ereje", "rules/acts/2023-33140.ereje", "tests/stdlib/prelude_test.ereje",
                        "stdlib/prelude.ereje"})
    texts.push_back(read(fs::path(kRoot) / f));
  texts.push_back(
      "act \"9\" \"t\" \"t2\" in_force 2023-01-01 \"n\" amends \"8\"\n"
      "repeals 7 \"a\" \"b\"\n"
      "clause 5 \"x\" \"y\"\n"
      "  title kk \"т\" \"т2\"\n"
      "  in_force 2023-02-01 \"n\"\n"
      "  let a = if count services where mobile > 0 then 1 else -(2) \"a\"\n"
      "  obligation o over objections breach when reviewed_on > 2023-01-01 \"p\" \"q\"\n"
      "  result r = a range 0..10 round 0\n"
      "  test \"t\" as_of 2023-03-01\n"
      "    services: 1 row automation = full and mobile = true, 2 rows, 3 rows automation = none\n"
      "    objections: 0 rows\n"
      "    expect r = n/a\n"
      "    expect o = 0 out_of_range\n"
      "end\n");
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) & 0xFFFFFF;
  };
  std::size_t variants = 0;
  for (const auto& text : texts) {
    Diagnostics d0;
    ast::File original = grammar::parse_file(std::make_shared<SourceFile>("o.ereje", text), d0);
    REQUIRE_FALSE(d0.has_errors());
    std::string meaning = grammar::dump_meaning(original);
    // Places between tokens: whitespace outside strings and comments.
    std::vector<std::size_t> spaces, line_ends;
    bool in_string = false, in_comment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (in_comment) {
        if (c == '\n') in_comment = false;
        else continue;
      }
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') in_comment = true;
      else if (c == ' ' || c == '\n') spaces.push_back(i);
      if (c == '\n') line_ends.push_back(i);
    }
    for (int round = 0; round < 25; ++round) {
      std::string v = text;
      std::vector<std::pair<std::size_t, std::string>> inserts;
      for (int k = 0; k < 6; ++k) {
        std::string c = "// c" + std::to_string(round) + "_" + std::to_string(k);
        if (next() % 2 && !line_ends.empty()) inserts.push_back({line_ends[next() % line_ends.size()], " " + c});
        else inserts.push_back({spaces[next() % spaces.size()], "\n" + c + "\n"});
      }
      std::sort(inserts.begin(), inserts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (const auto& [at, s] : inserts) v.insert(at, s);
      INFO(v);
      Diagnostics d1;
      ast::File with = grammar::parse_file(std::make_shared<SourceFile>("v.ereje", v), d1);
      REQUIRE_FALSE(d1.has_errors());
      REQUIRE(grammar::dump_meaning(with) == meaning);
      std::string once = grammar::format_file(with);
      INFO(once);
      Diagnostics d2;
      ast::File after = grammar::parse_file(std::make_shared<SourceFile>("f.ereje", once), d2);
      REQUIRE_FALSE(d2.has_errors());
      CHECK(grammar::dump_meaning(after) == meaning);
      CHECK(grammar::format_file(after) == once);
      CHECK(comment_texts(once) == comment_texts(v));
      ++variants;
    }
  }
  CHECK(variants == 125);
}
