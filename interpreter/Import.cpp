#include "interpreter/Import.hpp"

#include <algorithm>
#include <fmt/format.h>

#include <optional>

#include "core/LookAlike.hpp"
#include "interpreter/LegalText.hpp"

namespace ereje::interp {
namespace {

bool space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// The text on one line: every run of blanks and line breaks one space (published acts break lines
// anywhere, inside words' phrases too). A no-break space (U+00A0) is a space.
std::string flatten(std::string_view t) {
  std::string out;
  bool blank = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    const bool nbsp = c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0;
    if (space(c) || nbsp || c < 0x20 || c == 0x7F) {  // other control characters too: never in a rule's text
      blank = true;
      i += nbsp;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += t[i];
  }
  return out;
}

// A paragraph number (49, 49-1) that ends just before `end` (blanks skipped), or empty.
std::string number_before(const std::string& s, std::size_t end) {
  while (end > 0 && s[end - 1] == ' ') --end;
  std::size_t b = end;
  while (b > 0 && (digit(s[b - 1]) || (s[b - 1] == '-' && b >= 2 && digit(s[b - 2]) && b < end))) --b;
  while (b < end && s[b] == '-') ++b;
  return s.substr(b, end - b);
}

// A paragraph number that starts at `from` (blanks and a colon skipped), or empty.
std::string number_after(const std::string& s, std::size_t from) {
  while (from < s.size() && (s[from] == ' ' || s[from] == ':')) ++from;
  std::size_t e = from;
  while (e < s.size() && (digit(s[e]) || (s[e] == '-' && e + 1 < s.size() && digit(s[e + 1]) && e > from))) ++e;
  return s.substr(from, e - from);
}

// The paragraph number written as "N-тармақ…" within `window` bytes before `at`, or empty.
std::string tarmak_before(const std::string& s, std::size_t at, std::size_t window) {
  const std::size_t from = at > window ? at - window : 0;
  const std::size_t k = s.rfind("-тармақ", at);
  const std::size_t g = s.rfind("-тармағ", at);
  std::size_t found = std::string::npos;
  for (std::size_t x : {k, g})
    if (x != std::string::npos && x >= from && (found == std::string::npos || x > found)) found = x;
  return found == std::string::npos ? std::string() : number_before(s, found);
}

// The quoted wording that starts at the first `"` at or after `from`: up to the `"` followed by `;`
// or `.` (or the end), so that quotes inside it (an indicator's name) stay in it. The end position
// is set past the closing quote.
std::optional<std::string> wording_after(const std::string& s, std::size_t from, std::size_t& end) {
  const std::size_t open = s.find('"', from);
  if (open == std::string::npos || open > from + 200) return std::nullopt;
  for (std::size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] != '"') continue;
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (next == ';' || next == '.' || next == '\0') {
      end = i + 1;
      std::string w = s.substr(open + 1, i - open - 1);
      while (!w.empty() && w.back() == ' ') w.pop_back();
      return w;
    }
  }
  return std::nullopt;
}

// The quoted phrase whose opening quote is the first at or after `from`: up to the next `"`.
std::optional<std::pair<std::string, std::size_t>> quoted(const std::string& s, std::size_t from, std::size_t until) {
  const std::size_t open = s.find('"', from);
  if (open == std::string::npos || open >= until) return std::nullopt;
  const std::size_t close = s.find('"', open + 1);
  if (close == std::string::npos || close >= until) return std::nullopt;
  return std::pair{s.substr(open + 1, close - open - 1), close + 1};
}

