#include "interpreter/LegalText.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/LookAlike.hpp"

namespace ereje::interp {
namespace {

using Defined = DefinedLetter;

// The span in the rule file of bytes [at, at + len) of a text's value, through its pieces and the
// escapes inside each quoted piece. An invalid span when the text was not parsed from a file.
Span span_in_text(const ast::Text& t, std::size_t at, std::size_t len) {
  std::size_t base = 0;
  for (const auto& p : t.pieces) {
    if (at < base + p.value.size() && p.span.valid()) {
      const std::string& src = p.span.file->text;
      std::size_t raw = p.span.begin + 1;  // past the opening quote
      std::size_t begin = 0;
      for (std::size_t v = base; v < at + len && raw < src.size(); ++v) {
        if (v == at) begin = raw;
        raw += src[raw] == '\\' ? 2 : 1;
      }
      if (at + len > base + p.value.size()) raw = std::min<std::size_t>(raw, p.span.end);
      return Span{p.span.file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(raw)};
    }
    base += p.value.size();
  }
  return t.span;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s, std::size_t& offset) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1), ++offset;
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

const char* language(const std::string& lang) { return lang == "kk" ? "Kazakh" : lang == "ru" ? "Russian" : "English"; }

bool reconstructed_formula(const ast::Clause& c) {
  for (const auto& e : c.evidence)
    if (e.subject == "formula") return e.level == ast::Evidence::Reconstructed || e.level == ast::Evidence::NotOnFile;
  return true;  // not stated: nothing to hold the names to
}

// The numbers of a text, as written (digits, with `.`, `,`, `/` or `-` between digits: 0,5, 49-1,
// 24.07.2023), a decimal comma read as a point; each once, at its first place.
std::vector<std::pair<std::string, std::size_t>> numbers_of(const std::string& v) {
  std::vector<std::pair<std::string, std::size_t>> out;
  auto digit = [&](std::size_t i) { return i < v.size() && v[i] >= '0' && v[i] <= '9'; };
  for (std::size_t i = 0; i < v.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (digit(i) || ((v[i] == '.' || v[i] == ',' || v[i] == '/' || v[i] == '-') && digit(i + 1))) ++i;
    std::string n = v.substr(start, i - start);
    std::replace(n.begin(), n.end(), ',', '.');
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.first == n; })) out.emplace_back(n, start);
  }
  return out;
}

// Where both a Kazakh and a Russian text exist, they state the same numbers (values, paragraph
// numbers, dates) and define the same letters: what one has and the other lacks is a warning.
void compare_translations(const ast::Clause& c, const std::string& where, Diagnostics& diags) {
  const ast::Text *kk = nullptr, *ru = nullptr;
  for (const auto& t : c.texts) {
    if (t.lang == "kk" && !kk) kk = &t;
    if (t.lang == "ru" && !ru) ru = &t;
  }
  if (!kk || !ru) return;
  auto one_way = [&](const ast::Text& a, const ast::Text& b) {
    const auto in_b = numbers_of(b.value);
    for (const auto& number : numbers_of(a.value)) {
      const std::string& n = number.first;
      const std::size_t at = number.second;
      if (std::none_of(in_b.begin(), in_b.end(), [&](const auto& o) { return o.first == n; }))
        diags.warning("text-translation", span_in_text(a, at, n.size()),
                      "the " + std::string(language(a.lang)) + " text of " + where + " has " + n + ", which its " +
                          language(b.lang) + " text does not",
                      "the two texts of one act state the same numbers: check both against the published act")
            .notes.push_back({b.span, std::string("the ") + language(b.lang) + " text"});
    }
    std::vector<std::string> letters_b;
    for (const auto& d : defined_letters(b.value)) letters_b.push_back(fold_look_alikes(d.name));
    if (letters_b.empty()) return;
    for (const auto& d : defined_letters(a.value))
      if (std::find(letters_b.begin(), letters_b.end(), fold_look_alikes(d.name)) == letters_b.end())
        diags.warning("text-translation", span_in_text(a, d.at, d.name.size()),
                      "the " + std::string(language(a.lang)) + " text of " + where + " defines `" + d.name +
                          "`, which its " + language(b.lang) + " text does not",
                      "the two texts of one act define the same letters: check both against the published act")
            .notes.push_back({b.span, std::string("the ") + language(b.lang) + " text"});
  };
  one_way(*kk, *ru);
  one_way(*ru, *kk);
}

}  // namespace

