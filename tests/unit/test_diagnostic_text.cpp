// Diagnostics in Kazakh and Russian (core/DiagnosticText.hpp): every catalogue entry has both
// wordings with every placeholder; a message with no wording stays English and the notice is said
// once; the Kazakh case endings after numbers and the Russian forms after numbers; `check --lang`
// and `test --lang` keep the code, the position and the caret.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "cli/Commands.hpp"
#include "core/DiagnosticText.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;

namespace {

// The placeholder numbers a wording uses, whatever their modifier ({1}, {1:abl}, {1|a|b|c}, {1:tr}).
std::multiset<int> placeholders(const std::string& s, bool distinct) {
  std::multiset<int> out;
  static const std::regex re(R"(\{([0-9]+)(?::[a-z]+|\|[^}]*)?\})");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    const int n = std::stoi((*it)[1]);
    if (!distinct || !out.count(n)) out.insert(n);
  }
  return out;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("diagnostic wordings: every entry has kk and ru wording keeping every placeholder", "[diagtext]") {
  std::set<std::string> codes;
  for (const auto& w : diagnostic_wordings()) {
    INFO(w.code << ": " << w.en);
    const std::string en = w.en, kk = w.kk, ru = w.ru;
    REQUIRE(!kk.empty());
    REQUIRE(!ru.empty());
    const auto want = placeholders(en, true);
    CHECK(placeholders(kk, true) == want);
    CHECK(placeholders(ru, true) == want);
    // No English left in a wording by mistake: the words of the pattern are not copied.
    if (en.find("clause") != std::string::npos && en.find('`') == std::string::npos) {
      CHECK(kk.find("clause") == std::string::npos);
      CHECK(ru.find("clause") == std::string::npos);
    }
    // An entry applies: its English pattern with sample values is translated.
    if (std::string(w.code) != "*") codes.insert(w.code);
  }
  // The codes users meet most (issue 17): at least 40 codes.
  CHECK(codes.size() >= 40);
  for (const char* c : {"syntax", "undefined-name", "unknown-table", "not-a-column", "type-mismatch", "duplicate-name",
                        "overlapping-versions", "nothing-to-replace", "missing-range", "nothing-to-amend",
                        "unused-definition", "bad-date"})
    CHECK(codes.count(c) == 1);
}

TEST_CASE("diagnostic wordings: messages are rewritten, placeholders filled", "[diagtext]") {
  CHECK(translate_diagnostic_text("undefined-name", "`nn` is not defined in clause 49 (act \"1\")", "kk") ==
        "`nn` «1» актінің 49-тармағында анықталмаған");
  CHECK(translate_diagnostic_text("undefined-name", "`nn` is not defined in clause 49 (act \"1\")", "ru") ==
        "`nn` не определено в пункте 49 (акт «1»)");
  CHECK(translate_diagnostic_text("undefined-name", "`nn` is not defined in clause 49 (act \"1\")", "en") ==
        "`nn` is not defined in clause 49 (act \"1\")");
  // Help lines shared by every code.
  CHECK(translate_diagnostic_text("not-a-column", "did you mean `automation`?", "ru") ==
        "возможно, имелось в виду `automation`?");
  // Kazakh case endings and Russian agreement inside wordings.
  CHECK(translate_diagnostic_text("overlapping-versions",
                                  "clause 49 is already in force from 2023-01-01 (act \"1\"); a later version must say "
                                  "what it replaces",
                                  "kk") ==
        "49-тармақ 2023-01-01-ден бастап қолданыста («1» акт); кейінгі редакция нені ауыстыратынын айтуы тиіс");
  CHECK(translate_diagnostic_text("wrong-arguments", "`share` takes 2 arguments, not 1", "ru") ==
        "`share` принимает 2 аргумента, а не 1");
  CHECK(translate_diagnostic_text("wrong-arguments", "`f` takes 5 arguments, not 1", "ru") ==
        "`f` принимает 5 аргументов, а не 1");
  CHECK(translate_diagnostic_text("wrong-arguments", "`share` takes 2 arguments, not 1", "kk") ==
        "`share` 2 аргумент қабылдайды, 1 емес");
  // Nested: the types of a type mismatch, the grammar's expectation of a syntax error.
  CHECK(translate_diagnostic_text("type-mismatch", "cannot compare a date with text", "ru") ==
        "нельзя сравнить значение типа «дата» со значением типа «текст»");
  CHECK(translate_diagnostic_text("syntax", "expected `)`, found `result`", "kk") == "`)` күтілген еді, табылғаны: `result`");
  CHECK(translate_diagnostic_text("syntax", "expected a value after the operator, found the end of the line", "ru") ==
        "после оператора ожидалось значение, найдено: конец строки");
  // A backticked placeholder never swallows a backtick: this is not "expected `X`".
  CHECK(translate_diagnostic_text("syntax", "expected `[` and the enum's values, as in `enum [none, partial, full]`, found `open`",
                                  "ru") == "ожидалось `[` и значения enum, например `enum [none, partial, full]`, найдено: `open`");
  // No wording: nothing, and other languages are refused.
  CHECK_FALSE(translate_diagnostic_text("syntax", "expected something new, found `x`", "kk"));
  CHECK_FALSE(translate_diagnostic_text("no-such-code", "a message nobody wrote", "ru"));
  CHECK_FALSE(translate_diagnostic_text("no-such-path", "no such file or folder", "de"));
}

TEST_CASE("diagnostic translator: an untranslated message stays English; the notice once", "[diagtext]") {
  Diagnostics ds;
  ds.error("undefined-name", Span{}, "`nn` is not defined in clause 49 (act \"1\")", "did you mean `n`?").file = "r.ereje";
  ds.error("brand-new-code", Span{}, "a message with no wording yet").file = "r.ereje";
  ds.error("brand-new-code", Span{}, "another message with no wording").file = "r.ereje";
  DiagnosticTranslator kk("kk");
  const std::string text = render(kk(ds));
  CHECK(has(text, "r.ereje: error: `nn` «1» актінің 49-тармағында анықталмаған [undefined-name]\n"));
  CHECK(has(text, "  = help: `n` деп жазғыңыз келген болар?\n"));
  CHECK(has(text, "r.ereje: error: a message with no wording yet [brand-new-code]\n"));
  CHECK(kk.missed());
  CHECK(kk.notice() == "ескерту: кейбір хабарламалардың қазақша нұсқасы әлі жоқ, олар ағылшынша берілді\n");
  DiagnosticTranslator en("en");
  CHECK(render(en(ds)) == render(ds));
  CHECK_FALSE(en.missed());
  CHECK(en.notice().empty());

  // Through `check`: the code, position, line and caret as in English; the notice once at the end.
  TempDir dir;
  dir.write("r.ereje", "act \"1\" \"T\" in_force 2023-01-01\nclause 49 \"x\"\n  evidence text official, formula official\n"
                       "  title kk \"x\"\n  title ru \"x\"\n  result T = nn range 0..10\n  result U = 1 +\nend\n");
  std::ostringstream out_en, err_en, out_kk, err_kk;
  cli::CheckOptions o{{dir.str("r.ereje")}, false, false, "en"};
  cli::run_check(o, out_en, err_en);
  o.lang = "kk";
  cli::run_check(o, out_kk, err_kk);
  const auto en_lines = lines_of(err_en.str()), kk_lines = lines_of(err_kk.str());
  REQUIRE(en_lines.size() >= 4);
  REQUIRE(kk_lines.size() >= en_lines.size());
  for (std::size_t i = 0; i < en_lines.size(); ++i) {
    const std::string& e = en_lines[i];
    if (e.rfind(" ", 0) == 0 && e.find(" | ") != std::string::npos) CHECK(kk_lines[i] == e);  // source and caret
    const auto code = e.rfind(" [");
    if (code != std::string::npos && e.back() == ']') {
      CHECK(kk_lines[i].substr(kk_lines[i].rfind(" [")) == e.substr(code));  // the code
      CHECK(kk_lines[i].substr(0, kk_lines[i].find(": error")) == e.substr(0, e.find(": error")));  // the position
    }
  }
  CHECK(count_of(err_kk.str(), "ескерту: кейбір хабарламалардың") <= 1);
  CHECK(has(out_kk.str(), "тексерілді: 1 файл, 0 тармақ редакциясы; "));

  // --lang de: refused.
  std::ostringstream o4, e4;
  o.lang = "de";
  CHECK(cli::run_check(o, o4, e4) == 2);
  CHECK(e4.str() == "error: unknown language `de`\n  = help: use kk, ru or en\n");
  std::ostringstream o5, e5;
  CHECK(cli::run_test({{dir.str("r.ereje")}, false, false, "xx"}, o5, e5) == 2);
  CHECK(has(e5.str(), "unknown language `xx`"));
}

TEST_CASE("Kazakh endings after numbers follow the last spoken word", "[diagtext]") {
  using C = KkCase;
  // The last word: by the last non-zero group.
  CHECK(kk_last_word("0") == "нөл");
  CHECK(kk_last_word("1") == "бір");
  CHECK(kk_last_word("21") == "бір");
  CHECK(kk_last_word("40") == "қырық");
  CHECK(kk_last_word("100") == "жүз");
  CHECK(kk_last_word("250") == "елу");
  CHECK(kk_last_word("1000") == "мың");
  CHECK(kk_last_word("1200000") == "мың");
  CHECK(kk_last_word("1000000") == "миллион");
  CHECK(kk_last_word("10.5") == "бес");    // он бүтін оннан бес
  CHECK(kk_last_word("7.00") == "жеті");   // zeros after the point are not read
  CHECK(kk_last_word("2023-01-01") == "бір");
  // Ablative, as the brief lists them.
  const std::vector<std::pair<const char*, const char*>> ablative = {
      {"0", "0-ден"},   {"1", "1-ден"},     {"2", "2-ден"},     {"3", "3-тен"},       {"4", "4-тен"},
      {"5", "5-тен"},   {"6", "6-дан"},     {"7", "7-ден"},     {"8", "8-ден"},       {"9", "9-дан"},
      {"10", "10-нан"}, {"11", "11-ден"},   {"20", "20-дан"},   {"21", "21-ден"},     {"30", "30-дан"},
      {"40", "40-тан"}, {"50", "50-ден"},   {"60", "60-тан"},   {"70", "70-тен"},     {"80", "80-нен"},
      {"90", "90-нан"}, {"100", "100-ден"}, {"1000", "1000-нан"}, {"1000000", "1000000-нан"}, {"10.5", "10.5-тен"},
      {"2.6", "2.6-дан"}};
  for (const auto& [n, want] : ablative) {
    INFO(n);
    CHECK(kk_number_case(n, C::Ablative) == want);
  }
  // Locative: after the nasals the ending is -да/-де, not -нда.
  CHECK(kk_number_case("10", C::Locative) == "10-да");
  CHECK(kk_number_case("3", C::Locative) == "3-те");
  CHECK(kk_number_case("2", C::Locative) == "2-де");
  CHECK(kk_number_case("6", C::Locative) == "6-да");
  CHECK(kk_number_case("40", C::Locative) == "40-та");
  CHECK(kk_number_case("80", C::Locative) == "80-де");
  CHECK(kk_number_case("1000", C::Locative) == "1000-да");
  // Dative: 12-ге тең, 5-ке, 6-ға, 40-қа, 10-ға.
  CHECK(kk_number_case("12", C::Dative) == "12-ге");
  CHECK(kk_number_case("5", C::Dative) == "5-ке");
  CHECK(kk_number_case("6", C::Dative) == "6-ға");
  CHECK(kk_number_case("40", C::Dative) == "40-қа");
  CHECK(kk_number_case("10", C::Dative) == "10-ға");
  CHECK(kk_number_case("2024-12-31", C::Dative) == "2024-12-31-ге");
  // Genitive and accusative: after a vowel -ның/-нің, -ны/-ні; after he nasals -ның, -ды.
  CHECK(kk_number_case("2", C::Genitive) == "2-нің");
  CHECK(kk_number_case("6", C::Genitive) == "6-ның");
  CHECK(kk_number_case("10", C::Genitive) == "10-ның");
  CHECK(kk_number_case("1", C::Genitive) == "1-дің");
  CHECK(kk_number_case("3", C::Genitive) == "3-тің");
  CHECK(kk_number_case("50", C::Genitive) == "50-дің");
  CHECK(kk_number_case("2", C::Accusative) == "2-ні");
  CHECK(kk_number_case("10", C::Accusative) == "10-ды");
  CHECK(kk_number_case("5", C::Accusative) == "5-ті");
  CHECK(kk_number_case("9", C::Accusative) == "9-ды");
}

TEST_CASE("Russian forms after numbers: 1 ошибка, 2 ошибки, 5 ошибок, 11-14 many", "[diagtext]") {
  auto e = [](const char* n) { return ru_count(n, "ошибка", "ошибки", "ошибок"); };
  CHECK(e("0") == "0 ошибок");
  CHECK(e("1") == "1 ошибка");
  CHECK(e("2") == "2 ошибки");
  CHECK(e("3") == "3 ошибки");
  CHECK(e("4") == "4 ошибки");
  CHECK(e("5") == "5 ошибок");
  CHECK(e("6") == "6 ошибок");
  CHECK(e("10") == "10 ошибок");
  CHECK(e("11") == "11 ошибок");
  CHECK(e("12") == "12 ошибок");
  CHECK(e("14") == "14 ошибок");
  CHECK(e("20") == "20 ошибок");
  CHECK(e("21") == "21 ошибка");
  CHECK(e("22") == "22 ошибки");
  CHECK(e("40") == "40 ошибок");
  CHECK(e("100") == "100 ошибок");
  CHECK(e("101") == "101 ошибка");
  CHECK(e("111") == "111 ошибок");
  CHECK(e("112") == "112 ошибок");
  CHECK(e("1000") == "1000 ошибок");
  CHECK(e("10.5") == "10.5 ошибки");
  CHECK(e("1.5") == "1.5 ошибки");
}
