#include "core/LookAlike.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <utility>

namespace ereje {
namespace {

// Cyrillic letters (Russian and Kazakh alphabets) and the Latin letters they are drawn like.
constexpr std::pair<char32_t, char32_t> kTwins[] = {
    {U'а', U'a'}, {U'е', U'e'}, {U'о', U'o'}, {U'р', U'p'}, {U'с', U'c'}, {U'у', U'y'}, {U'х', U'x'},
    {U'і', U'i'}, {U'һ', U'h'}, {U'ү', U'y'}, {U'А', U'A'}, {U'В', U'B'}, {U'Е', U'E'}, {U'К', U'K'},
    {U'М', U'M'}, {U'Н', U'H'}, {U'О', U'O'}, {U'Р', U'P'}, {U'С', U'C'}, {U'Т', U'T'}, {U'Х', U'X'},
    {U'І', U'I'}, {U'Һ', U'H'}, {U'Ү', U'Y'}, {U'ј', U'j'}, {U'ѕ', U's'}, {U'Ѕ', U'S'}, {U'Ј', U'J'},
};

char32_t twin(char32_t c) {
  for (const auto& [cyr, lat] : kTwins)
    if (cyr == c) return lat;
  return 0;
}

bool cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }
bool latin(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The code points of UTF-8 text; a byte that starts no valid sequence is kept as U+DC00 + byte (a
// lone surrogate, which no UTF-8 text holds), so that encode gives back the same bytes.
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
    char32_t c = extra == 1 ? b & 0x1F : extra == 2 ? b & 0x0F : extra == 3 ? b & 0x07 : b;
    bool ok = extra >= 0 && i + static_cast<std::size_t>(extra) < s.size();
    for (int k = 1; ok && k <= extra; ++k) {
      const auto cb = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      ok = (cb & 0xC0) == 0x80;
      c = (c << 6) | (cb & 0x3F);
    }
    if (!ok) {
      out += static_cast<char32_t>(0xDC00 + b);
      ++i;
      continue;
    }
    out += c;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

std::string encode(char32_t c) {
  std::string out;
  if (c >= 0xDC80 && c <= 0xDCFF) {
    out += static_cast<char>(c - 0xDC00);
  } else if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::u32string folded(const std::u32string& s) {
  std::u32string out = s;
  for (auto& c : out)
    if (char32_t t = twin(c)) c = t;
  return out;
}

}  // namespace

std::string fold_look_alikes(std::string_view name) {
  std::string out;
  for (char32_t c : folded(decode(name))) out += encode(c);
  return out;
}

std::string describe_letter(char32_t c) {
  const char* script = cyrillic(c) ? "Cyrillic" : latin(c) ? "Latin" : "the letter";
  return fmt::format("{} {} (U+{:04X})", script, encode(c), static_cast<std::uint32_t>(c));
}

std::optional<LookAlike> find_look_alike(std::string_view name, const std::vector<std::string>& candidates) {
  const std::u32string n = decode(name);
  const std::u32string key = folded(n);
  for (const auto& cand : candidates) {
    if (cand == name) continue;
    const std::u32string c = decode(cand);
    if (c.size() != n.size() || folded(c) != key) continue;
    for (std::size_t i = 0; i < n.size(); ++i)
      if (n[i] != c[i]) return LookAlike{cand, describe_letter(n[i]), describe_letter(c[i])};
  }
  return std::nullopt;
}

std::optional<std::string> mixed_script_letter(std::string_view name) {
  const std::u32string n = decode(name);
  std::size_t lat = 0, cyr = 0;
  for (char32_t c : n) {
    lat += latin(c);
    cyr += cyrillic(c);
  }
  if (lat == 0 || cyr == 0) return std::nullopt;
  const bool odd_is_cyrillic = cyr <= lat;
  for (char32_t c : n)
    if (odd_is_cyrillic ? cyrillic(c) : latin(c)) return describe_letter(c);
  return std::nullopt;
}

}  // namespace ereje
