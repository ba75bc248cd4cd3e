// The input of fuzz_pipeline: a whole case as one text, a rule set, a second rule set for `diff`,
// a data folder and the command-line values, each file a section headed by a line `@@ PATH`:
//
//   @@ args            as-of, agency, clause, run format, diff format, lang, from-date, flags (a line each)
//   @@ a/acts/x.ereje  the rule set (everything under a/)
//   @@ b/acts/x.ereje  the other rule set for `diff a b` (none: `diff a --from … --to …`)
//   @@ data/services.csv
//
// Text, so that a seed is written by hand and a finding is read as it is. The mutations know this
// structure: they change one file at a time, rows and fields of a table, numbers, dates and names
// of a rule file, and the values on the command line, besides libFuzzer's own byte mutations.
#pragma once
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace ereje::fuzz {

struct Section {
  std::string path;  // `args`, or a/…, b/…, data/…
  std::string text;
};

struct Bundle {
  std::vector<Section> sections;

  Section* find(std::string_view path) {
    for (auto& s : sections)
      if (s.path == path) return &s;
    return nullptr;
  }
};

inline Bundle parse_bundle(std::string_view in) {
  Bundle b;
  std::size_t pos = 0;
  // Text before the first header is ignored; a header is `@@ ` at the start of a line.
  if (in.substr(0, 3) != "@@ ") {
    pos = in.find("\n@@ ");
    if (pos == std::string_view::npos) return b;
    ++pos;
  }
  while (pos < in.size()) {
    std::size_t eol = in.find('\n', pos);
    std::string_view header = in.substr(pos + 3, (eol == std::string_view::npos ? in.size() : eol) - pos - 3);
    std::size_t start = eol == std::string_view::npos ? in.size() : eol + 1;
    std::size_t next = in.find("\n@@ ", start == 0 ? 0 : start - 1);
    std::size_t end = next == std::string_view::npos ? in.size() : next + 1;
    if (end < start) end = start;
    b.sections.push_back({std::string(header), std::string(in.substr(start, end - start))});
    pos = end;
  }
  return b;
}

inline std::string serialize(const Bundle& b) {
  std::string out;
  for (const auto& s : b.sections) {
    out += "@@ " + s.path + "\n" + s.text;
    if (!s.text.empty() && s.text.back() != '\n') out += '\n';
  }
  return out;
}

// A path the harness writes: a/, b/ or data/, then one to three names of letters, digits, `_`, `-`
// and `.` (not `.` or `..` alone). Anything else is left out of the case.
inline bool safe_path(std::string_view p) {
  std::size_t slash = p.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view root = p.substr(0, slash);
  if (root != "a" && root != "b" && root != "data") return false;
  int parts = 0;
  std::string_view rest = p.substr(slash + 1);
  while (true) {
    std::size_t s = rest.find('/');
    std::string_view name = rest.substr(0, s);
    if (name.empty() || name.size() > 64 || name == "." || name == "..") return false;
    for (char c : name)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
            c == '.'))
        return false;
    if (++parts > 3) return false;
    if (s == std::string_view::npos) return true;
    rest = rest.substr(s + 1);
  }
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    lines.push_back(text.substr(pos, eol - pos));
    pos = eol + 1;
  }
  return lines;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

inline std::vector<std::string> split_fields(const std::string& line, char sep = ',') {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == sep)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

inline std::string join_fields(const std::vector<std::string>& fields, char sep = ',') {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? std::string(1, sep) : std::string()) + fields[i];
  return out;
}

// Values at the edges of what data and command lines may hold.
inline const std::vector<std::string>& interesting_values() {
  static const std::vector<std::string> v = {
      "", "0", "-0", "1", "-1", "true", "false", "True", "1.5", "0.000000000000000000001",
      "99999999999999999999999999", "-99999999999999999999999999", "1e308", "2.5e315", "NaN", " 1", "1,5",
      "2023-01-01", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "10000-01-01", "03.08.2023",
      "none", "partial", "full", "\"a\"\"b\"", "\"a\nb\"", "37°36'37.8\"N", "Қазақстан", "Министерство",
      "\xEF\xBB\xBF", "\xFF\xFE", "a;b", "NULL", "null", "[]", "{}"};
  return v;
}

inline const std::vector<std::string>& interesting_dates() {
  static const std::vector<std::string> v = {"2023-01-01", "2023-07-01", "2024-01-01", "2024-02-29", "2023-02-29",
                                             "0001-01-01", "0000-01-01", "9999-12-31", "2100-01-01", "1999-12-31",
                                             "2023-1-1", "today", ""};
  return v;
}

