// Diagnostics in Kazakh and Russian (core/DiagnosticText.hpp): every catalogue entry has both
// wordings with every placeholder; a message with no wording stays English and the notice is said
// once; the Kazakh case endings after numbers and the Russian forms after numbers; `check --lang`
// and `test --lang` keep the code, the position and the caret; every reason the range analysis
// gives (read from its sources) is translated, with no English left.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/Commands.hpp"
#include "core/DiagnosticText.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;

namespace {

// The placeholder numbers a wording uses, whatever their modifier ({1}, {1:abl}, {1|a|b|c}, {1:tr},
// {1:msg?}).
std::multiset<int> placeholders(const std::string& s, bool distinct) {
  std::multiset<int> out;
  static const std::regex re(R"(\{([0-9]+)(?::[a-z]+\??|\|[^}]*)?\})");
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
  // A range line that is not proved is never read as proved ("T not" is no result's name).
  CHECK(translate_diagnostic_text("range-proof", "clause 49 (2021-04-20): T not proved within 0..10: a reason", "kk") ==
        "49-тармақ (2021-04-20): T 0..10 аралығында екені дәлелденбеді: a reason");
  CHECK(translate_diagnostic_text("range-proof", "clause 49 (2021-04-20): T not proved within 0..10: a reason", "ru") ==
        "пункт 49 (2021-04-20): не доказано, что T в пределах 0..10: a reason");
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

namespace {

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every diagnostic code the program can emit, read from the sources that emit them: the code given
// to Diagnostics::error/warning, data_error, a reader's field_error or fail, the engine's warn_at,
// a row's diagnostic, or set as `.code = "…"`.
std::set<std::string> codes_in_sources() {
  std::set<std::string> out;
  auto is_code = [](const std::string& s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    for (const char c : s)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return s.front() >= 'a' && s.front() <= 'z';
  };
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const char* dir : {"core", "grammar", "input", "interpreter", "cli"})
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(EREJE_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".cpp") continue;
      const std::string text = file_text(e.path());
      // A call: the first string among its arguments (up to the end of the statement) is the code.
      for (const std::string name : {"error(", "warning(", "data_error(", "field_error(", "fail(", "warn_at(", "diagnostic("})
        for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
          if (at > 0 && word_char(text[at - 1])) continue;  // runtime_error(, on_error( …
          const std::size_t end = text.find(';', at);
          const std::size_t q = text.find('"', at);
          if (q == std::string::npos || q > end) continue;
          const std::size_t q2 = text.find('"', q + 1);
          if (q2 == std::string::npos) continue;
          if (const std::string s = text.substr(q + 1, q2 - q - 1); is_code(s)) out.insert(s);
        }
      // An assignment: `d.code = "…";`.
      for (std::size_t at = text.find(".code = \""); at != std::string::npos; at = text.find(".code = \"", at + 1)) {
        const std::size_t q = at + 8, q2 = text.find('"', q + 1);
        if (const std::string s = text.substr(q + 1, q2 - q - 1); is_code(s)) out.insert(s);
      }
    }
  return out;
}

