// The one catalogue of the outputs' labels (core/Labels.hpp): every key has English, Kazakh and
// Russian text, no key or English label is defined twice, the placeholders agree, and the outputs
// that share a label show the same words.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "cli/DiffCommon.hpp"
#include "cli/Html.hpp"
#include "core/Labels.hpp"

using namespace ereje;

namespace {

// The fmt placeholders of a text: `{}`, `{0}`, `{x}`.
std::vector<std::string> placeholders(const std::string& s) {
  std::vector<std::string> out;
  static const std::regex re(R"(\{[a-z0-9_]*\})");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) out.push_back(it->str());
  return out;
}
std::multiset<std::string> named(const std::vector<std::string>& ps) {
  std::multiset<std::string> out;
  for (const auto& p : ps)
    if (p.size() > 2 && !std::isdigit(static_cast<unsigned char>(p[1]))) out.insert(p);
  return out;
}

}  // namespace

TEST_CASE("labels: every key has en, kk and ru text; no key and no English label twice", "[labels]") {
  std::set<std::string> keys, english;
  REQUIRE(output_labels().size() >= 100);
  for (const auto& l : output_labels()) {
    INFO("label " << l.key);
    CHECK(std::string(l.key).size() > 0);
    CHECK(std::string(l.en).size() > 0);
    CHECK(std::string(l.kk).size() > 0);
    CHECK(std::string(l.ru).size() > 0);
    CHECK(keys.insert(l.key).second);  // no key defined twice
    CHECK(english.insert(l.en).second);  // one English label, one entry: one translation everywhere
    // The same placeholders in every language (positional ones may be reordered, as {2} кестесінің {1}).
    const auto en = placeholders(l.en), kk = placeholders(l.kk), ru = placeholders(l.ru);
    CHECK(kk.size() == en.size());
    CHECK(ru.size() == en.size());
    CHECK(named(kk) == named(en));
    CHECK(named(ru) == named(en));
    CHECK(label_text(l.key, "en") == l.en);
    CHECK(label_text(l.key, "kk") == l.kk);
    CHECK(label_text(l.key, "ru") == l.ru);
  }
  CHECK(label_text("status", "de") == "status");  // another language: English
  CHECK_THROWS_AS(label_text("no-such-label", "kk"), std::out_of_range);
}

TEST_CASE("labels: headings capitalise the first letter, Kazakh letters included", "[labels]") {
  CHECK(capitalize_first("status") == "Status");
  CHECK(capitalize_first("статус") == "Статус");
  CHECK(capitalize_first("мәртебе") == "Мәртебе");
  CHECK(capitalize_first("әсер") == "Әсер");
  CHECK(capitalize_first("өзгеріс") == "Өзгеріс");
  CHECK(capitalize_first("үлес") == "Үлес");
  CHECK(capitalize_first("ұсыныс") == "Ұсыныс");
  CHECK(capitalize_first("қате") == "Қате");
  CHECK(capitalize_first("ғылым") == "Ғылым");
  CHECK(capitalize_first("іс") == "Іс");
  CHECK(capitalize_first("ё") == "Ё");
  CHECK(capitalize_first("{} of") == "{} of");
  CHECK(capitalize_first("") == "");
  const auto t = label_table({{"a", "status", true}, {"b", "status", false}}, "kk");
  CHECK(t.at("a") == "Мәртебе");
  CHECK(t.at("b") == "мәртебе");
}

TEST_CASE("labels: the outputs that share a label show the same words", "[labels]") {
  for (const std::string lang : {"en", "kk", "ru"}) {
    INFO(lang);
    // The report's and the review's headings are the catalogue's words, capitalised.
    CHECK(cli::html::label(lang, "delta") == capitalize_first(label_text("delta", lang)));
    CHECK(cli::html::label(lang, "status") == capitalize_first(label_text("status", lang)));
    CHECK(cli::html::label(lang, "before") == capitalize_first(label_text("before", lang)));
    CHECK(cli::html::label(lang, "value") == capitalize_first(label_text("value", lang)));
    CHECK(cli::html::status_label(lang, interp::Status::OutOfRange) == label_text("status_oor", lang));
    CHECK(cli::diff_word(lang, "common") == label_text("common", lang));
  }
  // Where two tables once said one label two ways, one wording is kept (docs/cli.md, "Languages").
  CHECK(label_text("delta", "kk") == "айырма");
  CHECK(label_text("value", "kk") == "мән");
  CHECK(label_text("data_contract", "ru") == "Описание данных");
}
