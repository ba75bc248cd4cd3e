// Exact decimal parsing, half-up rounding and formatting of rationals.
#include "core/Rational.hpp"

#include <cctype>
#include <numeric>
#include <stdexcept>

namespace ereje {

std::optional<Rational> Rational::parse_decimal(std::string_view s) {
  bool neg = false;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) { neg = s[i] == '-'; ++i; }
  std::string digits;
  std::size_t frac = 0;
  bool seen_dot = false, seen_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      seen_digit = true;
      if (seen_dot) ++frac;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || (seen_dot && frac == 0)) return std::nullopt;
  mpz_class num(digits, 10);
  mpz_class den;
  mpz_ui_pow_ui(den.get_mpz_t(), 10, frac);
  mpq_class q(num, den);
  q.canonicalize();
  if (neg) q = -q;
  return Rational(q);
}

namespace {

__extension__ using u128 = unsigned __int128;  // GCC's 128-bit integers (not ISO C++: hence the mark)
__extension__ using i128 = __int128;

u128 magnitude(i128 v) { return v < 0 ? static_cast<u128>(0) - static_cast<u128>(v) : static_cast<u128>(v); }

u128 gcd_128(u128 a, u128 b) {
  while ((a >> 64) != 0 || (b >> 64) != 0) {
    if (b == 0) return a;
    const u128 t = a % b;
    a = b;
    b = t;
  }
  return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
}

mpz_class mpz_of(i128 v) {
  const u128 m = magnitude(v);
  mpz_class z(static_cast<unsigned long>(m >> 64));
  z <<= 64;
  z += static_cast<unsigned long>(m & ~std::uint64_t{0});
  return v < 0 ? mpz_class(-z) : z;
}

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

}  // namespace

Rational::Rational(mpq_class q) {
  q.canonicalize();
  if (mpz_fits_slong_p(q.get_num_mpz_t()) && mpz_fits_slong_p(q.get_den_mpz_t()) && q.get_num().get_si() != kMin) {
    n_ = q.get_num().get_si();
    d_ = q.get_den().get_si();
  } else {
    big_ = std::make_unique<mpq_class>(std::move(q));
  }
}

mpq_class Rational::q() const {
  if (big_) return *big_;
  return mpq_class(mpz_class(static_cast<long>(n_)), mpz_class(static_cast<long>(d_)));
}

Rational Rational::from_128(i128 n, i128 d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const u128 g = gcd_128(magnitude(n), static_cast<u128>(d));
  if (g > 1) {
    n /= static_cast<i128>(g);
    d /= static_cast<i128>(g);
  }
  Rational r;
  if (n > kMin && n <= std::numeric_limits<std::int64_t>::max() && d <= std::numeric_limits<std::int64_t>::max()) {
    r.n_ = static_cast<std::int64_t>(n);
    r.d_ = static_cast<std::int64_t>(d);
  } else {
    r.big_ = std::make_unique<mpq_class>(mpz_of(n), mpz_of(d));  // already in lowest terms
  }
  return r;
}

// In the small form every product of a numerator and a denominator is below 2^126 in magnitude,
// and a sum of two below 2^127: exact in 128 bits.
Rational Rational::operator+(const Rational& o) const {
  if (big_ || o.big_) return Rational(mpq_class(q() + o.q()));
  std::int64_t sum;
  if (d_ == 1 && o.d_ == 1 && !__builtin_add_overflow(n_, o.n_, &sum) && sum != kMin) return Rational(sum);
  return from_128(static_cast<i128>(n_) * o.d_ + static_cast<i128>(o.n_) * d_, static_cast<i128>(d_) * o.d_);
}

Rational Rational::operator-(const Rational& o) const {
  if (big_ || o.big_) return Rational(mpq_class(q() - o.q()));
  std::int64_t diff;
  if (d_ == 1 && o.d_ == 1 && !__builtin_sub_overflow(n_, o.n_, &diff) && diff != kMin) return Rational(diff);
  return from_128(static_cast<i128>(n_) * o.d_ - static_cast<i128>(o.n_) * d_, static_cast<i128>(d_) * o.d_);
}

Rational Rational::operator*(const Rational& o) const {
  if (big_ || o.big_) return Rational(mpq_class(q() * o.q()));
  std::int64_t product;
  if (d_ == 1 && o.d_ == 1 && !__builtin_mul_overflow(n_, o.n_, &product) && product != kMin) return Rational(product);
  return from_128(static_cast<i128>(n_) * o.n_, static_cast<i128>(d_) * o.d_);
}

Rational Rational::operator/(const Rational& o) const {
  if (o.is_zero()) throw std::domain_error("Rational: division by zero");
  if (big_ || o.big_) return Rational(mpq_class(q() / o.q()));
  return from_128(static_cast<i128>(n_) * o.d_, static_cast<i128>(d_) * o.n_);
}

Rational Rational::operator-() const {
  if (big_) return Rational(mpq_class(-*big_));
  Rational r;
  r.n_ = -n_;  // n_ > INT64_MIN
  r.d_ = d_;
  return r;
}