// The codes docs/diagnostics.md documents: its headings "### `code`" and "#### `code`".
std::set<std::string> codes_in_docs() {
  std::set<std::string> out;
  const std::string text = file_text(std::filesystem::path(EREJE_SOURCE_DIR) / "docs" / "diagnostics.md");
  static const std::regex heading(R"re((?:^|\n)#{3,4} `([a-z0-9-]+)`)re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), heading); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("every diagnostic code the program can emit is documented and has kk and ru wording", "[diagtext]") {
  const std::set<std::string> emitted = codes_in_sources(), documented = codes_in_docs();
  // The scan finds the codes of every stage (a broken scan would find none and prove nothing).
  REQUIRE(emitted.size() >= 120);
  for (const char* c : {"syntax", "undefined-name", "data-bad-number", "data-missing-column", "data-duplicate-key",
                        "data-unknown-reference", "data-invariant", "data-db-connect", "out-of-range", "undecidable-row",
                        "text-letter-twin", "denominator-zero-when", "amend-text-twice"}) {
    INFO("code " << c << " is not found in the sources");
    CHECK(emitted.count(c) == 1);
  }
  for (const auto& c : emitted) {
    INFO("code " << c << " is emitted but has no section in docs/diagnostics.md");
    CHECK(documented.count(c) == 1);
  }
  std::set<std::string> all = emitted;
  all.insert(documented.begin(), documented.end());
  std::map<std::string, std::pair<int, int>> wordings;  // code -> (kk, ru) entries
  for (const auto& w : diagnostic_wordings()) {
    auto& [kk, ru] = wordings[w.code];
    kk += std::string(w.kk).empty() ? 0 : 1;
    ru += std::string(w.ru).empty() ? 0 : 1;
  }
  for (const auto& c : all) {
    INFO("code " << c);
    CHECK(wordings[c].first >= 1);
    CHECK(wordings[c].second >= 1);
  }
}

TEST_CASE("data diagnostics in Kazakh and Russian", "[diagtext]") {
  auto kk = [](const char* code, const char* en) { return translate_diagnostic_text(code, en, "kk").value_or("(none)"); };
  auto ru = [](const char* code, const char* en) { return translate_diagnostic_text(code, en, "ru").value_or("(none)"); };
  CHECK(kk("data-bad-number", "invalid number `4,87` in column `share`") == "`share` бағанында жарамсыз сан `4,87`");
  CHECK(ru("data-bad-number", "invalid whole number `x` in column `n`") == "недопустимое целое число `x` в столбце `n`");
  // A JSON record, a database row: the place translated, then the message of the same code.
  CHECK(ru("data-bad-number", "record 3: invalid number `x` in column `n`") == "запись 3: недопустимое число `x` в столбце `n`");
  CHECK(kk("data-empty-value", "row 7 (agency_id `MJ`, service_id `S1`): empty value in required column `mobile`") ==
        "7-жол (agency_id `MJ`, service_id `S1`): `mobile` міндетті бағанында мән бос");
  CHECK(kk("data-duplicate-key", "duplicate service_id `S1` for agency_id `MJ`: already on line 2") ==
        "agency_id `MJ` үшін service_id `S1` қайталанады: ол 2-жолда бұрыннан бар");
  CHECK(ru("data-duplicate-key", "each (agency_id, service_id) must be unique in the table") ==
        "каждая пара (agency_id, service_id) должна быть в таблице уникальной");
  // Russian agreement and Kazakh endings after numbers.
  CHECK(ru("data-ragged-row", "expected 6 fields as in the header, got 7") == "ожидалось 6 полей, как в заголовке, получено 7");
  CHECK(ru("data-ragged-row", "expected 3 fields as in the header, got 2") == "ожидалось 3 поля, как в заголовке, получено 2");
  CHECK(ru("data-ragged-row", "expected 1 field as in the header, got 2") == "ожидалось 1 поле, как в заголовке, получено 2");
  CHECK(kk("data-bad-date", "months run from 01 to 12 (YYYY-MM-DD)") == "айлар 01-ден 12-ге дейін нөмірленеді (YYYY-MM-DD)");
  CHECK(kk("grade-bands", "band `low` starts at 10, not below the band above it (5)") ==
        "`low` жолағы 10-нан басталады, бұл одан жоғарғы жолақтан (5) төмен емес");
  // Fragments translated inside a message: the kind of a JSON value, the words of a place.
  CHECK(ru("data-json-shape", "expected an array of objects (one per row), found an object") ==
        "ожидался массив объектов (по одному на строку), найдено: объект");
  CHECK(kk("undecidable-row", "body MJ: this row leaves `x > 1` undecided (an empty value, or a definition that is n/a); "
                              "the result is n/a for this body") ==
        "MJ органы: бұл жол `x > 1` шартын шешусіз қалдырады (бос мән немесе n/a болған анықтама); бұл орган үшін нәтиже — n/a");
  CHECK(ru("reference-not-in-force", "clause 50 (act \"2\", from 2024-01-01) uses `T of clause 49`, but clause 49 is "
                                     "repealed by act \"3\" from 2025-01-01") ==
        "пункт 50 (акт «2», с 2024-01-01) использует `T of clause 49`, но пункт 49 отменён актом «3» с 2025-01-01");
  // A part with no wording leaves the whole text English (never half translated).
  CHECK(translate_diagnostic_text("data-json-shape", "expected an array of objects (one per row), found a banana", "kk") ==
        std::nullopt);
  CHECK_FALSE(translate_diagnostic_text("data-bad-number", "record 3: a message nobody wrote", "kk"));
}

TEST_CASE("a data file's message quoted in a test failure: by its own code's wording, else English", "[diagtext]") {
  // `{1:any?}`: whichever code words it, the most specific shape first (not a generic "`{1}` is {2}"
  // of another code).
  CHECK(translate_diagnostic_text("test-failure",
                                  "the test's rows are not valid data: unknown service_id `nope` in column `parent_id`: "
                                  "body `TEST` has no row with that service_id",
                                  "ru") ==
        "строки теста — некорректные данные: неизвестный service_id `nope` в столбце `parent_id`: у органа `TEST` нет "
        "строки с таким service_id");
  CHECK(translate_diagnostic_text("test-failure",
                                  "the test's rows are not valid data: `automation` is full: the row breaks invariant "
                                  "`full_online` of table `services`: not mobile",
                                  "kk") ==
        "тест жолдары жарамды деректер емес: `automation` мәні full: жол `services` кестесінің `full_online` инвариантын "
        "бұзады: not mobile");
  // With no wording the quoted message stays English, the rest is translated, and the notice is said.
  const std::string odd = "the test's rows are not valid data: a data message nobody wrote";
  bool partial = false;
  CHECK(translate_diagnostic_text("test-failure", odd, "kk", &partial) ==
        "тест жолдары жарамды деректер емес: a data message nobody wrote");
  CHECK(partial);
  CHECK(translate_diagnostic_text("test-failure", "no result `T` was computed", "kk", &partial) == "`T` нәтижесі есептелмеді");
  CHECK_FALSE(partial);
  DiagnosticTranslator ru("ru");
  CHECK(ru.text("test-failure", "no result `T` was computed") == "результат `T` не вычислен");
  CHECK_FALSE(ru.missed());
  CHECK(ru.text("test-failure", odd) == "строки теста — некорректные данные: a data message nobody wrote");
  CHECK(ru.missed());
}

TEST_CASE("run, explain and report --lang: the data's diagnostics translated, code, place and caret kept", "[diagtext]") {
  const std::string root = EREJE_SOURCE_DIR;
  const std::string data = root + "/tests/catalogue/data/duplicate_key/data", rules = root + "/rules";
  for (const std::string lang : {"kk", "ru"}) {
    INFO(lang);
    std::ostringstream out_en, err_en, out_l, err_l;
    cli::RunOptions o;
    o.rules = {rules};
    o.data = data;
    o.as_of = "2024-01-01";
    o.format = "table";
    CHECK(cli::run_run(o, out_en, err_en) == 2);
    o.lang = lang;
    CHECK(cli::run_run(o, out_l, err_l) == 2);
    const auto en = lines_of(err_en.str()), tr = lines_of(err_l.str());
    REQUIRE(en.size() >= 5);
    REQUIRE(tr.size() == en.size());  // every text translated here: no notice
    std::size_t translated = 0;
    for (std::size_t i = 0; i < en.size(); ++i) {
      const std::string& e = en[i];
      if (e.find(" | ") != std::string::npos || e.rfind("   |", 0) == 0) CHECK(tr[i] == e);  // source line, caret
      if (const auto code = e.rfind(" ["); code != std::string::npos && e.back() == ']') {
        CHECK(tr[i].substr(tr[i].rfind(" [")) == e.substr(code));                                  // the code
        CHECK(tr[i].substr(0, tr[i].find(": error: ")) == e.substr(0, e.find(": error: ")));  // file:line:col
      }
      if (tr[i] != e) ++translated;
    }
    CHECK(translated >= 4);  // message, note, help, and the line after them
    CHECK(has(err_l.str(), lang == "kk" ? "error: нәтижелер жазылмады: деректерде қателер бар\n"
                                        : "error: результаты не записаны: в данных есть ошибки\n"));
    // The same data through explain and report: the same translated message.
    std::ostringstream o2, e2, o3, e3;
    CHECK(cli::run_explain({.rules = {rules}, .data = data, .agency = "MJ", .clause = "49", .as_of = "2024-01-01", .lang = lang},
                           o2, e2) == 2);
    CHECK(cli::run_report({.rules = {rules}, .data = data, .as_of = "2024-01-01", .lang = lang, .output = "-"}, o3, e3) == 2);
    const std::string message = tr[0].substr(tr[0].find(": error: "));
    CHECK(has(e2.str(), message));
    CHECK(has(e3.str(), message));
  }
  // A text with no wording: English, and the notice once at the end.
  std::ostringstream out, err;
  cli::RunOptions o;
  o.rules = {rules, root + "/tests/golden/run/bad/unknown_reference/rules.ereje"};
  o.data = root + "/tests/golden/run/bad/unknown_reference/data";
  o.as_of = "2024-06-01";
  o.format = "table";
  o.lang = "ru";
  CHECK(cli::run_run(o, out, err) == 2);
  CHECK(count_of(err.str(), "примечание: у некоторых сообщений ещё нет русской формулировки") == 1);
  CHECK(err.str().rfind("примечание: у некоторых сообщений") == err.str().rfind('\n', err.str().size() - 2) + 1);
}

namespace {

// The English a reason of the range analysis is made of: the string literals of every
// `throw Unsupported{…}` (interpreter/Range.cpp) and every `f.reason = …;` (RangeCheck.cpp,
// RangeWitness.cpp), read from the sources; `statements` counts the statements found per file.
std::vector<std::string> reason_literals(std::map<std::string, int>& statements) {
  std::vector<std::string> out;
  const std::vector<std::pair<std::string, std::string>> where = {
      {"Range.cpp", "throw Unsupported{"}, {"RangeCheck.cpp", "f.reason = "}, {"RangeWitness.cpp", "f.reason = "}};
  for (const auto& [file, marker] : where) {
    const std::string text = file_text(std::filesystem::path(EREJE_SOURCE_DIR) / "interpreter" / file);
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
      ++statements[file];
      // Up to the `;` that ends the statement, outside string literals.
      for (std::size_t i = at + marker.size(); i < text.size() && text[i] != ';'; ++i) {
        if (text[i] != '"') continue;
        std::string lit;
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\\' && i + 1 < text.size()) ++i;
          lit += text[i];
        }
        out.push_back(lit);
      }
    }
  }
  return out;
}

