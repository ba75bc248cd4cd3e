// The values of one loaded column, one per row: 32-bit codes; one byte a row for a column of a few
// values (true/false, an enum of at most 127 values, derived ones included); two bytes a row for a
// text column while its dictionary has at most 65,535 values. A run writes each large column once
// into fresh memory, and on a virtual machine the kernel's clearing of fresh pages is a large part
// of a run (bench/README.md): a byte where four would hold nothing more is a quarter of those
// pages. Readers see the same 32-bit code whatever the width (operator[]); the loops over
// whole columns take the raw storage of the width they find (wide(), halves() or bytes()).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "input/LargeVector.hpp"
#include "input/Schema.hpp"

namespace ereje::input {

// The missing value ("empty means missing") in every column encoding, as a 32-bit code.
inline constexpr std::int32_t kMissing = std::numeric_limits<std::int32_t>::min();

class ColumnValues {
 public:
  // The missing value of a one-byte column.
  static constexpr std::int8_t kMissingByte = std::numeric_limits<std::int8_t>::min();
  // The missing value of a two-byte column, and the largest code one holds.
  static constexpr std::uint16_t kMissingHalf = 0xFFFF;
  static constexpr std::int32_t kMaxHalf = 0xFFFE;
  // Whether a column of this type keeps one byte a row: its codes are 0 .. 126 (booleans 0 and 1).
  static bool narrow_for(const ColumnSchema& c) {
    return c.type == ColumnType::Bool || (c.type == ColumnType::Enum && c.enum_values.size() <= 127);
  }
  // The width (bytes a row) a column of this type starts with: text starts at two bytes and is
  // widened when a code above kMaxHalf comes (widen()).
  static int width_for(const ColumnSchema& c) { return narrow_for(c) ? 1 : c.type == ColumnType::Text ? 2 : 4; }

  // The width, chosen before the first value is stored: 1, 2 or 4 bytes a row.
  void set_width(int width) {
    if (width != 1 && width != 2 && width != 4) throw std::logic_error("ColumnValues: a width of 1, 2 or 4 bytes");
    if (size() != 0 && width != width_) throw std::logic_error("ColumnValues: the width of a filled column changed");
    width_ = width;
  }
  void set_narrow(bool narrow) { set_width(narrow ? 1 : 4); }
  int width() const { return width_; }
  bool narrow() const { return width_ == 1; }
  bool half() const { return width_ == 2; }

  std::size_t size() const { return width_ == 1 ? bytes_.size() : width_ == 2 ? halves_.size() : wide_.size(); }
  bool empty() const { return size() == 0; }

  // Row r's code, kMissing when missing.
  std::int32_t operator[](std::size_t r) const {
    if (width_ == 2) {
      const std::uint16_t h = halves_[r];
      return h == kMissingHalf ? kMissing : static_cast<std::int32_t>(h);
    }
    if (width_ == 1) {
      const std::int8_t b = bytes_[r];
      return b == kMissingByte ? kMissing : b;
    }
    return wide_[r];
  }
  // Sets row r; a two-byte column is widened first when `v` does not fit (never while other
  // threads write into the column: their writes would go to the storage given back).
  void set(std::size_t r, std::int32_t v) {
    if (width_ == 2) {
      if (v > kMaxHalf) {  // kMissing, the smallest int32, never is
        widen();
        wide_[r] = v;
      } else {
        halves_[r] = to_half(v);
      }
    } else if (width_ == 1) {
      bytes_[r] = to_byte(v);
    } else {
      wide_[r] = v;
    }
  }
  // n rows; rows added are not written (PageAllocator): each is set before it is read.
  void resize(std::size_t n) {
    if (width_ == 1) bytes_.resize(n);
    else if (width_ == 2) halves_.resize(n);
    else wide_.resize(n);
  }
  void assign(std::size_t n, std::int32_t v) {
    if (width_ == 2 && v > kMaxHalf) widen();
    if (width_ == 1) fill_large(bytes_, n, to_byte(v));
    else if (width_ == 2) fill_large(halves_, n, to_half(v));
    else fill_large(wide_, n, v);
  }
  void push_back(std::int32_t v) {
    if (width_ == 2 && v > kMaxHalf) widen();
    if (width_ == 1) bytes_.push_back(to_byte(v));
    else if (width_ == 2) halves_.push_back(to_half(v));
    else wide_.push_back(v);
  }
  // n rows; the storage given back only when it is far larger (capacity never written holds no
  // memory: its pages were never touched).
  void fit(std::size_t n) {
    resize(n);
    const std::size_t capacity = width_ == 1 ? bytes_.capacity() : width_ == 2 ? halves_.capacity() : wide_.capacity();
    if (capacity > 2 * n + 4096) {
      bytes_.shrink_to_fit();
      halves_.shrink_to_fit();
      wide_.shrink_to_fit();
    }
  }
  // Empty, its storage given back.
  void release() {
    LargeVector<std::int32_t>().swap(wide_);
    LargeVector<std::uint16_t>().swap(halves_);
    LargeVector<std::int8_t>().swap(bytes_);
  }
  // A two-byte column made a four-byte one, every row kept (its storage reallocated: never while
  // other threads write into it).
  void widen() {
    if (width_ != 2) return;
    LargeVector<std::int32_t> w(halves_.size());
    for (std::size_t r = 0; r < halves_.size(); ++r) w[r] = halves_[r] == kMissingHalf ? kMissing : halves_[r];
    wide_.swap(w);
    LargeVector<std::uint16_t>().swap(halves_);
    width_ = 4;
  }
  // Rows [at, at + n) from 32-bit codes (codes are never negative; kMissing is). A two-byte
  // column is widened when they do not fit, unless `may_widen` is false (other threads write into
  // it): then false, and rows [at, at + n) hold nothing usable.
  bool write(std::size_t at, const std::int32_t* v, std::size_t n, bool may_widen = true) {
    if (width_ == 2) {
      std::uint16_t* const out = halves_.data() + at;
      std::int32_t high = 0;
      std::size_t i = 0;
#if defined(__SSE2__)
      // Eight codes at a time: c - 32768 packed with signed saturation, then its top bit flipped,
      // is c for 0 .. 65,534 and 65,535 (kMissingHalf) for kMissing, whose difference wraps to a
      // large positive number; a code past kMaxHalf is caught by the comparison.
      const __m128i bias = _mm_set1_epi32(32768), limit = _mm_set1_epi32(kMaxHalf);
      const __m128i flip = _mm_set1_epi16(static_cast<short>(0x8000));
      __m128i over = _mm_setzero_si128();
      for (; i + 8 <= n; i += 8) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + i + 4));
        over = _mm_or_si128(over, _mm_or_si128(_mm_cmpgt_epi32(a, limit), _mm_cmpgt_epi32(b, limit)));
        const __m128i packed = _mm_packs_epi32(_mm_sub_epi32(a, bias), _mm_sub_epi32(b, bias));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_xor_si128(packed, flip));
      }
      if (_mm_movemask_epi8(over) != 0) high = kMaxHalf + 1;