int Rational::compare(const Rational& o) const {
  if (big_ || o.big_) return cmp(q(), o.q());
  const i128 a = static_cast<i128>(n_) * o.d_, b = static_cast<i128>(o.n_) * d_;
  return (a > b) - (a < b);
}

namespace {

// The fast path of round and to_fixed: a value whose numerator and denominator fit in 64 bits (every
// score of the methodology), rounded to at most 18 places, is exact in 128-bit integers.
constexpr int kMaxFastPlaces = 18;

u128 pow10_128(int places) {
  u128 p = 1;
  for (int i = 0; i < places; ++i) p *= 10;
  return p;
}

// |num| / den * 10^places rounded half up (ties away from zero): floor((2a + den) / 2den), a =
// |num| * 10^places < 2^63 * 10^18 < 2^124. In 64 bits when that fits (a score: always).
u128 scaled_half_up(long num, long den, int places) {
  const u128 magnitude =
      num < 0 ? static_cast<u128>(-static_cast<i128>(num)) : static_cast<u128>(num);
  const u128 p = pow10_128(places);
  const auto d = static_cast<u128>(den);
  if (magnitude >> 62 == 0 && p >> 62 == 0 && d >> 62 == 0) {
    std::uint64_t a;
    if (!__builtin_mul_overflow(static_cast<std::uint64_t>(magnitude), static_cast<std::uint64_t>(p), &a) && a >> 62 == 0)
      return (2 * a + static_cast<std::uint64_t>(d)) / (2 * static_cast<std::uint64_t>(d));
  }
  const u128 a = magnitude * p;
  return (2 * a + d) / (2 * d);
}

std::string digits_of(u128 n) {
  if (n >> 64 == 0) return std::to_string(static_cast<std::uint64_t>(n));
  std::string out;
  do {
    out += static_cast<char>('0' + static_cast<int>(n % 10));
    n /= 10;
  } while (n != 0);
  return {out.rbegin(), out.rend()};
}

}  // namespace

Rational Rational::round(int places) const {
  if (places < 0) places = 0;
  if (!big_ && places <= kMaxFastPlaces) {
    const u128 n = scaled_half_up(n_, d_, places);  // < 2^123
    const i128 m = n_ < 0 ? -static_cast<i128>(n) : static_cast<i128>(n);
    return from_128(m, static_cast<i128>(pow10_128(places)));
  }
  const mpq_class v = q();
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(places));
  // |x| * scale + 1/2, floored, with the sign put back: half up means ties away from zero.
  mpq_class a = abs(v) * scale + mpq_class(1, 2);
  mpz_class n;
  mpz_fdiv_q(n.get_mpz_t(), a.get_num_mpz_t(), a.get_den_mpz_t());
  if (sgn(v) < 0) n = -n;
  return Rational(mpq_class(n, scale));
}

std::string Rational::to_fixed(int places) const {
  if (places < 0) places = 0;
  if (!big_ && places <= kMaxFastPlaces) {
    const long num = n_;
    const u128 n = scaled_half_up(num, d_, places);
    std::string digits = digits_of(n);
    if (places > 0) {
      if (digits.size() <= static_cast<std::size_t>(places))
        digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
      digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
    }
    return (num < 0 && n != 0 ? "-" : "") + digits;
  }
  Rational r = round(places);
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(places));
  mpq_class scaled = r.q() * scale;
  mpz_class n = scaled.get_num() / scaled.get_den();  // exact: r has at most `places` decimals
  bool neg = sgn(n) < 0;
  std::string digits = mpz_class(abs(n)).get_str(10);
  if (places > 0) {
    if (digits.size() <= static_cast<std::size_t>(places))
      digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
  }
  return (neg ? "-" : "") + digits;
}

std::string Rational::to_exact() const {
  if (!big_ && d_ == 1) return std::to_string(n_);
  const mpq_class v = q();
  if (v.get_den() == 1) return v.get_num().get_str(10);
  // A terminating decimal when the denominator is 2^a * 5^b.
  mpz_class d = v.get_den();
  int places = 0;
  while (mpz_divisible_ui_p(d.get_mpz_t(), 10)) { d /= 10; ++places; }
  int twos = 0, fives = 0;
  while (mpz_divisible_ui_p(d.get_mpz_t(), 2)) { d /= 2; ++twos; }
  while (mpz_divisible_ui_p(d.get_mpz_t(), 5)) { d /= 5; ++fives; }
  if (d == 1) return to_fixed(places + std::max(twos, fives));
  return v.get_num().get_str(10) + "/" + v.get_den().get_str(10);
}

std::int64_t Rational::to_int64() const {
  // Rounded down to a whole number: a date moved by 1.5 days moves by 1.
  if (!big_) return n_ / d_ - (n_ % d_ < 0 ? 1 : 0);
  mpz_class n;
  mpz_fdiv_q(n.get_mpz_t(), big_->get_num_mpz_t(), big_->get_den_mpz_t());
  return n.get_si();
}

}  // namespace ereje