// A reason as the analysis writes it, with sample values for its variable parts, and the parts of
// it that stay as written in any language (positions, values, the test syntax's words).
struct ReasonSample {
  std::string en;
  std::vector<std::string> kept;
};

const std::vector<ReasonSample>& reason_samples() {
  static const std::vector<ReasonSample> all = {
      // interpreter/Range.cpp: the formula.
      {"it counts table `payments`, which the contract does not declare", {}},
      {"coefficient `k` has no value the analysis can work out", {}},
      {"it uses `n2`", {}},
      {"it uses `not`", {}},
      {"it uses `if`", {}},
      {"it uses `>`", {}},
      {"it uses `a and b`", {}},
      {"it uses `max`: only `count` is analysed", {}},
      {"it calls a function", {}},
      {"it reads other clauses' results", {}},
      {"it adds quotients with different denominators", {}},
      {"it multiplies two numbers that depend on the data", {}},
      {"it divides by a quotient", {}},
      {"it divides by 0", {}},
      {"it divides a quotient by a number that depends on the data", {}},
      // interpreter/Range.cpp: the row conditions of its counts.
      {"a condition is too deep", {}},
      {"a condition uses `late`, which is not a column of `services`", {}},
      {"derived column `main` has no definition", {}},
      {"a condition uses arithmetic", {}},
      {"a condition compares `automation` with `mobile`", {}},
      {"a condition uses `>`", {}},
      {"a condition uses `reviewed_on > submitted_on + days(10)`", {}},
      {"a condition tests `a + 1` against a list", {}},
      {"a list holds `x + 1`", {}},
      {"a condition calls `share`", {}},
      {"a condition uses `if` on values", {}},
      {"column `mobile` has no cells", {}},
      {"a condition compares two columns", {}},
      {"a condition compares column `name` with a literal of another type", {}},
      {"the conditions split the rows of `services` into more than 4096 kinds", {}},
      // interpreter/RangeCheck.cpp.
      {"its range bounds are not constants the analysis works out", {}},
      {"its denominator can be negative", {}},
      {"its denominator is 0 for every data set: it is always n/a", {}},
      {"it can be above its range only with more than 100000 rows", {}},
      {"it can be below its range only with more than 100000 rows", {}},
      {"no counterexample could be written as a test", {}},
      // interpreter/RangeWitness.cpp, with the failures of interpreter/TestRunner.cpp quoted.
      {"table `services` is not in force on the version's first day", {}},
      {"column `mobile` is not in force on the version's first day", {}},
      {"the rows the analysis found are not valid data: r.ereje:7:10: rows of `services` need a value for column `name`",
       {"r.ereje:7:10"}},
      {"the rows the analysis found are not valid data: r.ereje:7:10: body TEST: this row leaves `mobile or x` undecided (an "
       "empty value, or a definition that is n/a); the result is n/a for this body",
       {"r.ereje:7:10", "TEST"}},
      {"the rows the analysis found are not valid data: r.ereje:7:10: the test's rows are not valid data: `automation` is "
       "full: the row breaks invariant `full_online` of table `services`: not mobile or online",
       {"r.ereje:7:10", "not mobile or online", "full"}},
      {"on the rows the analysis found, the result is n/a", {}},
      {"on the rows the analysis found, the result is 7.50, within its range", {}},
      {"the counterexample did not pass as a test: r.ereje:7:10: expected T = 20.00 out_of_range, got 20.00 (exact value 20)",
       {"r.ereje:7:10", "out_of_range"}},
      {"the counterexample did not pass as a test: r.ereje:7:10: no result `T` was computed", {"r.ereje:7:10"}},
  };
  return all;
}

