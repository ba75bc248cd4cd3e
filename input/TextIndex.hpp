// The text dictionaries of the loaded columns: TextIndex finds a value's code while the loader
// interns millions of fields, and when a clause compares a column with a text (Column::code_of).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace ereje::input {

// Text only: dictionary value -> code in O(1), so that code_of and the loader stay fast on millions
// of rows. Open addressing over 16-byte slots that hold a value's hash, length and first 8 bytes:
// a lookup of a code of up to 8 bytes (most codes) reads one slot and nothing else; a longer one
// also reads its dictionary entry. A node-based map costs several times the memory and two or three
// cache misses more per lookup.
class TextIndex {
 public:
  TextIndex() = default;
  // For tests: the hash keyed with `key` rather than the process's key (hash_seed).
  explicit TextIndex(std::uint64_t key) : seed_(key) {}
  // Code of `text` in `dictionary`, or -1.
  std::int32_t find(std::string_view text, const std::vector<std::string>& dictionary) const;
  // Code of `text`, appended to `dictionary` when new.
  std::int32_t intern(std::string_view text, std::vector<std::string>& dictionary);
  // The codes of n texts at once, as n calls of intern in that order would give them (the same
  // codes, the same dictionary): all n hashed and their slots fetched from memory before the first
  // is looked up, so that the cache misses of a large dictionary overlap instead of following one
  // another. For a key column (a new code on most rows) of tens of thousands of values.
  void intern_batch(const std::string_view* texts, std::size_t n, std::int32_t* codes,
                    std::vector<std::string>& dictionary);
  // For tests: the longest run of slots read to find or place a value (intern_batch; intern where
  // it adds one) since the slots were last rebuilt; 1 when every value had its own slot.
  std::size_t longest_probe() const { return longest_; }

 private:
  struct Slot {
    std::uint64_t head = 0;  // the value's first 8 bytes, zero-padded
    std::uint32_t tag = 0;   // hash bits and length (see TextIndex.cpp)
    std::uint32_t code = 0;  // code + 1; 0 when the slot is empty
  };
  template <class Found, class Empty>
  std::int32_t probe(std::string_view text, const std::vector<std::string>& dictionary, Found&&, Empty&&) const;
  template <class Found, class Empty>
  std::int32_t probe_hashed(std::string_view text, std::uint32_t h, std::uint64_t head,
                            const std::vector<std::string>& dictionary, Found&&, Empty&&) const;
  // `text` as the next code, in empty slot `slot`.
  std::int32_t add(std::size_t slot, std::uint64_t head, std::uint32_t tag, std::string_view text,
                   std::vector<std::string>& dictionary);
  // Slots for the dictionary and `extra` more values, at most half full.
  void grow(const std::vector<std::string>& dictionary, std::size_t extra = 1);
  std::vector<Slot> slots_;  // size a power of two, at most half full
  std::size_t indexed_ = 0;  // dictionary entries in the slots
  std::size_t longest_ = 0;  // longest_probe()
  // The hash's key, drawn once a process (hash_seed): which values share a slot cannot be known
  // in advance, so a data file cannot be made to put thousands of its codes in one slot's run.
  std::uint64_t seed_ = hash_seed();
  static std::uint64_t hash_seed();
};

// The first 8 bytes of a value, zero-padded: with the length, a value of up to 8 bytes whole.
// Lengths 4 to 8 (most codes: `S0020`, `S0959-01`) take one path with no branch on the length, two
// overlapping 4-byte loads; a length that varies from row to row between 5 and 8 is then no
// misprediction.
[[gnu::always_inline]] inline std::uint64_t head_of(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::uint64_t head = 0;
  if (n - 4 <= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    // The overlapping high word shifted into place: bytes 4..n-1 end up at 4..n-1 (for n = 8,
    // hi is bytes 4..7 whole).
    head = lo | ((std::uint64_t{hi} << ((n - 4) * 8)) & ~std::uint64_t{0xFFFFFFFF});
  } else if (n > 8) {
    std::memcpy(&head, p, 8);
  } else {
    for (std::size_t i = 0; i < n; ++i) head |= std::uint64_t{p[i]} << (8 * i);
  }
  return head;
}

// Equal bytes, compared in a loop with no call: a code is a few bytes long.
inline bool same_text(const std::string& a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < b.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace ereje::input