class Mutator {
 public:
  // `byte_mutate(buffer, size, max)`: libFuzzer's own mutation of a buffer, in place.
  using ByteMutate = std::size_t (*)(std::uint8_t*, std::size_t, std::size_t);

  Mutator(unsigned seed, ByteMutate byte_mutate) : rng_(seed), byte_mutate_(byte_mutate) {}

  std::size_t pick(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  void mutate(Bundle& b, std::size_t max_size) {
    if (b.sections.empty()) return;
    switch (pick(12)) {
      case 0: case 1: case 2: case 3: bytes(b.sections[pick(b.sections.size())], max_size / 2); break;
      case 4: case 5: table(b); break;
      case 6: case 7: rule_file(b); break;
      case 8: args(b); break;
      case 9: files(b); break;
      case 10: to_json(b); break;
      default: rule_file(b); table(b); break;
    }
  }

  void bytes(Section& s, std::size_t max) {
    std::string t = s.text;
    const std::size_t cap = std::max<std::size_t>(t.size() + 64, 64);
    if (cap > max) return;
    t.resize(cap);
    std::size_t n = byte_mutate_(reinterpret_cast<std::uint8_t*>(t.data()), s.text.size(), cap);
    t.resize(n);
    s.text = std::move(t);
  }

  // Rows and fields of one table: rows repeated, dropped, swapped or cut, a field set to another
  // row's (a key twice, a parent that is another row, a body of another table) or to an edge value.
  void table(Bundle& b) {
    std::vector<Section*> data;
    for (auto& s : b.sections)
      if (s.path.rfind("data/", 0) == 0) data.push_back(&s);
    if (data.empty()) return;
    Section& s = *data[pick(data.size())];
    auto lines = split_lines(s.text);
    if (lines.empty()) return;
    const char sep = lines[0].find(';') != std::string::npos && lines[0].find(',') == std::string::npos ? ';' : ',';
    const std::size_t i = pick(lines.size()), k = pick(lines.size());
    switch (pick(8)) {
      case 0: lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), lines[k]); break;
      case 1: lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i)); break;
      case 2: std::swap(lines[i], lines[k]); break;
      case 3: lines.resize(i + 1); break;
      case 4: case 5: {
        auto fi = split_fields(lines[i], sep);
        auto fk = split_fields(lines[k], sep);
        fi[pick(fi.size())] = fk[pick(fk.size())];
        lines[i] = join_fields(fi, sep);
        break;
      }
      case 6: {
        auto fi = split_fields(lines[i], sep);
        fi[pick(fi.size())] = interesting_values()[pick(interesting_values().size())];
        lines[i] = join_fields(fi, sep);
        break;
      }
      default: {  // a body's code taken from the table of bodies into this table
        Section* bodies = b.find("data/agencies.csv");
        if (!bodies) return;
        auto bl = split_lines(bodies->text);
        if (bl.size() < 2) return;
        auto fi = split_fields(lines[i], sep);
        fi[0] = split_fields(bl[1 + pick(bl.size() - 1)])[0];
        lines[i] = join_fields(fi, sep);
      }
    }
    s.text = join_lines(lines);
  }

  // A rule file: a number, a date or a name replaced by another of the same file or an edge value;
  // a line repeated or dropped.
  void rule_file(Bundle& b) {
    std::vector<Section*> rules;
    for (auto& s : b.sections)
      if (s.path.rfind("a/", 0) == 0 || s.path.rfind("b/", 0) == 0) rules.push_back(&s);
    if (rules.empty()) return;
    Section& s = *rules[pick(rules.size())];
    auto lines = split_lines(s.text);
    if (lines.empty()) return;
    const std::size_t i = pick(lines.size());
    switch (pick(5)) {
      case 0: lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), lines[pick(lines.size())]); break;
      case 1: lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i)); break;
      default: {
        auto words = tokens(s.text);
        if (words.size() < 2) return;
        const auto& [at, len] = words[pick(words.size())];
        std::string with;
        if (pick(3) == 0) {
          static const std::vector<std::string> edge = {"0", "-1", "0.5", "100000000000000000000", "2024-02-29",
                                                        "9999-12-31", "0000-01-01", "true", "n/a", "count",
                                                        "(", ")", "/", "0 / 0", "not", "where", "rows"};
          with = edge[pick(edge.size())];
        } else {
          const auto& [at2, len2] = words[pick(words.size())];
          with = s.text.substr(at2, len2);
        }
        s.text = s.text.substr(0, at) + with + s.text.substr(at + len);
        return;
      }
    }
    s.text = join_lines(lines);
  }

  void args(Bundle& b) {
    Section* a = b.find("args");
    if (!a) {
      b.sections.insert(b.sections.begin(), Section{"args", ""});
      a = &b.sections.front();
    }
    auto lines = split_lines(a->text);
    lines.resize(std::max<std::size_t>(lines.size(), 8));
    const std::size_t which = pick(8);
    static const std::vector<std::vector<std::string>> choices = {
        interesting_dates(),
        {"MF", "MJ", "A1", "", "НЕТ", "mf"},
        {"49", "52", "114", "53", "049", "0", "999999999999", "x"},
        {"csv", "json", "table", "xlsx", "pdf"},
        {"text", "markdown", "json", "html", "xlsx", "csv"},
        {"en", "kk", "ru", "fr"},
        interesting_dates(),
        {"", "r", "j", "rj"}};
    const auto& c = choices[which];
    lines[which] = c[pick(c.size())];
    if (which == 1) {  // a real body's code, most of the time
      if (Section* bodies = b.find("data/agencies.csv"); bodies && pick(2) == 0) {
        auto bl = split_lines(bodies->text);
        if (bl.size() >= 2) lines[1] = split_fields(bl[1 + pick(bl.size() - 1)])[0];
      }
    }
    a->text = join_lines(lines);
  }

  // Whole files: one dropped, one rule file copied into the other rule set (for `diff`), a table
  // emptied to its header.
  void files(Bundle& b) {
    Section& s = b.sections[pick(b.sections.size())];
    switch (pick(3)) {
      case 0:
        if (s.path != "args") b.sections.erase(b.sections.begin() + (&s - b.sections.data()));
        break;
      case 1:
        if (s.path.rfind("a/", 0) == 0) {
          std::string to = "b/" + s.path.substr(2);
          if (Section* there = b.find(to))
            there->text = s.text;
          else
            b.sections.push_back({to, s.text});
        }
        break;
      default:
        if (s.path.rfind("data/", 0) == 0) s.text = s.text.substr(0, s.text.find('\n') + 1);
    }
  }

  // A CSV table rewritten as JSON (an array of objects; `true`, `false` and numbers unquoted).
  void to_json(Bundle& b) {
    std::vector<Section*> csv;
    for (auto& s : b.sections)
      if (s.path.rfind("data/", 0) == 0 && s.path.size() > 4 && s.path.substr(s.path.size() - 4) == ".csv")
        csv.push_back(&s);
    if (csv.empty()) return;
    Section& s = *csv[pick(csv.size())];
    auto lines = split_lines(s.text);
    if (lines.empty()) return;
    auto header = split_fields(lines[0]);
    std::string out = "[";
    for (std::size_t r = 1; r < lines.size(); ++r) {
      auto f = split_fields(lines[r]);
      out += r > 1 ? ",\n{" : "\n{";
      for (std::size_t c = 0; c < header.size() && c < f.size(); ++c) {
        out += (c ? ", \"" : "\"") + escaped(header[c]) + "\": ";
        const bool bare = f[c] == "true" || f[c] == "false" ||
                          (!f[c].empty() && f[c].find_first_not_of("0123456789") == std::string::npos && pick(2));
        out += bare ? f[c] : "\"" + escaped(f[c]) + "\"";
      }
      out += "}";
    }
    out += "\n]\n";
    s.path = s.path.substr(0, s.path.size() - 4) + ".json";
    s.text = out;
  }

  // One section of each path, taken from either bundle.
  Bundle cross(const Bundle& x, const Bundle& y) {
    Bundle out;
    for (const auto& s : x.sections) {
      bool in_y = false;
      for (const auto& t : y.sections)
        if (t.path == s.path) {
          in_y = true;
          out.sections.push_back(pick(2) ? s : t);
        }
      if (!in_y && pick(4)) out.sections.push_back(s);
    }
    for (const auto& t : y.sections) {
      bool in_x = false;
      for (const auto& s : x.sections) in_x |= s.path == t.path;
      if (!in_x && pick(2)) out.sections.push_back(t);
    }
    return out;
  }

 private:
  static std::string escaped(const std::string& v) {
    std::string out;
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') {
        out += "\\n";
        continue;
      }
      out += c;
    }
    return out;
  }

  // Words (names, keywords), numbers and dates of a rule file, as (offset, length).
  static std::vector<std::pair<std::size_t, std::size_t>> tokens(const std::string& t) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    auto word = [](unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_' || c == '-' || c == '.'; };
    while (i < t.size()) {
      if (!word(static_cast<unsigned char>(t[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < t.size() && word(static_cast<unsigned char>(t[j]))) ++j;
      out.emplace_back(i, j - i);
      i = j;
    }
    return out;
  }

  std::minstd_rand rng_;
  ByteMutate byte_mutate_;
};

}  // namespace ereje::fuzz
