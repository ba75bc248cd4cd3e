// Exact decimal parsing, half-up rounding and formatting of rationals.
#include "core/Rational.hpp"

#include <cctype>

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

// The fast path of round and to_fixed: a value whose numerator and denominator fit in 64 bits (every
// score of the methodology), rounded to at most 18 places, is exact in 128-bit integers.
constexpr int kMaxFastPlaces = 18;
__extension__ using u128 = unsigned __int128;  // GCC's 128-bit integers (not ISO C++: hence the mark)
__extension__ using i128 = __int128;

bool fits_fast(const mpq_class& q, int places) {
  return places <= kMaxFastPlaces && mpz_fits_slong_p(q.get_num_mpz_t()) && mpz_fits_slong_p(q.get_den_mpz_t());
}

u128 pow10_128(int places) {
  u128 p = 1;
  for (int i = 0; i < places; ++i) p *= 10;
  return p;
}

// |num| / den * 10^places rounded half up (ties away from zero): floor((2a + den) / 2den), a =
// |num| * 10^places < 2^63 * 10^18 < 2^124.
u128 scaled_half_up(long num, long den, int places) {
  const u128 magnitude =
      num < 0 ? static_cast<u128>(-static_cast<i128>(num)) : static_cast<u128>(num);
  const u128 a = magnitude * pow10_128(places);
  const auto d = static_cast<u128>(den);
  return (2 * a + d) / (2 * d);
}

std::string digits_of(u128 n) {
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
  if (fits_fast(q_, places)) {
    const long num = q_.get_num().get_si();
    const u128 n = scaled_half_up(num, q_.get_den().get_si(), places);
    const mpz_class scale(static_cast<unsigned long>(pow10_128(places)));  // 10^18 < 2^64
    mpz_class m = n >> 64 ? mpz_class(digits_of(n), 10) : mpz_class(static_cast<unsigned long>(n));
    if (num < 0) m = -m;
    return Rational(mpq_class(m, scale));
  }
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(places < 0 ? 0 : places));
  // |x| * scale + 1/2, floored, with the sign put back: half up means ties away from zero.
  mpq_class a = abs(q_) * scale + mpq_class(1, 2);
  mpz_class n;
  mpz_fdiv_q(n.get_mpz_t(), a.get_num_mpz_t(), a.get_den_mpz_t());
  if (sgn(q_) < 0) n = -n;
  return Rational(mpq_class(n, scale));
}

std::string Rational::to_fixed(int places) const {
  if (places < 0) places = 0;
  if (fits_fast(q_, places)) {
    const long num = q_.get_num().get_si();
    const u128 n = scaled_half_up(num, q_.get_den().get_si(), places);
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
  mpq_class scaled = r.q_ * scale;
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
  if (is_integer()) return q_.get_num().get_str(10);
  // A terminating decimal when the denominator is 2^a * 5^b.
  mpz_class d = q_.get_den();
  int places = 0;
  while (mpz_divisible_ui_p(d.get_mpz_t(), 10)) { d /= 10; ++places; }
  int twos = 0, fives = 0;
  while (mpz_divisible_ui_p(d.get_mpz_t(), 2)) { d /= 2; ++twos; }
  while (mpz_divisible_ui_p(d.get_mpz_t(), 5)) { d /= 5; ++fives; }
  if (d == 1) return to_fixed(places + std::max(twos, fives));
  return q_.get_num().get_str(10) + "/" + q_.get_den().get_str(10);
}

std::int64_t Rational::to_int64() const {
  // Rounded down to a whole number: a date moved by 1.5 days moves by 1.
  mpz_class n;
  mpz_fdiv_q(n.get_mpz_t(), q_.get_num_mpz_t(), q_.get_den_mpz_t());
  return n.get_si();
}

}  // namespace ereje
