// The text dictionaries of the loaded columns (TextIndex.hpp): hashing a value, and the open
// addressing that finds its code or gives it the next one.
#include "input/TextIndex.hpp"

#include <algorithm>
#include <chrono>
#include <random>

namespace ereje::input {

namespace {
// Short codes are the common case: loads of fixed size only (overlapping ones for the tail), no
// call to memcpy or memcmp for a value of a few bytes. Also returns the first 8 bytes.
// A value of up to 8 bytes is its head (the length is in the slot's tag, so `A` and `A\0` may
// share a hash but never a slot's match): the head with the key, times the key's odd multiplier,
// as a 128-bit product whose halves are added bitwise, then once more multiplied (mix), so that
// every bit of the slot number and of the tag depends on every bit of the head and of the key (a
// plain 64-bit multiply carries only upwards: values differing in their last bytes would share
// their low bits). A longer value: a multiply-xorshift round per 8 bytes from the key, then the
// same.
__extension__ using u128 = unsigned __int128;  // GCC's 128-bit integers (not ISO C++: hence the mark)
// The key's multiplier: odd, and never far from a golden-ratio one.
constexpr std::uint64_t multiplier(std::uint64_t seed) { return (seed >> 1) | 0x9E3779B97F4A7C15ull; }
// The product's halves folded, then multiplied once more and the top 32 bits taken: the low bits
// of a product depend only on the low bits of its factors, and codes that share their first bytes
// (`S0001`, `S0001-01`) differ only in their high bytes. Taking the folded halves' low bits
// instead gave about one key in eight a long run of slots on the benchmark's 13,753 service codes
// (an average of 9 to 80 probes a lookup, runs of up to 1,500 slots; a run of `run` 1.49 -> 2.32 G
// instructions); with the last multiply, 1.35 to 1.39 on every one of 360 keys tried.
[[gnu::always_inline]] inline std::uint32_t mix(std::uint64_t x, std::uint64_t seed, std::uint64_t mul) {
  const u128 p = static_cast<u128>(x ^ seed) * mul;
  const std::uint64_t h = (static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64)) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::uint32_t>(h >> 32);
}
[[gnu::always_inline]] inline std::uint32_t hash_text(std::string_view s, std::uint64_t& head, std::uint64_t seed) {
  const std::uint64_t mul = multiplier(seed);  // hoisted out of a loop whose seed is a local
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  head = head_of(s);
  if (n <= 8) return mix(head, seed, mul);
  std::uint64_t h = seed ^ (n * 0xFF51AFD7ED558CCDull) ^ head;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  for (p += 8, n -= 8; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{p[i]} << (8 * i);
  return mix(h ^ (w * 0x94D049BB133111EBull), seed, mul);
}

// A slot's tag: 23 bits of hash, a bit always set and the length (up to 255). Equal tags and heads
// mean equal values for values of up to 8 bytes; a longer one is compared in the dictionary. Never
// 0, even for an empty value: an empty slot's tag is 0, so a matching tag is never an empty slot.
std::uint32_t tag_of(std::uint32_t hash, std::size_t size) {
  return (hash & 0xFFFFFE00u) | 0x100u | static_cast<std::uint32_t>(std::min<std::size_t>(size, 255));
}
}  // namespace

template <class Found, class Empty>
std::int32_t TextIndex::probe(std::string_view text, const std::vector<std::string>& dictionary, Found&& found,
                              Empty&& empty) const {
  std::uint64_t head;
  const std::uint32_t h = hash_text(text, head, seed_);
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

std::uint64_t TextIndex::hash_seed() {
  static const std::uint64_t seed = [] {
    std::uint64_t s = 0;
    try {
      std::random_device rd;
      s = (std::uint64_t{rd()} << 32) ^ rd();
    } catch (...) {  // no source of randomness: the clock and where the stack is still differ per run
    }
    int here = 0;
    s ^= static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) * 0x9E3779B97F4A7C15ull;
    s ^= reinterpret_cast<std::uintptr_t>(&here);
    return s;
  }();
  return seed;
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
  std::uint64_t head;
  const std::uint32_t h = hash_text(text, head, seed_);
  const std::size_t home = h & (slots_.size() - 1);
  return probe_hashed(
      text, h, head, dictionary, [](std::uint32_t code) { return static_cast<std::int32_t>(code); },
      [&](std::size_t i, std::uint64_t hd, std::uint32_t tag) {
        longest_ = std::max(longest_, ((i - home) & (slots_.size() - 1)) + 1);
        return add(i, hd, tag, text, dictionary);
      });
}

void TextIndex::intern_batch(const std::string_view* texts, std::size_t n, std::int32_t* codes,
                             std::vector<std::string>& dictionary) {
  if (n == 0) return;
  if ((dictionary.size() + n) * 2 > slots_.size() || indexed_ != dictionary.size()) grow(dictionary, n);
  // The slots are not moved below: at most n values are added, and there is room for them.
  Slot* const slots = slots_.data();
  const std::size_t mask = slots_.size() - 1;
  constexpr std::size_t kChunk = 64;  // slots fetched ahead: 64 cache lines, well inside L1
  std::uint32_t at[kChunk], tags[kChunk];
  std::uint64_t heads[kChunk];
  std::size_t longest = std::max<std::size_t>(longest_, 1);
  const std::uint64_t seed = seed_;  // a local: add() writes memory
  for (std::size_t from = 0; from < n; from += kChunk) {
    const std::size_t m = std::min(kChunk, n - from);
    const std::string_view* const chunk = texts + from;
    for (std::size_t j = 0; j < m; ++j) {
      const std::uint32_t h = hash_text(chunk[j], heads[j], seed);
      at[j] = static_cast<std::uint32_t>(h & mask);
      tags[j] = tag_of(h, chunk[j].size());
      __builtin_prefetch(slots + at[j]);
    }
    // A slot's tag is never 0 but when it is empty (no value has length 0): a matching tag is
    // tested first, the empty slot only after.
    for (std::size_t j = 0; j < m; ++j) {
      const std::string_view text = chunk[j];
      const std::uint32_t tag = tags[j];
      const std::uint64_t head = heads[j];
      auto matches = [&](const Slot& slot) {
        return slot.tag == tag && slot.head == head && (text.size() <= 8 || same_text(dictionary[slot.code - 1], text));
      };
      std::size_t i = at[j];
      if (matches(slots[i])) {  // most values: found in their own slot
        codes[from + j] = static_cast<std::int32_t>(slots[i].code - 1);
        continue;
      }
      std::int32_t code;
      for (std::size_t probes = 1;; ++probes) {
        if (slots[i].code == 0) {
          code = add(i, head, tag, text, dictionary);
          longest = std::max(longest, probes);
          break;
        }
        i = (i + 1) & mask;
        if (matches(slots[i])) {
          code = static_cast<std::int32_t>(slots[i].code - 1);
          longest = std::max(longest, probes + 1);
          break;
        }
      }
      codes[from + j] = code;
    }
  }
  longest_ = longest;
}

void TextIndex::grow(const std::vector<std::string>& dictionary, std::size_t extra) {
  std::size_t size = std::max<std::size_t>(64, slots_.size());
  while (size < (dictionary.size() + extra) * 2) size *= 2;
  slots_.assign(size, Slot{});
  longest_ = 0;
  const std::size_t mask = size - 1;
  for (std::size_t c = 0; c < dictionary.size(); ++c) {
    std::uint64_t head;
    const std::uint32_t h = hash_text(dictionary[c], head, seed_);
    std::size_t i = h & mask;
    while (slots_[i].code != 0) i = (i + 1) & mask;
    slots_[i] = Slot{head, tag_of(h, dictionary[c].size()), static_cast<std::uint32_t>(c + 1)};
  }
  indexed_ = dictionary.size();
}

}  // namespace ereje::input
