// Date arithmetic after H. Hinnant's civil-from-days algorithms (public domain).
#include "core/Date.hpp"

#include <chrono>
#include <fmt/format.h>

namespace ereje {
namespace {
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
unsigned days_in_month(int y, unsigned m) {
  static const unsigned dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}
}  // namespace

Date make_date(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{static_cast<std::int32_t>(era * 146097 + static_cast<int>(doe) - 719468)};
}

void civil_from_days(std::int32_t z0, int& y, unsigned& m, unsigned& d) {
  int z = z0 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t b, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
    return std::nullopt;
  return make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_date(Date dt) {
  int y; unsigned m, d;
  civil_from_days(dt.days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

Date today_utc() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return Date{static_cast<std::int32_t>(days)};
}

std::optional<std::string> typed_date_as_iso(std::string_view s) {
  // Three runs of digits with one separator between them, the same both times.
  unsigned part[3] = {0, 0, 0};
  std::size_t len[3] = {0, 0, 0};
  char sep = 0;
  std::size_t k = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++len[k] > 4) return std::nullopt;
      part[k] = part[k] * 10 + static_cast<unsigned>(c - '0');
    } else if ((c == '.' || c == '/' || c == '-') && k < 2 && len[k] > 0 && (sep == 0 || sep == c)) {
      sep = c;
      ++k;
    } else {
      return std::nullopt;
    }
  }
  if (k != 2 || len[2] == 0) return std::nullopt;
  unsigned y = 0, m = 0, d = 0;
  if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
    y = part[0], m = part[1], d = part[2];
  } else if (sep != '-' && len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
    d = part[0], m = part[1], y = part[2];
  } else {
    return std::nullopt;
  }
  std::string iso = fmt::format("{:04}-{:02}-{:02}", y, m, d);
  if (!parse_date(iso)) return std::nullopt;
  return iso;
}

}  // namespace ereje
