// Exact rational numbers for every score: no binary floating point touches a result.
// Wraps GMP's mpq_class; rounding happens only on output, half up (ties away from zero).
#pragma once
#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ereje {

class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t v) : q_(static_cast<long>(v)) {}  // NOLINT: implicit from integers is intended
  explicit Rational(mpq_class q) : q_(std::move(q)) { q_.canonicalize(); }

  // Parses a decimal literal such as "10", "0.5", "-1.005". Returns nullopt on anything else.
  static std::optional<Rational> parse_decimal(std::string_view s);

  const mpq_class& q() const { return q_; }
  bool is_zero() const { return sgn(q_) == 0; }
  int sign() const { return sgn(q_); }
  bool is_integer() const { return q_.get_den() == 1; }

  Rational operator+(const Rational& o) const { return Rational(mpq_class(q_ + o.q_)); }
  Rational operator-(const Rational& o) const { return Rational(mpq_class(q_ - o.q_)); }
  Rational operator*(const Rational& o) const { return Rational(mpq_class(q_ * o.q_)); }
  // Caller checks for zero: division by zero is a policy decision (n/a), not arithmetic.
  Rational operator/(const Rational& o) const { return Rational(mpq_class(q_ / o.q_)); }
  Rational operator-() const { return Rational(mpq_class(-q_)); }
  bool operator==(const Rational& o) const { return q_ == o.q_; }
  bool operator!=(const Rational& o) const { return q_ != o.q_; }
  bool operator<(const Rational& o) const { return q_ < o.q_; }
  bool operator<=(const Rational& o) const { return q_ <= o.q_; }
  bool operator>(const Rational& o) const { return q_ > o.q_; }
  bool operator>=(const Rational& o) const { return q_ >= o.q_; }

  // Rounded half up (away from zero on ties) to `places` decimals; exact.
  Rational round(int places) const;
  // Decimal text with exactly `places` decimals after rounding half up: 0.625 -> "0.63" (places 2).
  std::string to_fixed(int places) const;
  // Exact form for explanations: "7", "1/3", "0.5" (decimal when the denominator allows it).
  std::string to_exact() const;
  // Rounded down to a whole number (floor); only meaningful when it fits in 64 bits.
  std::int64_t to_int64() const;

 private:
  mpq_class q_{0};
};

}  // namespace ereje
