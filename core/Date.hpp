// Calendar dates as days since 1970-01-01 (proleptic Gregorian); exact, no time zone, no clock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ereje {

struct Date {
  std::int32_t days = 0;  // since 1970-01-01
  auto operator<=>(const Date&) const = default;
};

// The dates that can be written (`YYYY`: 0000-01-01 to 9999-12-31), as days. Date arithmetic whose
// result falls outside them has no value (n/a), rather than wrapping around.
inline constexpr std::int32_t kFirstDay = -719528, kLastDay = 2932896;

// Parses exactly `YYYY-MM-DD` and rejects impossible dates such as 2024-02-30.
std::optional<Date> parse_date(std::string_view s);
// A date typed another usual way, as the YYYY-MM-DD it means: day.month.year or day/month/year
// (`31.01.2024`, `1/2/2024`, as registries and people here type them), and year first with other
// separators or without leading zeros (`2024/01/31`, `2024-1-31`). nullopt when it is none of those, or no real day: then there is no guess.
std::optional<std::string> typed_date_as_iso(std::string_view s);
Date make_date(int y, unsigned m, unsigned d);
std::string format_date(Date d);
void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d);
// Today's date in UTC: read once by the command line for the default as-of date.
Date today_utc();

}  // namespace ereje
