// Runtime values. `Missing` is the one "not applicable" value: an empty cell, a zero denominator,
// an aggregate over no rows. It propagates through arithmetic and makes a result `n/a`.
#pragma once
#include <cstdint>
#include <string>

#include "core/Date.hpp"
#include "core/Rational.hpp"

namespace ereje::interp {

enum class Kind : std::uint8_t { Missing, Number, Bool, Date, Days, Text };
const char* kind_name(Kind k);

struct Value {
  Kind kind = Kind::Missing;
  std::int64_t i = 0;  // Bool (0/1), Date (days since 1970), Text (dictionary code or -1)
  Rational num;        // Number and Days (day counts can be fractional after avg)
  std::string text;    // Text literals and text cells, when a code is not enough

  static Value missing() { return Value{}; }
  static Value number(Rational q) { Value v; v.kind = Kind::Number; v.num = std::move(q); return v; }
  static Value boolean(bool b) { Value v; v.kind = Kind::Bool; v.i = b; return v; }
  static Value date(Date d) { Value v; v.kind = Kind::Date; v.i = d.days; return v; }
  static Value days(Rational q) { Value v; v.kind = Kind::Days; v.num = std::move(q); return v; }
  static Value string(std::string s) { Value v; v.kind = Kind::Text; v.i = -1; v.text = std::move(s); return v; }

  bool is_missing() const { return kind == Kind::Missing; }
  // For explanations: "7", "1/3", "2023-10-15", "12 days", "true", "\"x\"", "n/a".
  std::string show() const;
};

}  // namespace ereje::interp