#endif
      for (; i < n; ++i) {  // one pass, without a branch a row
        out[i] = static_cast<std::uint16_t>(v[i] < 0 ? kMissingHalf : v[i]);
        high = std::max(high, v[i]);
      }
      if (high <= kMaxHalf) return true;
      if (!may_widen) return false;
      widen();
    }
    if (width_ == 4) {
      std::memcpy(wide_.data() + at, v, n * sizeof(std::int32_t));
    } else {
      std::int8_t* const out = bytes_.data() + at;
      for (std::size_t i = 0; i < n; ++i) out[i] = to_byte(v[i]);
    }
    return true;
  }
  // Rows [from, from + n) moved to [to, to + n).
  void move(std::size_t to, std::size_t from, std::size_t n) {
    if (width_ == 1) std::memmove(bytes_.data() + to, bytes_.data() + from, n);
    else if (width_ == 2) std::memmove(halves_.data() + to, halves_.data() + from, n * sizeof(std::uint16_t));
    else std::memmove(wide_.data() + to, wide_.data() + from, n * sizeof(std::int32_t));
  }

  // The storage of the column's width; the others are empty.
  const std::int32_t* wide() const { return checked(width_ == 4), wide_.data(); }
  std::int32_t* wide() { return checked(width_ == 4), wide_.data(); }
  const std::uint16_t* halves() const { return checked(width_ == 2), halves_.data(); }
  std::uint16_t* halves() { return checked(width_ == 2), halves_.data(); }
  const std::int8_t* bytes() const { return checked(width_ == 1), bytes_.data(); }
  std::int8_t* bytes() { return checked(width_ == 1), bytes_.data(); }

  static std::int8_t to_byte(std::int32_t v) {
    return v == kMissing ? kMissingByte : static_cast<std::int8_t>(v);
  }
  static std::uint16_t to_half(std::int32_t v) {
    return v == kMissing ? kMissingHalf : static_cast<std::uint16_t>(v);
  }

  // Equal codes row by row, whatever the width (tests compare with a list of codes).
  friend bool operator==(const ColumnValues& a, const LargeVector<std::int32_t>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t r = 0; r < b.size(); ++r)
      if (a[r] != b[r]) return false;
    return true;
  }
  friend bool operator==(const ColumnValues& a, const ColumnValues& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t r = 0; r < a.size(); ++r)
      if (a[r] != b[r]) return false;
    return true;
  }

 private:
  static void checked(bool ok) {
    if (!ok) throw std::logic_error("ColumnValues: the column's storage read at another width");
  }
  int width_ = 4;
  LargeVector<std::int32_t> wide_;
  LargeVector<std::uint16_t> halves_;
  LargeVector<std::int8_t> bytes_;
};

}  // namespace ereje::input