// The list that follows "мұнда:" (kk), "где:" (ru) or "where:" (en): entries `NAME – words`, one
// per `;`. A text without such a list defines no letters (114 is prose).
std::vector<Defined> defined_letters(const std::string& v) {
  std::vector<Defined> out;
  std::size_t start = std::string::npos;
  for (std::string_view key : {"мұнда:", "мұндағы:", "Мұнда:", "где:", "Где:", "where:", "Where:"}) {
    const std::size_t k = v.find(key);
    if (k != std::string::npos && k < start) start = k + key.size();
  }
  if (start == std::string::npos) return out;
  std::size_t pos = start;
  while (pos < v.size()) {
    std::size_t semi = v.find(';', pos);
    if (semi == std::string::npos) semi = v.size();
    std::size_t entry_at = pos;
    std::string_view entry = trim(std::string_view(v).substr(pos, semi - pos), entry_at);
    for (std::string_view dash : {" – ", " — ", " - "}) {
      const std::size_t d = entry.find(dash);
      if (d == std::string_view::npos) continue;
      std::size_t name_at = entry_at;
      std::string_view name = trim(entry.substr(0, d), name_at);
      const bool word = !name.empty() && name.size() <= 32 &&
                        std::none_of(name.begin(), name.end(), [](char c) { return space(c) || c == ',' || c == '('; });
      if (word) out.push_back({std::string(name), name_at, entry, entry_at});
      break;
    }
    pos = semi + 1;
  }
  return out;
}

// The value an entry states for its coefficient: "10-ға тең", "5-ке тең" (kk), "равен 5",
// "равный 10" (ru), "equals 10" (en); the number as written. nullopt when it states none.
std::optional<std::pair<std::string, std::size_t>> stated_value(std::string_view e) {
  auto number_at = [&](std::size_t i) -> std::optional<std::pair<std::string, std::size_t>> {
    std::size_t j = i;
    while (j < e.size() && ((e[j] >= '0' && e[j] <= '9') || ((e[j] == '.' || e[j] == ',') && j > i))) ++j;
    while (j > i && (e[j - 1] == '.' || e[j - 1] == ',')) --j;
    if (j == i) return std::nullopt;
    std::string n(e.substr(i, j - i));
    std::replace(n.begin(), n.end(), ',', '.');
    return std::pair{n, i};
  };
  // Kazakh: the number comes before "тең", with its case ending (-ға, -ге, -қа, -ке, -на, -не).
  for (std::size_t t = e.find("тең"); t != std::string_view::npos; t = e.find("тең", t + 1)) {
    std::size_t i = t;
    while (i > 0 && space(e[i - 1])) --i;
    while (i > 0 && (static_cast<unsigned char>(e[i - 1]) >= 0x80 || e[i - 1] == '-')) --i;  // the ending
    std::size_t d = i;
    while (d > 0 && ((e[d - 1] >= '0' && e[d - 1] <= '9') || e[d - 1] == '.' || e[d - 1] == ',')) --d;
    if (d < i) return number_at(d);
  }
  // Russian and English: the number after the word.
  for (std::string_view w : {"равен ", "равна ", "равно ", "равный ", "равным ", "equals ", "equal to "}) {
    const std::size_t k = e.find(w);
    if (k == std::string_view::npos) continue;
    std::size_t i = k + w.size();
    while (i < e.size() && space(e[i])) ++i;
    if (auto n = number_at(i)) return n;
  }
  return std::nullopt;
}