std::string escaped(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A month by the stem of its Kazakh or Russian name (шілдеде, июля), 0 for none.
int month_of(std::string_view word) {
  static const std::pair<const char*, int> kStems[] = {
      {"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6}, {"шілде", 7},
      {"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11}, {"желтоқсан", 12}, {"январ", 1},
      {"феврал", 2}, {"март", 3}, {"апрел", 4}, {"мая", 5}, {"июн", 6}, {"июл", 7}, {"август", 8},
      {"сентябр", 9}, {"октябр", 10}, {"ноябр", 11}, {"декабр", 12}};
  for (const auto& [stem, m] : kStems)
    if (word.substr(0, std::string_view(stem).size()) == stem) return m;
  return 0;
}

// "2023 жылғы 24 шілдеде" (kk) or "24 июля 2023 года" (ru) ending before `end`, as YYYY-MM-DD.
std::string date_before(const std::string& s, std::size_t end, const std::string& lang) {
  const std::size_t from = end > 80 ? end - 80 : 0;
  std::string seg = s.substr(from, end - from);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < seg.size();) {
    std::size_t e = seg.find(' ', i);
    if (e == std::string::npos) e = seg.size();
    if (e > i) words.push_back(seg.substr(i, e - i));
    i = e + 1;
  }
  auto num = [](const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), digit) && w.size() <= 4 ? std::stoi(w) : -1;
  };
  for (std::size_t i = words.size(); i-- > 0;) {
    int y = -1, d = -1, m = 0;
    if (lang == "kk" && i + 2 < words.size() && words[i + 1].rfind("жыл", 0) == 0) {
      y = num(words[i]), d = num(words[i + 2]);
      m = i + 3 < words.size() ? month_of(words[i + 3]) : 0;
    } else if (lang == "ru" && i + 2 < words.size()) {
      d = num(words[i]), m = month_of(words[i + 1]), y = num(words[i + 2]);
    }
    if (y >= 1000 && d >= 1 && d <= 31 && m >= 1) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  }
  return {};
}

struct Letter {
  std::string name, description, value;  // value: a coefficient's as the text states it
  bool coefficient = false;
};

std::vector<Letter> letters_of(const std::string& wording) {
  std::vector<Letter> out;
  for (const auto& d : defined_letters(wording)) {
    Letter l;
    l.name = fold_look_alikes(d.name);  // the act's Cyrillic `с` is the code's Latin `c`
    std::string_view e = d.entry;
    const std::size_t dash = e.find(' ', d.at - d.entry_at + d.name.size());
    std::string desc(dash == std::string_view::npos ? std::string_view{} : e.substr(dash + 1));
    for (std::string_view lead : {"– ", "— ", "- "})
      if (desc.rfind(lead, 0) == 0) desc.erase(0, lead.size());
    while (!desc.empty() && (desc.back() == '.' || desc.back() == ' ' || desc.back() == '"')) desc.pop_back();
    l.description = desc;
    l.coefficient = desc.find("коэффициент") != std::string::npos || desc.find("coefficient") != std::string::npos;
    if (l.coefficient)
      if (auto v = stated_value(e)) l.value = v->first;
    out.push_back(std::move(l));
  }
  return out;
}

struct Operation {
  enum Kind { Replace, Repeal, Insert, Words } kind;
  std::size_t at = 0;
  std::string number, wording, from_words, to_words;
};

// The name a wording gives its indicator: the first quoted phrase after "N. ", or empty.
std::string indicator_name(const std::string& wording) {
  const std::size_t open = wording.find('"');
  if (open == std::string::npos || open > 120) return {};
  const std::size_t close = wording.find('"', open + 1);
  return close == std::string::npos ? std::string() : wording.substr(open + 1, close - open - 1);
}

