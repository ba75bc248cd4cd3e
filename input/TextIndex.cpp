// The text dictionaries of the loaded columns (TextIndex.hpp): hashing a value, and the open
// addressing that finds its code or gives it the next one.
#include "input/TextIndex.hpp"

#include <algorithm>

namespace ereje::input {

namespace {
// Short codes are the common case: loads of fixed size only (overlapping ones for the tail), a
// multiply-xorshift round per 8 bytes, then a full avalanche so that the slot bits depend on every
// byte. No call to memcpy or memcmp for a value of a few bytes. Also returns the first 8 bytes.
[[gnu::always_inline]] inline std::uint32_t hash_text(std::string_view s, std::uint64_t& head) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  head = head_of(s);
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull) ^ head;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  if (n > 8) {
    for (p += 8, n -= 8; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{p[i]} << (8 * i);
    h = (h ^ w) * 0x94D049BB133111EBull;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return static_cast<std::uint32_t>(h);
}

// A slot's tag: 24 bits of hash and the length (up to 255). Equal tags and heads mean equal values
// for values of up to 8 bytes; a longer one is compared in the dictionary.
std::uint32_t tag_of(std::uint32_t hash, std::size_t size) {
  return (hash & 0xFFFFFF00u) | static_cast<std::uint32_t>(std::min<std::size_t>(size, 255));
}
}  // namespace

template <class Found, class Empty>
std::int32_t TextIndex::probe(std::string_view text, const std::vector<std::string>& dictionary, Found&& found,
                              Empty&& empty) const {
  std::uint64_t head;
  const std::uint32_t h = hash_text(text, head);
  return probe_hashed(text, h, head, dictionary, found, empty);
}

template <class Found, class Empty>
std::int32_t TextIndex::probe_hashed(std::string_view text, std::uint32_t h, std::uint64_t head,
                                     const std::vector<std::string>& dictionary, Found&& found, Empty&& empty) const {
  const std::uint32_t tag = tag_of(h, text.size());
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.code == 0) return empty(i, head, tag);
    if (slot.tag != tag || slot.head != head) continue;
    if (text.size() <= 8 || same_text(dictionary[slot.code - 1], text)) return found(slot.code - 1);
  }
}

std::int32_t TextIndex::find(std::string_view text, const std::vector<std::string>& dictionary) const {
  if (indexed_ != dictionary.size()) {
    // A dictionary filled without the loader: found the slow way, but found.
    for (std::size_t i = 0; i < dictionary.size(); ++i)
      if (dictionary[i] == text) return static_cast<std::int32_t>(i);
    return -1;
  }
  if (slots_.empty()) return -1;
  return probe(
      text, dictionary, [](std::uint32_t code) { return static_cast<std::int32_t>(code); },
      [](std::size_t, std::uint64_t, std::uint32_t) { return std::int32_t{-1}; });
}

std::int32_t TextIndex::add(std::size_t slot, std::uint64_t head, std::uint32_t tag, std::string_view text,
                             std::vector<std::string>& dictionary) {
  const auto code = static_cast<std::uint32_t>(dictionary.size());
  slots_[slot] = Slot{head, tag, code + 1};
  dictionary.emplace_back(text);
  indexed_ = dictionary.size();
  return static_cast<std::int32_t>(code);
}

std::int32_t TextIndex::intern(std::string_view text, std::vector<std::string>& dictionary) {
  if ((dictionary.size() + 1) * 2 > slots_.size() || indexed_ != dictionary.size()) grow(dictionary);
  return probe(
      text, dictionary, [](std::uint32_t code) { return static_cast<std::int32_t>(code); },
      [&](std::size_t i, std::uint64_t head, std::uint32_t tag) { return add(i, head, tag, text, dictionary); });
}

void TextIndex::intern_batch(const std::string_view* texts, std::size_t n, std::int32_t* codes,
                             std::vector<std::string>& dictionary) {
  if (n == 0) return;
  if ((dictionary.size() + n) * 2 > slots_.size() || indexed_ != dictionary.size()) grow(dictionary, n);
  // The slots are not moved below: at most n values are added, and there is room for them.
  const std::size_t mask = slots_.size() - 1;
  constexpr std::size_t kChunk = 64;  // slots fetched ahead: 64 cache lines, well inside L1
  std::uint32_t hashes[kChunk];
  std::uint64_t heads[kChunk];
  for (std::size_t from = 0; from < n; from += kChunk) {
    const std::size_t m = std::min(kChunk, n - from);
    for (std::size_t j = 0; j < m; ++j) {
      hashes[j] = hash_text(texts[from + j], heads[j]);
      __builtin_prefetch(&slots_[hashes[j] & mask]);
    }
    for (std::size_t j = 0; j < m; ++j) {
      const std::string_view text = texts[from + j];
      codes[from + j] = probe_hashed(
          text, hashes[j], heads[j], dictionary, [](std::uint32_t code) { return static_cast<std::int32_t>(code); },
          [&](std::size_t i, std::uint64_t head, std::uint32_t tag) { return add(i, head, tag, text, dictionary); });
    }
  }
}

void TextIndex::grow(const std::vector<std::string>& dictionary, std::size_t extra) {
  std::size_t size = std::max<std::size_t>(64, slots_.size());
  while (size < (dictionary.size() + extra) * 2) size *= 2;
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (std::size_t c = 0; c < dictionary.size(); ++c) {
    std::uint64_t head;
    const std::uint32_t h = hash_text(dictionary[c], head);
    std::size_t i = h & mask;
    while (slots_[i].code != 0) i = (i + 1) & mask;
    slots_[i] = Slot{head, tag_of(h, dictionary[c].size()), static_cast<std::uint32_t>(c + 1)};
  }
  indexed_ = dictionary.size();
}

}  // namespace ereje::input
