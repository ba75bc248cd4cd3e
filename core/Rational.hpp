// Exact rational numbers for every score: no binary floating point touches a result.
// Rounding happens only on output, half up (ties away from zero).
//
// Two forms, one value: a numerator and denominator that fit in 64 bits are kept as two integers
// (every count, coefficient and score of the methodology: no allocation, arithmetic in 128-bit
// integers); anything larger is a GMP mpq_class. Each operation gives the same exact value either
// way; a result that fits goes back to the small form, so a value has one form only and equal
// values compare equal. tests/unit/test_core.cpp checks every operation against GMP alone.
#pragma once
#include <gmpxx.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ereje {

class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t v) {  // NOLINT: implicit from integers is intended
    if (v == std::numeric_limits<std::int64_t>::min()) big_ = std::make_unique<mpq_class>(static_cast<long>(v));
    else n_ = v;
  }
  explicit Rational(mpq_class q);
  Rational(const Rational& o) : n_(o.n_), d_(o.d_), big_(o.big_ ? std::make_unique<mpq_class>(*o.big_) : nullptr) {}
  Rational(Rational&&) noexcept = default;
  Rational& operator=(const Rational& o) {
    if (this != &o) {
      n_ = o.n_;
      d_ = o.d_;
      big_ = o.big_ ? std::make_unique<mpq_class>(*o.big_) : nullptr;
    }
    return *this;
  }
  Rational& operator=(Rational&&) noexcept = default;

  // Parses a decimal literal such as "10", "0.5", "-1.005". Returns nullopt on anything else.
  static std::optional<Rational> parse_decimal(std::string_view s);

  // The value as GMP holds it (a copy).
  mpq_class q() const;
  bool is_zero() const { return big_ ? sgn(*big_) == 0 : n_ == 0; }
  int sign() const { return big_ ? sgn(*big_) : (n_ > 0) - (n_ < 0); }
  bool is_integer() const { return big_ ? big_->get_den() == 1 : d_ == 1; }

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  // Caller checks for zero: division by zero is a policy decision (n/a), not arithmetic.
  Rational operator/(const Rational& o) const;
  Rational operator-() const;
  bool operator==(const Rational& o) const {
    if (!big_ && !o.big_) return n_ == o.n_ && d_ == o.d_;
    return compare(o) == 0;
  }
  bool operator!=(const Rational& o) const { return !(*this == o); }
  bool operator<(const Rational& o) const { return compare(o) < 0; }
  bool operator<=(const Rational& o) const { return compare(o) <= 0; }
  bool operator>(const Rational& o) const { return compare(o) > 0; }
  bool operator>=(const Rational& o) const { return compare(o) >= 0; }

  // Rounded half up (away from zero on ties) to `places` decimals; exact.
  Rational round(int places) const;
  // Decimal text with exactly `places` decimals after rounding half up: 0.625 -> "0.63" (places 2).
  std::string to_fixed(int places) const;
  // Exact form for explanations: "7", "1/3", "0.5" (decimal when the denominator allows it).
  std::string to_exact() const;
  // Rounded down to a whole number (floor); only meaningful when it fits in 64 bits.
  std::int64_t to_int64() const;
  // Whether the value is held in 64-bit integers (for tests).
  bool is_small() const { return !big_; }

 private:
  int compare(const Rational& o) const;
  // n / d from 128-bit integers (d != 0, any signs, not reduced): small when it fits, else GMP.
  __extension__ static Rational from_128(__int128 n, __int128 d);

  // Small form, when big_ is null: d_ > 0, gcd(|n_|, d_) = 1, n_ > INT64_MIN (so -n_ fits).
  std::int64_t n_ = 0, d_ = 1;
  // Big form: canonical, and never a value the small form can hold.
  std::unique_ptr<mpq_class> big_;
};

}  // namespace ereje