std::vector<Operation> operations(const std::string& s, const std::string& lang) {
  std::vector<Operation> ops;
  auto each = [&](std::string_view phrase, auto&& fn) {
    for (std::size_t p = s.find(phrase); p != std::string::npos; p = s.find(phrase, p + phrase.size()))
      fn(p, p + phrase.size());
  };
  if (lang == "kk") {
    each("мынадай редакцияда жазылсын", [&](std::size_t p, std::size_t e) {
      std::string n = tarmak_before(s, p, 40);
      std::size_t after = e;
      if (n.empty()) {  // "жазылсын:49-тармақ": the number after the phrase
        n = number_after(s, e);
        const std::size_t t = s.find("-тармақ", e);
        if (!n.empty() && t != std::string::npos && t < e + 16) after = t + std::string("-тармақ").size();
      }
      std::size_t end = 0;
      if (auto w = wording_after(s, after, end)) ops.push_back({Operation::Replace, p, n, *w, {}, {}});
    });
    each("алып тасталсын", [&](std::size_t p, std::size_t) {
      if (std::string n = tarmak_before(s, p, 40); !n.empty()) ops.push_back({Operation::Repeal, p, n, {}, {}, {}});
    });
    each("толықтырылсын", [&](std::size_t p, std::size_t e) {
      std::string n = tarmak_before(s, p, 60);
      std::size_t end = 0;
      if (!n.empty())
        if (auto w = wording_after(s, e, end)) ops.push_back({Operation::Insert, p, n, *w, {}, {}});
    });
    each("деген сөздермен ауыстырылсын", [&](std::size_t p, std::size_t) {
      const std::size_t t = s.rfind("-тармақ", p);
      if (t == std::string::npos || p - t > 4000) return;
      auto from = quoted(s, t, p);
      auto to = from ? quoted(s, from->second, p) : std::nullopt;
      if (to) ops.push_back({Operation::Words, p, number_before(s, t), {}, from->first, to->first});
    });
  } else {
    each("изложить в следующей редакции", [&](std::size_t p, std::size_t e) {
      const std::size_t k = s.rfind("пункт ", p);
      if (k == std::string::npos || p - k > 40) return;
      std::size_t end = 0;
      if (auto w = wording_after(s, e, end))
        ops.push_back({Operation::Replace, p, number_after(s, k + std::string("пункт ").size()), *w, {}, {}});
    });
    each("исключить", [&](std::size_t p, std::size_t) {
      const std::size_t k = s.rfind("пункт ", p);
      if (k == std::string::npos || p - k > 30) return;
      if (std::string n = number_after(s, k + std::string("пункт ").size()); !n.empty())
        ops.push_back({Operation::Repeal, p, n, {}, {}, {}});
    });
    each("дополнить пунктом ", [&](std::size_t p, std::size_t e) {
      std::string n = number_after(s, e);
      const std::size_t c = s.find("содержания", e);
      std::size_t end = 0;
      if (!n.empty() && c != std::string::npos && c < e + 60)
        if (auto w = wording_after(s, c, end)) ops.push_back({Operation::Insert, p, n, *w, {}, {}});
    });
    each("заменить словами", [&](std::size_t p, std::size_t e) {
      const std::size_t k = s.rfind("пункте ", p);
      if (k == std::string::npos || p - k > 4000) return;
      auto from = quoted(s, k, p);
      auto to = quoted(s, e, e + 4000);
      if (from && to)
        ops.push_back({Operation::Words, p, number_after(s, k + std::string("пункте ").size()), {}, from->first, to->first});
    });
  }
  std::sort(ops.begin(), ops.end(), [](const Operation& a, const Operation& b) { return a.at < b.at; });
  ops.erase(std::remove_if(ops.begin(), ops.end(), [](const Operation& op) { return op.number.empty(); }), ops.end());
  return ops;
}

std::string clause_text(const Operation& op, const std::string& lang) {
  std::string out;
  if (op.kind == Operation::Repeal)
    return fmt::format("repeals {} \"the act repeals paragraph {}\"\n\n", op.number, op.number);
  const std::string name = indicator_name(op.wording);
  out += fmt::format("clause {}{}\n", op.number, name.empty() ? "" : " \"" + escaped(name) + "\"");
  if (!name.empty()) out += fmt::format("  title {} \"{}\"\n", lang, escaped(name));
  if (op.kind == Operation::Words) {
    // Only the words change: an amendment of the version in force, which keeps its formula and
    // tests (docs/language.md, "Amending one item"); `check` says if the words are not in its text.
    out += fmt::format("  text {} replace \"{}\" with \"{}\"\n", lang, escaped(op.from_words), escaped(op.to_words));
    out += fmt::format("  amends {}\n", op.number);
    out += "  evidence text official\n";
    return out + "end\n\n";
  }
  out += fmt::format("  text {} \"{}\"\n", lang, escaped(op.wording));
  if (op.kind == Operation::Replace) out += fmt::format("  replaces {}\n", op.number);
  const auto letters = letters_of(op.wording);
  out += letters.empty() ? "  evidence text official, formula not_on_file\n"
                         : "  evidence text official, variables official, formula not_on_file\n";
  if (!letters.empty()) {
    out += "  // The formula is not on file (the published text gives it as an image): write each\n"
           "  // `not_on_file` from the act, with the result's range.\n";
    for (std::size_t i = 1; i < letters.size(); ++i) {
      const Letter& l = letters[i];
      if (l.coefficient)
        out += fmt::format("  coefficient {} = {} \"{}\"\n", l.name, l.value.empty() ? "not_on_file" : l.value,
                           escaped(l.description));
      else
        out += fmt::format("  let {} = not_on_file \"{}\"\n", l.name, escaped(l.description));
    }
    out += fmt::format("  result {} = not_on_file \"{}\"\n", letters[0].name, escaped(letters[0].description));
  }
  return out + "end\n\n";
}

}  // namespace