// The words of two or more Latin letters left in `text` once backticked names and `kept` are taken out.
std::vector<std::string> english_words(std::string text, const std::vector<std::string>& kept) {
  for (const auto& k : kept)
    for (std::size_t at = text.find(k); at != std::string::npos; at = text.find(k)) text.erase(at, k.size());
  static const std::regex quoted("`[^`]*`");
  text = std::regex_replace(text, quoted, "");
  std::vector<std::string> out;
  static const std::regex word("[A-Za-z_]{2,}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

}  // namespace

TEST_CASE("every reason the range analysis gives is translated into Kazakh and Russian, no English left", "[diagtext]") {
  std::map<std::string, int> statements;
  const auto literals = reason_literals(statements);
  // The scan finds the reasons of every file (a broken scan would find none and prove nothing).
  CHECK(statements["Range.cpp"] >= 30);
  CHECK(statements["RangeCheck.cpp"] >= 5);
  CHECK(statements["RangeWitness.cpp"] >= 5);
  REQUIRE(literals.size() >= 40);
  // Every piece of English in the sources (split at fmt's `{}`) is in some sample: a new reason needs
  // a sample here, and so a wording.
  for (const auto& lit : literals) {
    std::size_t from = 0;
    for (std::size_t to = lit.find("{}"); from <= lit.size(); to = lit.find("{}", from)) {
      const std::string piece = lit.substr(from, to == std::string::npos ? std::string::npos : to - from);
      from = to == std::string::npos ? lit.size() + 1 : to + 2;
      if (piece.empty()) continue;
      INFO("\"" << piece << "\" (from \"" << lit << "\") is in no sample reason: add one, and its wording");
      CHECK(std::any_of(reason_samples().begin(), reason_samples().end(),
                        [&](const ReasonSample& s) { return has(s.en, piece); }));
    }
  }
  // Each sample, as `check -v` prints it after "not analysed:" and after "not proved within …:".
  for (const auto& s : reason_samples())
    for (const std::string& head : {std::string("clause 49 (2023-01-01): T not analysed: "),
                                    std::string("clause 49 (2023-01-01): T not proved within 0..10: ")})
      for (const char* lang : {"kk", "ru"}) {
        const std::string line = head + s.en;
        INFO(lang << ": " << line);
        bool partial = true;
        const auto t = translate_diagnostic_text("range-proof", line, lang, &partial);
        REQUIRE(t);
        INFO("gives: " << *t);
        CHECK_FALSE(partial);
        CHECK(english_words(*t, s.kept).empty());
        // Names in backticks are kept as written.
        static const std::regex quoted("`[^`]*`");
        for (auto it = std::sregex_iterator(s.en.begin(), s.en.end(), quoted); it != std::sregex_iterator(); ++it)
          CHECK(has(*t, it->str()));
      }
}

TEST_CASE("range reasons: the words, the endings, and a reason with no wording", "[diagtext]") {
  auto kk = [](const std::string& en) { return translate_diagnostic_text("range-proof", en, "kk").value_or("(none)"); };
  auto ru = [](const std::string& en) { return translate_diagnostic_text("range-proof", en, "ru").value_or("(none)"); };
  const std::string na = "clause 114 (2023-10-01): R not analysed: ", np = "clause 49 (2021-04-20): T not proved within 0..10: ";
  CHECK(kk(na + "it multiplies two numbers that depend on the data") ==
        "114-тармақ (2023-10-01): R талданбады: формула деректерге тәуелді екі санды көбейтеді");
  CHECK(ru(na + "it multiplies two numbers that depend on the data") ==
        "пункт 114 (2023-10-01): R не проанализирован: формула перемножает два числа, зависящих от данных");
  CHECK(kk(na + "a condition uses `>`") == "114-тармақ (2023-10-01): R талданбады: шартта `>` пайдаланылған");
  CHECK(ru(na + "it uses `max`: only `count` is analysed") ==
        "пункт 114 (2023-10-01): R не проанализирован: формула использует `max`: анализируется только `count`");
  // Kazakh endings and Russian forms after the numbers of a reason.
  CHECK(kk(np + "it can be above its range only with more than 100000 rows") ==
        "49-тармақ (2021-04-20): T 0..10 аралығында екені дәлелденбеді: нәтиже өз ауқымынан тек 100000-нан көп жол "
        "болғанда ғана жоғары бола алады");
  CHECK(kk(na + "the conditions split the rows of `services` into more than 4096 kinds") ==
        "114-тармақ (2023-10-01): R талданбады: шарттар `services` кестесінің жолдарын 4096-дан көп түрге бөледі");
  CHECK(ru(na + "the conditions split the rows of `services` into more than 4096 kinds") ==
        "пункт 114 (2023-10-01): R не проанализирован: условия делят строки таблицы `services` более чем на 4096 видов");
  CHECK(ru(na + "the conditions split the rows of `s` into more than 4091 kinds") ==
        "пункт 114 (2023-10-01): R не проанализирован: условия делят строки таблицы `s` более чем на 4091 вид");
  // A quoted test failure: its place kept, the failure by its own wording.
  CHECK(ru(np + "the counterexample did not pass as a test: r.ereje:7:10: expected T = 20.00 out_of_range, got 20.00 "
                "(exact value 20)") ==
        "пункт 49 (2021-04-20): не доказано, что T в пределах 0..10: контрпример не прошёл как тест: r.ereje:7:10: "
        "ожидалось T = 20.00 out_of_range, получено 20.00 (точное значение 20)");

  // A reason with no wording: the line translated, the reason English, and the notice.
  const std::string odd = na + "it does something nobody has worded yet";
  bool partial = false;
  CHECK(translate_diagnostic_text("range-proof", odd, "kk", &partial) ==
        "114-тармақ (2023-10-01): R талданбады: it does something nobody has worded yet");
  CHECK(partial);
  CHECK(ru(odd) == "пункт 114 (2023-10-01): R не проанализирован: it does something nobody has worded yet");
  DiagnosticTranslator tk("kk");
  CHECK(tk.text("range-proof", na + "it divides by 0") == "114-тармақ (2023-10-01): R талданбады: формула 0-ге бөледі");
  CHECK_FALSE(tk.missed());
  CHECK(tk.text("range-proof", odd) == "114-тармақ (2023-10-01): R талданбады: it does something nobody has worded yet");
  CHECK(tk.missed());
  // So does a quoted failure with no wording: the rest of the reason is translated.
  CHECK(kk(np + "the counterexample did not pass as a test: r.ereje:7:10: something new went wrong") ==
        "49-тармақ (2021-04-20): T 0..10 аралығында екені дәлелденбеді: қарсы мысал тест ретінде өтпеді: r.ereje:7:10: "
        "something new went wrong");
  // A data file's diagnostic quoted in a failure: by its own code's wording, whichever code that is
  // (the most specific shape, not a generic "`{1}` is {2}" of another code).
  CHECK(kk(np + "the rows the analysis found are not valid data: r.ereje:7:10: the test's rows are not valid data: "
                "`automation` is full: the row breaks invariant `full_online` of table `services`: not mobile") ==
        "49-тармақ (2021-04-20): T 0..10 аралығында екені дәлелденбеді: талдау тапқан жолдар жарамды деректер емес: "
        "r.ereje:7:10: тест жолдары жарамды деректер емес: `automation` мәні full: жол `services` кестесінің "
        "`full_online` инвариантын бұзады: not mobile");
}

// A rule file's own words quoted by a message (a column's meaning in a help line) come in the
// language when the rule file gives them in it: the longest term first, each place once, only in a
// translated text, never terms of a few letters.
TEST_CASE("diagnostic text: a rule file's descriptions quoted by a message, in the language", "[diagtext][terms]") {
  DiagnosticTranslator kk("kk");
  kk.add_term("available in a mobile application", "мобильдік қосымшада қолжетімді");
  kk.add_term("a mobile application", "МОБИЛЬДІК");        // inside the longer term: never applied there
  kk.add_term("mobile", "ұялы");                            // shorter than 8 bytes: not taken
  kk.add_term("available in a mobile application", "екінші");  // the first description stands
  CHECK(kk.text("data-missing-column", "`mobile` is available in a mobile application") ==
        "`mobile` — мобильдік қосымшада қолжетімді");
  CHECK(kk.text("data-missing-column", "`mobile` is a mobile application") == "`mobile` — МОБИЛЬДІК");
  CHECK_FALSE(kk.missed());
  // An untranslated text stays as it is, terms and all (and the notice is due).
  const std::string odd = "no wording has this shape: available in a mobile application";
  CHECK(kk.text("data-missing-column", odd) == odd);
  CHECK(kk.missed());
  // English output is never touched.
  DiagnosticTranslator en("en");
  en.add_term("available in a mobile application", "мобильдік қосымшада қолжетімді");
  CHECK(en.text("data-missing-column", "`mobile` is available in a mobile application") ==
        "`mobile` is available in a mobile application");
}

// The commands give the translator the rule files' kk/ru descriptions: run --lang ru on a folder
// missing a column shows the column's Russian meaning from rules/data, not the English one.
TEST_CASE("diagnostic text: run --lang ru quotes a column's Russian meaning from the rule files", "[diagtext][terms]") {
  const std::string root = EREJE_SOURCE_DIR;
  const std::string data = root + "/tests/catalogue/data/missing_required_column/data";
  cli::RunOptions o;
  o.rules = {root + "/rules"};
  o.data = data;
  o.as_of = "2024-01-01";
  o.format = "table";
  o.lang = "ru";
  std::ostringstream out, err;
  CHECK(cli::run_run(o, out, err) == 2);
  INFO(err.str());
  CHECK(err.str().find("`mobile` — доступна в мобильном приложении") != std::string::npos);
  CHECK(err.str().find("available in a mobile application") == std::string::npos);
}

TEST_CASE("diagnostic text: a legal text's Cyrillic twins, one letter and several, each pair whole", "[diagtext]") {
  // A shared "Cyrillic {1} ({2})" must not take a whole pair (or two) as one letter.
  const std::string one =
      "the legal text of clause 49 (act \"33140\") writes Cyrillic с (U+0441) where the code has Latin c (U+0063): "
      "read as the same letter";
  CHECK(translate_diagnostic_text("text-letter-twin", one, "ru") ==
        "в юридическом тексте пункта 49 (акт «33140») написано кириллическая с (U+0441), а в коде — латинская c "
        "(U+0063): прочитано как одна и та же буква");
  const std::string two =
      "the legal text of clause 52 (act \"1\") writes Cyrillic с (U+0441) where the code has Latin c (U+0063); "
      "Cyrillic о (U+043E) in `wо` where the code has Latin o (U+006F): read as the same letters";
  CHECK(translate_diagnostic_text("text-letter-twin", two, "kk") ==
        "«1» актінің 52-тармағының заң мәтінінде кирилл әрпі с (U+0441), ал кодта латын әрпі c (U+0063); "
        "`wо` ішінде кирилл әрпі о (U+043E), ал кодта латын әрпі o (U+006F) жазылған: бірдей әріптер ретінде оқылды");
}

TEST_CASE("diagnostic text: the clauses relying on an invariant, one and several, with and without an act", "[diagtext]") {
  CHECK(translate_diagnostic_text("data-invariant", "clause 54 (act \"X-1\"), clause 55 relies on it: no score", "ru") ==
        "пункт 54 (акт «X-1»), пункт 55 опирается на него: no score");
  CHECK(translate_diagnostic_text("data-invariant", "clause 54 (act \"X-1\") relies on it", "kk") ==
        "«X-1» актінің 54-тармағы соған сүйенеді");
}
