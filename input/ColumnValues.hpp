// The values of one loaded column, one per row: 32-bit codes, or one byte a row for a column of a
// few values (true/false, an enum of at most 127 values, derived ones included). A run writes each
// large column once into fresh memory, and on a virtual machine the kernel's clearing of fresh
// pages is a large part of a run (bench/README.md): a byte where four would hold nothing more is
// a quarter of those pages. Readers see the same 32-bit code either way (operator[]); the loops
// over whole columns take the raw storage of the width they find (wide() or bytes()).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

#include "input/LargeVector.hpp"
#include "input/Schema.hpp"

namespace ereje::input {

// The missing value ("empty means missing") in every column encoding, as a 32-bit code.
inline constexpr std::int32_t kMissing = std::numeric_limits<std::int32_t>::min();

class ColumnValues {
 public:
  // The missing value of a one-byte column.
  static constexpr std::int8_t kMissingByte = std::numeric_limits<std::int8_t>::min();
  // Whether a column of this type keeps one byte a row: its codes are 0 .. 126 (booleans 0 and 1).
  static bool narrow_for(const ColumnSchema& c) {
    return c.type == ColumnType::Bool || (c.type == ColumnType::Enum && c.enum_values.size() <= 127);
  }

  // The width, chosen before the first value is stored.
  void set_narrow(bool narrow) {
    if (size() != 0 && narrow != narrow_) throw std::logic_error("ColumnValues: the width of a filled column changed");
    narrow_ = narrow;
  }
  bool narrow() const { return narrow_; }

  std::size_t size() const { return narrow_ ? bytes_.size() : wide_.size(); }
  bool empty() const { return size() == 0; }

  // Row r's code, kMissing when missing.
  std::int32_t operator[](std::size_t r) const {
    if (narrow_) {
      const std::int8_t b = bytes_[r];
      return b == kMissingByte ? kMissing : b;
    }
    return wide_[r];
  }
  void set(std::size_t r, std::int32_t v) {
    if (narrow_) bytes_[r] = to_byte(v);
    else wide_[r] = v;
  }
  // n rows; rows added are not written (PageAllocator): each is set before it is read.
  void resize(std::size_t n) {
    if (narrow_) bytes_.resize(n);
    else wide_.resize(n);
  }
  void assign(std::size_t n, std::int32_t v) {
    if (narrow_) fill_large(bytes_, n, to_byte(v));
    else fill_large(wide_, n, v);
  }
  void push_back(std::int32_t v) {
    if (narrow_) bytes_.push_back(to_byte(v));
    else wide_.push_back(v);
  }
  // n rows; the storage given back only when it is far larger (capacity never written holds no
  // memory: its pages were never touched).
  void fit(std::size_t n) {
    resize(n);
    if (narrow_ ? bytes_.capacity() > 2 * n + 4096 : wide_.capacity() > 2 * n + 4096) {
      bytes_.shrink_to_fit();
      wide_.shrink_to_fit();
    }
  }
  // Empty, its storage given back.
  void release() {
    LargeVector<std::int32_t>().swap(wide_);
    LargeVector<std::int8_t>().swap(bytes_);
  }

  // Rows [at, at + n) from 32-bit codes.
  void write(std::size_t at, const std::int32_t* v, std::size_t n) {
    if (!narrow_) {
      std::memcpy(wide_.data() + at, v, n * sizeof(std::int32_t));
      return;
    }
    std::int8_t* const out = bytes_.data() + at;
    for (std::size_t i = 0; i < n; ++i) out[i] = to_byte(v[i]);
  }
  // Rows [from, from + n) moved to [to, to + n).
  void move(std::size_t to, std::size_t from, std::size_t n) {
    if (narrow_) std::memmove(bytes_.data() + to, bytes_.data() + from, n);
    else std::memmove(wide_.data() + to, wide_.data() + from, n * sizeof(std::int32_t));
  }

  // The storage of the column's width; the other is empty.
  const std::int32_t* wide() const { return checked(!narrow_), wide_.data(); }
  std::int32_t* wide() { return checked(!narrow_), wide_.data(); }
  const std::int8_t* bytes() const { return checked(narrow_), bytes_.data(); }
  std::int8_t* bytes() { return checked(narrow_), bytes_.data(); }

  static std::int8_t to_byte(std::int32_t v) {
    return v == kMissing ? kMissingByte : static_cast<std::int8_t>(v);
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
    if (!ok) throw std::logic_error("ColumnValues: the column's storage read at the other width");
  }
  bool narrow_ = false;
  LargeVector<std::int32_t> wide_;
  LargeVector<std::int8_t> bytes_;
};

}  // namespace ereje::input