ImportedAct import_act(std::string_view text, const std::string& lang) {
  ImportedAct out;
  const std::string s = flatten(text);
  // The act's own registration, and the act it amends.
  std::string date, amends;
  if (lang == "kk") {
    if (const std::size_t p = s.find("болып тіркелді"); p != std::string::npos) {
      out.id = number_before(s, p);
      const std::size_t sign = s.rfind("№", p);
      if (sign != std::string::npos && p - sign < 24) date = date_before(s, sign, lang);
    }
    if (const std::size_t p = s.find("болып тіркелген"); p != std::string::npos) amends = number_before(s, p);
  } else {
    if (const std::size_t p = s.find("Министерстве юстиции"); p != std::string::npos) {
      const std::size_t sign = s.find("№", p);
      if (sign != std::string::npos && sign - p < 160) {
        out.id = number_after(s, sign + std::string("№").size());
        date = date_before(s, sign, lang);
      }
    }
    if (const std::size_t p = s.find("Реестре"); p != std::string::npos)
      if (const std::size_t sign = s.find("№", p); sign != std::string::npos && sign - p < 200)
        amends = number_after(s, sign + std::string("№").size());
  }
  // The title: the first paragraph of the text, as published.
  std::string_view first = text.substr(0, text.find("\n\n", text.find_first_not_of(" \t\r\n")));
  std::string title = flatten(first);
  if (title.size() > 400) {
    std::size_t cut = 400;
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
    title = title.substr(0, cut) + "…";
  }

  std::string r = fmt::format("// Imported by `ereje import` from the published {} text of act {}. What the text\n"
                              "// does not give is marked `not_on_file`: `ereje check` lists what is left to write.\n",
                              lang == "kk" ? "Kazakh" : "Russian", out.id.empty() ? "(number not found)" : out.id);
  r += fmt::format("act \"{}\" \"{}\"\n", escaped(out.id.empty() ? "NUMBER" : out.id), escaped(title));
  if (!date.empty())
    r += fmt::format("  in_force {} \"the registration date; the act takes effect as it says (e.g. on its first "
                     "official publication): to verify\"\n",
                     date);
  else
    out.notes.push_back("no registration date found: add `in_force YYYY-MM-DD` to the act");
  if (!amends.empty()) r += fmt::format("  amends \"{}\"\n", amends);
  if (out.id.empty()) out.notes.push_back("no registration number found: replace NUMBER in the act header");
  r += "\n";
  for (const auto& op : operations(s, lang)) {
    r += clause_text(op, lang);
    ++out.operations;
  }
  if (out.operations == 0)
    out.notes.push_back(lang == "kk" ? "no paragraph changed in the standard phrasing (мынадай редакцияда жазылсын, алып "
                                       "тасталсын, толықтырылсын, … деген сөздермен ауыстырылсын)"
                                     : "no paragraph changed in the standard phrasing (изложить в следующей редакции, "
                                       "исключить, дополнить пунктом, заменить словами)");
  out.rules = std::move(r);
  return out;
}

}  // namespace ereje::interp