void check_legal_text(const ClauseVersion& version, Diagnostics& diags) {
  const ast::Clause& c = *version.clause;
  // The clause's names, and where each is declared.
  struct Name {
    std::string name;
    Span span;
    const ast::Coefficient* coefficient = nullptr;
  };
  std::vector<Name> names;
  for (const auto& l : c.lets) names.push_back({l.name, l.name_span});
  for (const auto& k : c.coefficients) names.push_back({k.name, k.name_span, &k});
  for (const auto& r : c.results) names.push_back({r.name, r.name_span});
  for (const auto& o : c.obligations) names.push_back({o.name, o.name_span});
  const std::string where = "clause " + c.number + (version.act ? " (act \"" + version.act->id + "\")" : "");
  compare_translations(c, where, diags);

  // Letters the text writes in the other script than the code (`с` for `c`): said once per version.
  struct Twin { std::string text_letter, code_name; Span at; };
  std::vector<Twin> twins;
  for (const auto& t : c.texts) {
    const auto letters = defined_letters(t.value);
    if (letters.empty()) continue;
    std::vector<bool> in_text(names.size(), false);
    for (const auto& d : letters) {
      // A Cyrillic letter of the act's text is its Latin twin in the code (`с` is `c`).
      const std::string key = fold_look_alikes(d.name);
      std::size_t found = names.size();
      for (std::size_t i = 0; i < names.size(); ++i)
        if (fold_look_alikes(names[i].name) == key) found = i;
      const Span at = span_in_text(t, d.at, d.name.size());
      if (found == names.size()) {
        diags.error("text-letter-undefined", at,
                    "the " + std::string(language(t.lang)) + " text of " + where + " defines `" + d.name +
                        "`, which the clause does not define",
                    "add it as a `let`, `coefficient` or `result` named `" + key + "`, as the text describes it");
        continue;
      }
      in_text[found] = true;
      const Name& n = names[found];
      if (d.name != n.name &&
          std::none_of(twins.begin(), twins.end(), [&](const Twin& w) { return w.text_letter == d.name; }))
        twins.push_back({d.name, n.name, at});
      if (!n.coefficient) continue;
      auto stated = stated_value(d.entry);
      const auto* lit = std::get_if<ast::NumberLit>(&n.coefficient->value->node);
      if (!stated || !lit) continue;
      const auto want = Rational::parse_decimal(stated->first);
      if (!want || *want == lit->value) continue;
      auto& diag = diags.error("text-coefficient-value", n.coefficient->value->span,
                               "coefficient `" + n.name + "` of " + where + " is " + lit->text + ", but its " +
                                   language(t.lang) + " text says " + stated->first,
                               "write `coefficient " + n.name + " = " + stated->first +
                                   "`, or correct the text if the act says otherwise");
      diag.notes.push_back({span_in_text(t, d.entry_at + stated->second, stated->first.size()),
                            "the text gives " + stated->first + " here"});
    }
    if (reconstructed_formula(c)) continue;  // a reconstructed formula may name parts the act does not
    for (std::size_t i = 0; i < names.size(); ++i)
      if (!in_text[i])
        diags.error("text-letter-missing", names[i].span,
                    "`" + names[i].name + "` of " + where + " is not among the letters its " + language(t.lang) +
                        " text defines",
                    "name it as the text does, or mark the formula `evidence formula reconstructed` if the act does "
                    "not define it");
  }
  if (!twins.empty()) {
    // "Cyrillic с (U+0441) where the code has Latin c (U+0063)", for each letter that differs.
    std::string pairs;
    std::size_t letters = 0;
    for (const auto& w : twins) {
      const std::u32string a = utf8_decode(w.text_letter), b = utf8_decode(w.code_name);
      for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (a[i] != b[i]) {
          pairs += (pairs.empty() ? "" : "; ") + describe_letter(a[i]) +
                   (a.size() > 1 ? " in `" + w.text_letter + "`" : std::string()) + " where the code has " +
                   describe_letter(b[i]);
          ++letters;
        }
    }
    Diagnostic d;
    d.severity = Severity::Note;
    d.code = "text-letter-twin";
    d.span = twins.front().at;
    d.message = "the legal text of " + where + " writes " + pairs + ": read as the same letter" +
                (letters == 1 ? "" : "s");
    diags.add(std::move(d));
  }
}

}  // namespace ereje::interp
