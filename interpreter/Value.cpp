// Display of runtime values in explanations and test failures.
#include "interpreter/Value.hpp"

namespace ereje::interp {

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Missing: return "n/a";
    case Kind::Number: return "number";
    case Kind::Bool: return "true/false";
    case Kind::Date: return "date";
    case Kind::Days: return "days";
    case Kind::Text: return "text";
  }
  return "?";
}

std::string Value::show() const {
  switch (kind) {
    case Kind::Missing: return "n/a";
    case Kind::Number: return num.to_exact();
    case Kind::Bool: return i ? "true" : "false";
    case Kind::Date: return format_date(Date{static_cast<std::int32_t>(i)});
    case Kind::Days: return num.to_exact() + " days";
    case Kind::Text: return "\"" + text + "\"";
  }
  return "?";
}

}  // namespace ereje::interp
