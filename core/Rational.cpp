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

Rational Rational::round(int places) const {
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
