// The one catalogue of the outputs' labels (core/Labels.hpp): every key has English, Kazakh and
// Russian text, no key or English label is defined twice, the placeholders agree, and the outputs
// that share a label show the same words.
#include <catch2/catch.hpp>
#include <fmt/args.h>
#include <fmt/format.h>

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

TEST_CASE("labels: an English text read back as its label, then said in Kazakh or Russian", "[labels]") {
  // Holes in any order, texts that contain the literal between two holes, and no match.
  auto m = match_label("contract_invariant", "invariant `a` of table `t`: x > 0 -> x >= 0");
  REQUIRE(m);
  CHECK(*m == std::vector<std::string>{"`a`", "`t`", "x > 0", "x >= 0"});
  m = match_label("part_of_clause", "clause 2: result `B`: a -> b");
  REQUIRE(m);
  CHECK((*m)[0] == "2");
  CHECK((*m)[1] == "result `B`: a -> b");
  CHECK(!match_label("part_of_clause", "clauses 2: x"));
  CHECK(!match_label("part_other_changes", "other changes!"));
  CHECK(match_label("part_other_changes", "other changes"));
  CHECK(!match_label("note_not_split", "not split between the data and the rules"));
  // Every label with holes reads back what it formats (English), hole by hole.
  for (const auto& l : output_labels()) {
    const std::string en = l.en;
    if (en.find("{0}") == std::string::npos) continue;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    std::vector<std::string> filled;
    for (int i = 0; i < 6; ++i) filled.push_back("<" + std::to_string(i) + ">");
    for (const auto& f : filled) args.push_back(f);
    const std::string text = fmt::vformat(en, args);
    INFO(l.key << ": " << text);
    auto back = match_label(l.key, text);
    REQUIRE(back);
    for (std::size_t i = 0; i < back->size(); ++i)
      if (en.find("{" + std::to_string(i) + "}") != std::string::npos) CHECK((*back)[i] == filled[i]);
  }
}

TEST_CASE("review: the attribution's notes and parts said again in Kazakh and Russian", "[labels]") {
  interp::RuleDiff d;
  CHECK(cli::attribution_note_text(label_text("note_status_changed", "en"), "ru") == label_text("note_status_changed", "ru"));
  const std::string en = fmt::format(fmt::runtime(label_text("note_not_split", "en")),
                                     fmt::format(fmt::runtime(label_text("not_split_column", "en")), "mobile", "services"));
  CHECK(cli::attribution_note_text(en, "kk") ==
        "деректер мен ережелер арасында бөлінбеді: екі ережелер жиынтығы `services` кестесінің `mobile` бағанын әртүрлі сипаттайды");
  CHECK(cli::attribution_note_text(en, "en") == en);
  CHECK(cli::attribution_note_text("something else", "ru") == "something else");
  CHECK(cli::part_label("other changes", d, "ru") == "прочие изменения");
  CHECK(cli::part_label("data: a -> b", d, "kk") == "деректер: a → b");
  CHECK(cli::part_label("evaluated as of 2023-01-01 -> 2024-01-01", d, "ru") == "дата оценки: 2023-01-01 → 2024-01-01");
  // "clause N: …" only for a clause of the review; else kept as it is.
  CHECK(cli::part_label("clause 9: other changes", d, "ru") == "clause 9: other changes");
  d.clauses.push_back(interp::ClauseDiff{});
  d.clauses.back().number = "9";
  CHECK(cli::part_label("clause 9: other changes", d, "ru") == "пункт 9: прочие изменения");
}
