// Unit tests of the core layer: exact rationals and their half-up rounding, calendar dates,
// source positions in code points, UTF-8 validation, the layout of rendered diagnostics, and the
// nearest name ("did you mean") with the checker's and the loader's rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/Date.hpp"
#include "core/LookAlike.hpp"
#include "core/Diagnostic.hpp"
#include "core/Nearest.hpp"
#include "core/Rational.hpp"
#include "core/Source.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;

namespace {

Rational dec(const std::string& s) {
  auto r = Rational::parse_decimal(s);
  REQUIRE(r.has_value());
  return *r;
}

Rational frac(std::int64_t n, std::int64_t d) { return Rational(n) / Rational(d); }

// Code points of a UTF-8 string, so that positions can be compared the way a terminal shows them.
// The snippet part of a rendered line (" 7 | text" -> "text").
std::string after_bar(const std::string& line) {
  auto bar = line.find("| ");
  REQUIRE(bar != std::string::npos);
  return line.substr(bar + 2);
}

std::shared_ptr<SourceFile> source(const std::string& name, const std::string& text) {
  return std::make_shared<SourceFile>(name, text);
}

Span span_of(const SourceFile& f, const std::string& needle, std::size_t occurrence = 0) {
  std::size_t at = f.text.find(needle);
  for (std::size_t i = 0; i < occurrence && at != std::string::npos; ++i) at = f.text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return Span{&f, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

}  // namespace

// ---- Rational -----------------------------------------------------------------------------------

TEST_CASE("rational: parse_decimal accepts decimal literals", "[core][rational]") {
  REQUIRE(dec("10") == Rational(10));
  REQUIRE(dec("0") == Rational(0));
  REQUIRE(dec("0.5") == frac(1, 2));
  REQUIRE(dec("0.50") == frac(1, 2));
  REQUIRE(dec("-1.005") == -frac(1005, 1000));
  REQUIRE(dec("+3") == Rational(3));
  REQUIRE(dec("007.250") == frac(29, 4));
  REQUIRE(dec("-0") == Rational(0));
  REQUIRE(dec("-0").sign() == 0);
  // Far past 64 bits: exact, no overflow.
  Rational big = dec("123456789012345678901234567890.000000000000000000001");
  REQUIRE(big > dec("123456789012345678901234567890"));
  REQUIRE(big - dec("123456789012345678901234567890") == dec("0.000000000000000000001"));
}

TEST_CASE("rational: parse_decimal rejects anything else", "[core][rational]") {
  for (const char* bad : {"", "-", "+", ".", "1.", "-1.", "1.2.3", "1e3", " 1", "1 ", "abc", "--1", "+-1", "0x10",
                          "1,5", "½", "1_000", "١"}) {
    INFO("input: `" << bad << "`");
    REQUIRE_FALSE(Rational::parse_decimal(bad).has_value());
  }
}

TEST_CASE("rational: exact arithmetic", "[core][rational]") {
  Rational third = frac(1, 3);
  REQUIRE(third + third + third == Rational(1));
  REQUIRE(dec("0.1") + dec("0.2") == dec("0.3"));
  REQUIRE((frac(1, 2) * Rational(10)).is_integer());
  REQUIRE_FALSE(third.is_integer());
  REQUIRE((Rational(7) / Rational(7)).to_int64() == 1);
  REQUIRE(Rational(-12).to_int64() == -12);
  REQUIRE(frac(3, 2).to_int64() == 1);    // rounded down: a date moved by 1.5 days moves by 1
  REQUIRE(frac(-3, 2).to_int64() == -2);  // floor, not truncation
  REQUIRE(Rational(0).is_zero());
  REQUIRE((-third).sign() == -1);
  REQUIRE(frac(2, 4) == frac(1, 2));  // canonical form
  REQUIRE(frac(1, 3) < frac(1, 2));
  REQUIRE(frac(-1, 2) <= frac(-1, 2));
  REQUIRE(frac(3, 2) >= Rational(1));
  REQUIRE(frac(3, 2) != Rational(1));
}

TEST_CASE("rational: rounding is half up, away from zero on ties", "[core][rational]") {
  REQUIRE(dec("0.625").to_fixed(2) == "0.63");
  REQUIRE(dec("-0.625").to_fixed(2) == "-0.63");
  REQUIRE(dec("1.005").to_fixed(2) == "1.01");
  REQUIRE(dec("-1.005").to_fixed(2) == "-1.01");
  REQUIRE(dec("2.5").to_fixed(0) == "3");
  REQUIRE(dec("-2.5").to_fixed(0) == "-3");
  REQUIRE(dec("3.5").to_fixed(0) == "4");  // not banker's rounding (which gives 4 here but 2 for 2.5)
  REQUIRE(dec("0.5").to_fixed(0) == "1");
  REQUIRE(dec("0.4999999").to_fixed(0) == "0");
  REQUIRE(dec("0.6249999999").to_fixed(2) == "0.62");
  REQUIRE(dec("1.0049999").to_fixed(2) == "1.00");
  REQUIRE(frac(1, 3).to_fixed(2) == "0.33");
  REQUIRE(frac(2, 3).to_fixed(2) == "0.67");
  REQUIRE(frac(-2, 3).to_fixed(2) == "-0.67");
  REQUIRE(frac(5, 3).to_fixed(2) == "1.67");
  REQUIRE(frac(1, 8).to_fixed(2) == "0.13");
  REQUIRE(dec("9.995").to_fixed(2) == "10.00");
  REQUIRE(dec("-9.995").to_fixed(2) == "-10.00");
  // round() keeps the value exact.
  REQUIRE(dec("0.625").round(2) == dec("0.63"));
  REQUIRE(dec("-0.625").round(2) == dec("-0.63"));
  REQUIRE(dec("1.005").round(2) == dec("1.01"));
  REQUIRE(dec("2.5").round(0) == Rational(3));
  REQUIRE(frac(1, 3).round(4) == dec("0.3333"));
  REQUIRE(dec("12.345").round(-1) == Rational(12));  // negative places mean whole numbers
}

TEST_CASE("rational: to_fixed pads with zeros and never prints -0", "[core][rational]") {
  REQUIRE(Rational(0).to_fixed(2) == "0.00");
  REQUIRE(dec("-0.5").to_fixed(2) == "-0.50");
  REQUIRE(dec("0.05").to_fixed(2) == "0.05");
  REQUIRE(dec("-0.05").to_fixed(2) == "-0.05");
  REQUIRE(dec("0.005").to_fixed(2) == "0.01");
  REQUIRE(Rational(7).to_fixed(2) == "7.00");
  REQUIRE(Rational(7).to_fixed(0) == "7");
  REQUIRE(Rational(-12).to_fixed(3) == "-12.000");
  REQUIRE(dec("1.5").to_fixed(5) == "1.50000");
  REQUIRE(dec("-0.001").to_fixed(2) == "0.00");
  REQUIRE(dec("-0.4").to_fixed(0) == "0");
  REQUIRE(dec("123456789.125").to_fixed(2) == "123456789.13");
}

TEST_CASE("rational: to_exact shows a terminating decimal or a fraction", "[core][rational]") {
  REQUIRE(frac(1, 3).to_exact() == "1/3");
  REQUIRE(frac(-1, 3).to_exact() == "-1/3");
  REQUIRE(frac(1, 6).to_exact() == "1/6");
  REQUIRE(frac(13, 3).to_exact() == "13/3");
  REQUIRE(frac(1, 2).to_exact() == "0.5");
  REQUIRE(frac(-1, 4).to_exact() == "-0.25");
  REQUIRE(frac(1, 8).to_exact() == "0.125");
  REQUIRE(frac(3, 20).to_exact() == "0.15");
  REQUIRE(frac(1, 40).to_exact() == "0.025");
  REQUIRE(frac(1, 1000).to_exact() == "0.001");
  REQUIRE(frac(25, 2).to_exact() == "12.5");
  REQUIRE(Rational(7).to_exact() == "7");
  REQUIRE(Rational(-7).to_exact() == "-7");
  REQUIRE(Rational(0).to_exact() == "0");
  REQUIRE(dec("0.6250").to_exact() == "0.625");
}

// ---- Date ---------------------------------------------------------------------------------------

TEST_CASE("date: parse_date rejects impossible and malformed dates", "[core][date]") {
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-1-01", "2024-01-1", "2024-00-10",
                          "2024-01-00", "2024-04-31", "2024-06-31", "2024-01-32", "1900-02-29", "2100-02-29",
                          "2024/01/01", "20240101", "2024-01-01 ", " 2024-01-01", "2024-01-01T00", "24-01-01",
                          "abcd-ef-gh", "2024-0a-01", "2024--1-01", "", "2024-01-+1"}) {
    INFO("input: `" << bad << "`");
    REQUIRE_FALSE(parse_date(bad).has_value());
  }
}

TEST_CASE("date: a date typed day.month.year or without leading zeros is read as the day it means", "[core][date]") {
  REQUIRE(typed_date_as_iso("01.07.2025") == "2025-07-01");
  REQUIRE(typed_date_as_iso("1.7.2025") == "2025-07-01");
  REQUIRE(typed_date_as_iso("31/12/2024") == "2024-12-31");
  REQUIRE(typed_date_as_iso("2025-1-9") == "2025-01-09");
  REQUIRE(typed_date_as_iso("2024.01.31") == "2024-01-31");
  REQUIRE(typed_date_as_iso("2025/7/1") == "2025-07-01");
  REQUIRE(typed_date_as_iso("29.02.2024") == "2024-02-29");
  // No real day, or no way to tell the parts apart: no guess.
  for (const char* none : {"29.02.2025", "31.04.2024", "13.13.2024", "2024.13.01", "01.07-2025", "01..2025",
                           "1.2.25", "2025-1-1-1", "2025-01-01x", "", "..", "100.1.2024", "1.1.20240"}) {
    INFO("input: `" << none << "`");
    REQUIRE_FALSE(typed_date_as_iso(none).has_value());
  }
}

TEST_CASE("date: parse_date accepts real dates, leap days included", "[core][date]") {
  REQUIRE(parse_date("2024-02-29") == make_date(2024, 2, 29));
  REQUIRE(parse_date("2000-02-29") == make_date(2000, 2, 29));  // divisible by 400
  REQUIRE(parse_date("1970-01-01")->days == 0);
  REQUIRE(parse_date("1970-01-02")->days == 1);
  REQUIRE(parse_date("1969-12-31")->days == -1);
  REQUIRE(parse_date("1900-01-01")->days == -25567);
  REQUIRE(parse_date("2023-07-24")->days == 19562);
  REQUIRE(parse_date("2024-12-31") == make_date(2024, 12, 31));
  REQUIRE(parse_date("2023-10-16")->days - parse_date("2023-10-15")->days == 1);
  REQUIRE(parse_date("2024-03-01")->days - parse_date("2024-02-28")->days == 2);
  REQUIRE(parse_date("2023-03-01")->days - parse_date("2023-02-28")->days == 1);
  REQUIRE(*parse_date("2021-04-19") < *parse_date("2021-04-20"));
}

TEST_CASE("date: every day from 1900 to 2100 round-trips", "[core][date]") {
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  const unsigned month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int32_t expected = make_date(1900, 1, 1).days;
  REQUIRE(expected == -25567);
  std::size_t checked = 0;
  for (int y = 1900; y <= 2100; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      unsigned last = m == 2 && leap(y) ? 29 : month_days[m - 1];
      for (unsigned d = 1; d <= last; ++d) {
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
        Date made = make_date(y, m, d);
        // Consecutive calendar days are consecutive day numbers.
        if (made.days != expected) FAIL("make_date(" << text << ") = " << made.days << ", expected " << expected);
        if (format_date(made) != text) FAIL("format_date gives " << format_date(made) << " for " << text);
        auto parsed = parse_date(text);
        if (!parsed || *parsed != made) FAIL("parse_date fails on " << text);
        int cy; unsigned cm, cd;
        civil_from_days(made.days, cy, cm, cd);
        if (cy != y || cm != m || cd != d) FAIL("civil_from_days disagrees on " << text);
        ++expected;
        ++checked;
      }
      // The day after the last of the month is not a date.
      char past[32];
      std::snprintf(past, sizeof past, "%04d-%02u-%02u", y, m, last + 1);
      if (parse_date(past)) FAIL("parse_date accepts " << past);
    }
  }
  REQUIRE(checked == 73414);  // 201 years, 49 leap days (2000 is one; 1900 and 2100 are not)
  REQUIRE(make_date(2101, 1, 1).days == expected);
}

// ---- Source -------------------------------------------------------------------------------------

TEST_CASE("source: lines of byte offsets", "[core][source]") {
  SourceFile f("f.ereje", "ab\ncd\n\nef");
  REQUIRE(f.line_starts == std::vector<std::size_t>{0, 3, 6, 7});
  REQUIRE(f.line_of(0) == 1);
  REQUIRE(f.line_of(2) == 1);  // the line break belongs to its line
  REQUIRE(f.line_of(3) == 2);
  REQUIRE(f.line_of(6) == 3);
  REQUIRE(f.line_of(7) == 4);
  REQUIRE(f.line_of(8) == 4);
  REQUIRE(f.column_of(0) == 1);
  REQUIRE(f.column_of(4) == 2);
  REQUIRE(f.column_of(9) == 3);  // one past the end of the text
  REQUIRE(f.line_text(1) == "ab");
  REQUIRE(f.line_text(3).empty());
  REQUIRE(f.line_text(4) == "ef");
}

TEST_CASE("source: columns count code points, not bytes", "[core][source]") {
  const std::string text = "clause 1\n  let қызмет = толық\n";
  SourceFile f("f.ereje", text);
  std::size_t eq = text.find('=');
  REQUIRE(f.line_of(eq) == 2);
  // "  let " is 6 code points, "қызмет" 6 more (12 bytes), then a space: `=` is the 14th.
  REQUIRE(f.column_of(eq) == 14);
  std::size_t word = text.find("толық");
  REQUIRE(f.column_of(word) == 16);
  REQUIRE(f.column_of(word + std::string("толық").size()) == 21);
  Span s{&f, static_cast<std::uint32_t>(eq), static_cast<std::uint32_t>(eq + 1)};
  REQUIRE(s.line() == 2);
  REQUIRE(s.column() == 14);
  REQUIRE(s.where() == "f.ereje:2:14");
  REQUIRE(Span{}.where() == "<built-in>");
  REQUIRE_FALSE(Span{}.valid());
  REQUIRE(Span{}.line() == 0);
  REQUIRE(utf8_length("Қазақстан") == 9);
  REQUIRE(utf8_length("әғқңөұүһі") == 9);
  REQUIRE(utf8_length("a\xF0\x9F\x98\x80" "b") == 3);
}

TEST_CASE("source: line_text strips CR of CRLF line ends", "[core][source]") {
  SourceFile f("f.ereje", "first\r\nсекунд\r\n\r\nlast");
  REQUIRE(f.line_text(1) == "first");
  REQUIRE(f.line_text(2) == "секунд");
  REQUIRE(f.line_text(3).empty());
  REQUIRE(f.line_text(4) == "last");
  REQUIRE(f.line_text(0).empty());
  REQUIRE(f.line_text(5).empty());
  REQUIRE(f.column_of(f.text.find("last")) == 1);
  SourceFile g("g.ereje", "x\r\n");
  REQUIRE(g.line_text(1) == "x");
  REQUIRE(g.line_text(2).empty());
}

TEST_CASE("source: utf8_invalid_at finds the first bad sequence", "[core][source][utf8]") {
  const auto npos = std::string_view::npos;
  REQUIRE(utf8_invalid_at("") == npos);
  REQUIRE(utf8_invalid_at("plain ASCII") == npos);
  REQUIRE(utf8_invalid_at("Қазақстан әғқңөұүһі") == npos);
  REQUIRE(utf8_invalid_at("\xEF\xBF\xBF") == npos);              // U+FFFF
  REQUIRE(utf8_invalid_at("\xF0\x9F\x98\x80") == npos);          // U+1F600
  REQUIRE(utf8_invalid_at("\xF4\x8F\xBF\xBF") == npos);          // U+10FFFF, the last code point
  REQUIRE(utf8_invalid_at("\xED\x9F\xBF") == npos);              // U+D7FF, just before the surrogates
  SECTION("overlong forms") {
    REQUIRE(utf8_invalid_at("\xC0\xAF") == 0);                    // '/' in two bytes
    REQUIRE(utf8_invalid_at("ab\xC1\xBF") == 2);
    REQUIRE(utf8_invalid_at("ab\xE0\x80\xAF") == 2);              // three bytes
    REQUIRE(utf8_invalid_at("Қ\xF0\x80\x80\xAF") == 2);           // four bytes
  }
  SECTION("surrogates") {
    REQUIRE(utf8_invalid_at("x\xED\xA0\x80") == 1);               // U+D800
    REQUIRE(utf8_invalid_at("xy\xED\xBF\xBF") == 2);              // U+DFFF
  }
  SECTION("truncated sequences") {
    REQUIRE(utf8_invalid_at("x\xD2") == 1);                       // first byte of Қ at the end
    REQUIRE(utf8_invalid_at("ab\xE2\x82") == 2);
    REQUIRE(utf8_invalid_at("\xF0\x9F\x98") == 0);
    REQUIRE(utf8_invalid_at("\xD2" "a") == 0);                    // continuation byte missing
  }
  SECTION("other invalid bytes") {
    REQUIRE(utf8_invalid_at("\x80") == 0);                        // stray continuation byte
    REQUIRE(utf8_invalid_at("abc\xFF") == 3);
    REQUIRE(utf8_invalid_at("\xF8\x88\x80\x80\x80") == 0);        // five-byte form
    REQUIRE(utf8_invalid_at("\xF4\x90\x80\x80") == 0);            // past U+10FFFF
  }
}

// ---- Diagnostics --------------------------------------------------------------------------------

TEST_CASE("diagnostic: header, source line, caret and help", "[core][diagnostic]") {
  auto f = source("rules/a.ereje", "act \"1\"\n  let d = count servces\n");
  Diagnostics ds;
  ds.error("unknown-table", span_of(*f, "servces"), "unknown table `servces`", "did you mean `services`?");
  auto lines = lines_of(render(ds.list().front()));
  REQUIRE(lines.size() == 5);
  REQUIRE(lines[0] == "rules/a.ereje:2:17: error: unknown table `servces` [unknown-table]");
  REQUIRE(lines[1] == "   |");
  REQUIRE(lines[2] == " 2 |   let d = count servces");
  REQUIRE(lines[3] == "   |                 ^^^^^^^");
  REQUIRE(lines[4] == "  = help: did you mean `services`?");
  REQUIRE(render(ds.list().front()).back() == '\n');

  Diagnostics w;
  w.warning("unused-definition", span_of(*f, "d"), "definition `d` is not used");
  auto wl = lines_of(render(w.list().front()));
  REQUIRE(wl[0] == "rules/a.ereje:2:7: warning: definition `d` is not used [unused-definition]");
  REQUIRE(wl.size() == 4);  // no help line when there is no help
}

TEST_CASE("diagnostic: line numbers widen the gutter", "[core][diagnostic]") {
  std::string text;
  for (int i = 1; i < 12; ++i) text += "line\n";
  text += "  bad here\n";
  auto f = source("f.ereje", text);
  Diagnostics ds;
  ds.error("syntax", span_of(*f, "bad"), "broken");
  auto lines = lines_of(render(ds));
  REQUIRE(lines[0] == "f.ereje:12:3: error: broken [syntax]");
  REQUIRE(lines[1] == "    |");
  REQUIRE(lines[2] == " 12 |   bad here");
  REQUIRE(lines[3] == "    |   ^^^");
}

TEST_CASE("diagnostic: the caret sits under the right character after Cyrillic text", "[core][diagnostic]") {
  const std::string line = "  let қызмет = count services where automation = толық ??";
  auto f = source("k.ereje", "act \"1\"\n" + line + "\n");
  Diagnostics ds;
  ds.error("syntax", span_of(*f, "??"), "expected an item");
  ds.error("unknown-value", span_of(*f, "толық"), "`толық` is not a value");
  ds.sort();
  REQUIRE(ds.list()[0].code == "unknown-value");  // sorted by column on the same line
  auto q = lines_of(render(ds.list()[1]));
  REQUIRE(q[0] == "k.ereje:2:56: error: expected an item [syntax]");
  REQUIRE(after_bar(q[2]) == line);
  std::u32string shown = decode(after_bar(q[2])), caret = decode(after_bar(q[3]));
  std::size_t at = caret.find(U'^');
  REQUIRE(at == 55);
  REQUIRE(shown[at] == U'?');
  REQUIRE(caret.substr(at) == U"^^");
  REQUIRE(caret.substr(0, at) == std::u32string(at, U' '));

  auto v = lines_of(render(ds.list()[0]));
  REQUIRE(v[0] == "k.ereje:2:50: error: `толық` is not a value [unknown-value]");
  std::u32string vcaret = decode(after_bar(v[3]));
  std::size_t vat = vcaret.find(U'^');
  REQUIRE(decode(after_bar(v[2])).substr(vat, 5) == U"толық");
  REQUIRE(vcaret.substr(vat) == U"^^^^^");  // five carets for five letters (ten bytes)
}

TEST_CASE("diagnostic: tabs are copied into the caret line", "[core][diagnostic]") {
  auto f = source("t.ereje", "clause 1\n\tlet\tx =\tбар\n");
  Diagnostics ds;
  ds.error("undefined-name", span_of(*f, "бар"), "`бар` is not defined");
  auto lines = lines_of(render(ds));
  REQUIRE(lines[0] == "t.ereje:2:10: error: `бар` is not defined [undefined-name]");
  REQUIRE(lines[2] == " 2 | \tlet\tx =\tбар");
  REQUIRE(lines[3] == "   | \t   \t   \t^^^");
}

TEST_CASE("diagnostic: a tab after Cyrillic text is copied at its place", "[core][diagnostic]") {
  auto f = source("t.ereje", "  қызмет\t= бар\n");
  Diagnostics ds;
  ds.error("undefined-name", span_of(*f, "бар"), "`бар` is not defined");
  auto lines = lines_of(render(ds));
  REQUIRE(lines[0] == "t.ereje:1:12: error: `бар` is not defined [undefined-name]");
  REQUIRE(lines[3] == "   |         \t  ^^^");
}

TEST_CASE("diagnostic: notes, with and without a position", "[core][diagnostic]") {
  auto f = source("n.ereje", "let d = 1\nlet d = 2\n");
  Diagnostics ds;
  auto& d = ds.error("duplicate-name", span_of(*f, "d", 1), "`d` is defined twice", "rename one");
  d.notes.push_back({span_of(*f, "d"), "first defined here"});
  d.notes.push_back({Span{}, "names are per clause"});
  auto lines = lines_of(render(ds));
  REQUIRE(lines == std::vector<std::string>{
                       "n.ereje:2:5: error: `d` is defined twice [duplicate-name]",
                       "   |",
                       " 2 | let d = 2",
                       "   |     ^",
                       "  note: n.ereje:1:5: first defined here",
                       "   |",
                       " 1 | let d = 1",
                       "   |     ^",
                       "  note: names are per clause",
                       "  = help: rename one",
                   });
}

TEST_CASE("diagnostic: data-file diagnostics and file-level diagnostics", "[core][diagnostic]") {
  Diagnostic d;
  d.code = "data-bad-enum";
  d.file = "data/services.csv";
  d.line = 3;
  d.column = 8;
  d.line_text = "Қ,S1,,partly,false,true";
  d.message = "`partly` is not one of none, partial, full";
  auto lines = lines_of(render(d));
  REQUIRE(lines[0] == "data/services.csv:3:8: error: `partly` is not one of none, partial, full [data-bad-enum]");
  REQUIRE(lines[2] == " 3 | Қ,S1,,partly,false,true");
  REQUIRE(lines[3] == "   |        ^");

  Diagnostic whole;
  whole.code = "no-rules";
  whole.file = "rules/empty";
  whole.message = "no rule files";
  REQUIRE(render(whole) == "rules/empty: error: no rule files [no-rules]\n");
  whole.severity = Severity::Note;
  REQUIRE(render(whole) == "rules/empty: note: no rule files [no-rules]\n");
}

TEST_CASE("diagnostic: a span over several lines is underlined to the end of its first line", "[core][diagnostic]") {
  auto f = source("m.ereje", "  result T = (a +\n    b)\n");
  Diagnostics ds;
  std::size_t b = f->text.find('('), e = f->text.find(')') + 1;
  ds.error("type-mismatch", Span{f.get(), static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}, "bad");
  auto lines = lines_of(render(ds));
  REQUIRE(lines[2] == " 1 |   result T = (a +");
  REQUIRE(lines[3] == "   |              ^^^^");
  REQUIRE(lines.size() == 4);
}

TEST_CASE("diagnostic: sorted by file, then position, then order of report", "[core][diagnostic]") {
  auto a = source("a.ereje", "one\ntwo three\nfour\n");
  auto b = source("b.ereje", "x\n");
  Diagnostics ds;
  ds.error("e1", span_of(*b, "x"), "in b");
  ds.error("e2", span_of(*a, "four"), "line 3");
  ds.error("e3", span_of(*a, "three"), "line 2 col 5");
  ds.error("e4", span_of(*a, "two"), "line 2 col 1, first reported");
  ds.warning("e5", span_of(*a, "two"), "line 2 col 1, second reported");
  Diagnostic file_level;
  file_level.code = "e6";
  file_level.file = "a.ereje";
  file_level.message = "whole file";
  ds.add(file_level);
  REQUIRE(ds.error_count() == 5);
  REQUIRE(ds.warning_count() == 1);
  REQUIRE(ds.has_errors());

  std::string out = render(ds);  // renders a sorted copy
  std::vector<std::string> order;
  for (const auto& l : lines_of(out))
    if (l.size() > 2 && l.back() == ']') order.push_back(l.substr(l.rfind('[') + 1, 2));
  REQUIRE(order == std::vector<std::string>{"e6", "e4", "e5", "e3", "e2", "e1"});
  REQUIRE(ds.list().front().code == "e1");  // render does not reorder the original

  ds.sort();
  std::vector<std::string> codes;
  for (const auto& d : ds.list()) codes.push_back(d.code);
  REQUIRE(codes == std::vector<std::string>{"e6", "e4", "e5", "e3", "e2", "e1"});

  Diagnostics only_warnings;
  only_warnings.warning("w", Span{}, "x");
  REQUIRE_FALSE(only_warnings.has_errors());
  Diagnostics merged;
  merged.append(ds);
  merged.append(only_warnings);
  REQUIRE(merged.list().size() == 7);
  REQUIRE(merged.warning_count() == 2);
}

TEST_CASE("diagnostic: a long line is shown as a window around the caret", "[core][diagnostic]") {
  // 300 code points of Cyrillic (600 bytes) with an `X` at column 200.
  std::string line;
  for (int i = 1; i <= 300; ++i) line += i == 200 ? "X" : "қ";
  auto f = source("w.ereje", "first\n" + line + "\n");
  Diagnostics ds;
  ds.error("syntax", span_of(*f, "X"), "here");
  auto lines = lines_of(render(ds));
  REQUIRE(lines[0] == "w.ereje:2:200: error: here [syntax]");
  std::u32string shown = decode(after_bar(lines[2])), caret = decode(after_bar(lines[3]));
  REQUIRE(shown.size() == 102);  // an ellipsis, 100 code points, an ellipsis
  REQUIRE(shown.front() == U'…');
  REQUIRE(shown.back() == U'…');
  std::size_t at = caret.find(U'^');
  REQUIRE(at != std::u32string::npos);
  REQUIRE(shown[at] == U'X');
  REQUIRE(caret.substr(at) == U"^");

  SECTION("near the start: no leading ellipsis") {
    std::string start = "X" + std::string(299, 'a');
    auto g = source("s.ereje", start + "\n");
    Diagnostics d2;
    d2.error("syntax", span_of(*g, "X"), "here");
    auto l2 = lines_of(render(d2));
    std::u32string s2 = decode(after_bar(l2[2]));
    REQUIRE(s2.size() == 101);
    REQUIRE(s2.front() == U'X');
    REQUIRE(s2.back() == U'…');
    REQUIRE(after_bar(l2[3]) == "^");
  }
  SECTION("near the end: no trailing ellipsis") {
    std::string end = std::string(295, 'a') + "XXXXX";
    auto g = source("e.ereje", end + "\n");
    Diagnostics d3;
    d3.error("syntax", span_of(*g, "XXXXX"), "here");
    auto l3 = lines_of(render(d3));
    std::u32string s3 = decode(after_bar(l3[2])), c3 = decode(after_bar(l3[3]));
    REQUIRE(s3.front() == U'…');
    REQUIRE(s3.back() == U'X');
    std::size_t a3 = c3.find(U'^');
    REQUIRE(s3.substr(a3) == U"XXXXX");
    REQUIRE(c3.substr(a3) == U"^^^^^");
  }
  SECTION("a line of exactly 100 code points is shown whole") {
    std::string exact = std::string(99, 'b') + "X";
    auto g = source("x.ereje", exact + "\n");
    Diagnostics d4;
    d4.error("syntax", span_of(*g, "X"), "here");
    auto l4 = lines_of(render(d4));
    REQUIRE(after_bar(l4[2]) == exact);
    REQUIRE(decode(after_bar(l4[3])).find(U'^') == 99);
  }
}

// round and to_fixed take a 128-bit path when numerator and denominator fit in 64 bits and places
// are at most 18; otherwise GMP. Both must give what the definition gives: |x| * 10^p + 1/2,
// floored, sign put back. The reference here is that definition in plain GMP arithmetic.
TEST_CASE("rational: the 64-bit path of round and to_fixed equals the definition", "[core][rational]") {
  auto reference_round = [](const mpq_class& q, int places) {
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(places));
    mpq_class a = abs(q) * scale + mpq_class(1, 2);
    mpz_class n;
    mpz_fdiv_q(n.get_mpz_t(), a.get_num_mpz_t(), a.get_den_mpz_t());
    if (sgn(q) < 0) n = -n;
    return std::pair{n, scale};
  };
  auto reference_text = [&](const mpq_class& q, int places) {
    auto [n, scale] = reference_round(q, places);
    std::string digits = mpz_class(abs(n)).get_str(10);
    if (places > 0) {
      if (digits.size() <= static_cast<std::size_t>(places)) digits.insert(0, places + 1 - digits.size(), '0');
      digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
    }
    return (sgn(n) < 0 ? "-" : "") + digits;
  };
  std::mt19937_64 rng(20231);
  std::vector<mpq_class> values;
  const long edges[] = {0, 1, -1, 2, 5, 10, 999, -1000, 4611686018427387903L, -4611686018427387903L,
                        9223372036854775807L, -9223372036854775807L};
  for (long a : edges)
    for (long b : {1L, 2L, 3L, 8L, 1000L, 9223372036854775807L}) values.push_back(mpq_class(a, b));
  for (int i = 0; i < 20000; ++i) {
    const long den = static_cast<long>(rng() % 100000) + 1;
    long num = static_cast<long>(rng() % 2000000) - 1000000;
    if (i % 7 == 0) num = static_cast<long>(rng() >> 1) * (i % 2 ? 1 : -1);  // large numerators
    if (i % 5 == 0) num = (num / den) * den + den / 2 * (num < 0 ? -1 : 1);  // ties at 0 places
    values.push_back(mpq_class(num, den));
  }
  for (auto& q : values) {
    q.canonicalize();
    const Rational r{q};
    for (int places : {0, 1, 2, 3, 6, 18}) {
      INFO(q.get_str() << " to " << places << " places");
      REQUIRE(r.to_fixed(places) == reference_text(q, places));
      auto [n, scale] = reference_round(q, places);
      REQUIRE(r.round(places) == Rational(mpq_class(n, scale)));
    }
  }
  // Past the fast path: 19 places, and a numerator beyond 64 bits.
  const Rational big{mpq_class(mpz_class("123456789012345678901234567890"), mpz_class(7))};
  REQUIRE(big.to_fixed(2) == reference_text(big.q(), 2));
  REQUIRE(frac(1, 3).to_fixed(19) == "0.3333333333333333333");
}

// Rational keeps values that fit in 64 bits as two integers and computes with them in 128 bits;
// every operation must give exactly what GMP gives, across the border between the two forms
// (values near 2^63, products that overflow, results that come back under it), and a value that
// fits is always held small (so that equal values compare equal whichever way they were made).
TEST_CASE("rational: the 64-bit form computes exactly what GMP computes", "[core][rational]") {
  std::mt19937_64 rng(4952);
  const long max = std::numeric_limits<long>::max();
  std::vector<mpq_class> pool;
  for (long a : {0L, 1L, -1L, 2L, -3L, 7L, 10L, 1000L, max, -max, max - 1, max / 2, -(max / 3), 3037000499L, -3037000500L})
    for (long b : {1L, 2L, 3L, 10L, 1000L, max, max - 1, 3037000499L}) pool.push_back(mpq_class(a, b));
  pool.push_back(mpq_class(mpz_class("-9223372036854775808"), 1));  // INT64_MIN: held by GMP
  pool.push_back(mpq_class(mpz_class("9223372036854775808"), 3));   // just past 64 bits
  pool.push_back(mpq_class(mpz_class("123456789012345678901234567890"), mpz_class("7")));
  pool.push_back(mpq_class(mpz_class("5"), mpz_class("123456789012345678901234567890")));
  for (int i = 0; i < 300; ++i) {
    const long den = i % 3 == 0 ? static_cast<long>(rng() >> 1) + 1 : static_cast<long>(rng() % 1000) + 1;
    const long num = i % 4 == 0 ? static_cast<long>(rng() >> 1) * (i % 2 ? 1 : -1) : static_cast<long>(rng() % 20001) - 10000;
    pool.push_back(mpq_class(num, den));
  }
  auto fits = [](const mpq_class& q) {
    return mpz_fits_slong_p(q.get_num_mpz_t()) && mpz_fits_slong_p(q.get_den_mpz_t()) &&
           q.get_num() != mpz_class("-9223372036854775808");
  };
  auto same = [&](const Rational& r, mpq_class expected) {
    expected.canonicalize();
    return r.q() == expected && r.is_small() == fits(expected);
  };
  std::size_t small_results = 0, big_results = 0;
  for (auto& a : pool) a.canonicalize();
  for (const auto& a : pool) {
    const Rational x{a};
    REQUIRE(same(x, a));
    REQUIRE(same(-x, mpq_class(-a)));
    mpz_class floor;
    mpz_fdiv_q(floor.get_mpz_t(), a.get_num_mpz_t(), a.get_den_mpz_t());
    if (mpz_fits_slong_p(floor.get_mpz_t())) REQUIRE(x.to_int64() == floor.get_si());
    REQUIRE(Rational::parse_decimal(x.round(3).to_fixed(3))->q() == x.round(3).q());
    for (const auto& b : pool) {
      const Rational y{b};
      INFO(a.get_str() << " and " << b.get_str());
      const Rational s = x + y;
      REQUIRE(same(s, mpq_class(a + b)));
      REQUIRE(same(x - y, mpq_class(a - b)));
      REQUIRE(same(x * y, mpq_class(a * b)));
      if (sgn(b) != 0) REQUIRE(same(x / y, mpq_class(a / b)));
      REQUIRE((x < y) == (a < b));
      REQUIRE((x == y) == (a == b));
      REQUIRE((x >= y) == (a >= b));
      (s.is_small() ? small_results : big_results)++;
    }
  }
  CHECK(small_results > 10000);  // both forms were exercised
  CHECK(big_results > 10000);
  REQUIRE_THROWS_AS(Rational(1) / Rational(0), std::domain_error);
  REQUIRE(Rational(mpq_class(mpz_class("18446744073709551616"), mpz_class("36893488147419103232"))).is_small());  // 2^64 / 2^65 = 1/2
  REQUIRE(Rational(5).to_exact() == "5");
  REQUIRE((Rational(1) / Rational(3)).to_exact() == "1/3");
  REQUIRE((Rational(-7) / Rational(8)).to_exact() == "-0.875");
  REQUIRE((Rational(-7) / Rational(2)).to_int64() == -4);
}

// ---- nearest: "did you mean" -------------------------------------------------------------------

namespace {
std::u32string units(const char* s) { return utf8_decode(s); }

Nearness loader_rule(std::size_t max_edits) {  // as the loader asks (input/Wording.cpp)
  return {.unit = EditUnit::Byte, .max_edits = max_edits, .fewer_than_either = true};
}

// The two did-you-means as they were before core/Nearest, the whole table of distances each time:
// the shared one must answer exactly as they did.
std::size_t full_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
std::u32string lower_units(const std::string& s, bool bytes) {
  std::u32string out = bytes ? std::u32string(s.begin(), s.end()) : utf8_decode(s);
  if (bytes)
    for (std::size_t i = 0; i < s.size(); ++i) out[i] = static_cast<unsigned char>(s[i]);
  for (char32_t& c : out)
    if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
  return out;
}
std::string old_checker_nearest(const std::string& name, const std::vector<std::string>& candidates) {
  const auto a = lower_units(name, false);
  std::string best;
  std::size_t best_d = std::max<std::size_t>(1, (a.size() + 1) / 2) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = full_distance(a, lower_units(c, false));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}
std::string old_loader_nearest(const std::string& v, const std::vector<std::string>& candidates, bool code) {
  const auto a = lower_units(v, true);
  if (a.empty()) return "";
  for (const auto& c : candidates)
    if (lower_units(c, true) == a) return c;
  if (code) return "";
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    const std::size_t d = full_distance(a, lower_units(c, true));
    if (d < best_d && d < c.size() && d < a.size()) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

// `n` letters drawn from a few, as names and values are.
std::string random_text(std::mt19937& rng, std::size_t n, const std::vector<std::string>& letters) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += letters[rng() % letters.size()];
  return out;
}
// The first letter a to h at or after `from`: a byte that is a whole character.
std::size_t ascii_at(const std::string& s, std::size_t from) {
  while (!(s[from] >= 'a' && s[from] <= 'h')) ++from;
  return from;
}
}  // namespace

TEST_CASE("nearest: bounded_distance is the edit distance within its bound", "[core][nearest]") {
  CHECK(bounded_distance(units("kitten"), units("sitting"), 10) == 3);
  CHECK(bounded_distance(units("sitting"), units("kitten"), 3) == 3);
  CHECK(bounded_distance(units("kitten"), units("sitting"), 2) == 3);  // past the bound: bound + 1
  CHECK(bounded_distance(units("kitten"), units("sitting"), 0) == 1);
  CHECK(bounded_distance(units(""), units(""), 0) == 0);
  CHECK(bounded_distance(units(""), units("abc"), 5) == 3);
  CHECK(bounded_distance(units("abc"), units(""), 1) == 2);  // the lengths alone say it is too far
  CHECK(bounded_distance(units("flaw"), units("lawn"), 2) == 2);
  CHECK(bounded_distance(units("Қазақ"), units("Казак"), 5) == 2);  // code points, not bytes
  // Every bound gives the exact distance, or bound + 1 when the distance is past it.
  std::mt19937 rng(7);
  for (int k = 0; k < 2000; ++k) {
    std::u32string a, b;
    for (int i = static_cast<int>(rng() % 9); i > 0; --i) a += static_cast<char32_t>('a' + rng() % 3);
    for (int i = static_cast<int>(rng() % 9); i > 0; --i) b += static_cast<char32_t>('a' + rng() % 3);
    const std::size_t exact = full_distance(a, b);
    for (std::size_t bound = 0; bound <= 9; ++bound)
      CHECK(bounded_distance(a, b, bound) == (exact <= bound ? exact : bound + 1));
  }
}

TEST_CASE("nearest: the checker's rule, half the name's length in code points", "[core][nearest]") {
  const std::vector<std::string> names = {"services", "agencies", "objections"};
  CHECK(nearest("servces", names) == "services");
  CHECK(nearest("SERVICES", names) == "services");  // case is no edit
  CHECK(nearest("agences", names) == "agencies");
  CHECK(nearest("zzz", names).empty());
  CHECK(nearest("x", {"y", "xy"}) == "y");           // a one-letter name: one edit allowed
  CHECK(nearest("", {"ab", "c"}) == "c");             // an empty name: still one edit
  CHECK(nearest("ab", {"xy", "ax", "ay"}) == "ax");  // the first of equally near ones
  CHECK(nearest("abcd", {"abxd", "abcdef", "abcx"}) == "abxd");
  CHECK(nearest("абвгд", {"абвгж"}) == "абвгж");  // one code point is one edit
  CHECK(nearest("кот", {"код", "кит"}) == "код");
  Nearness exact;
  exact.max_edits = 0;
  CHECK(nearest("École", {"école", "ÉCOLE"}, exact) == "ÉCOLE");  // only ASCII letters fold their case
  CHECK(nearest("Services", names, exact) == "services");
  CHECK(nearest("service", names, exact).empty());
}

TEST_CASE("nearest: the loader's rule, bytes and fewer edits than either word", "[core][nearest]") {
  const std::vector<std::string> values = {"central", "local", "regional"};
  CHECK(nearest("centrl", values, loader_rule(2)) == "central");
  CHECK(nearest("LOCAL", values, loader_rule(2)) == "local");
  CHECK(nearest("lcl", values, loader_rule(2)) == "local");
  CHECK(nearest("xyzzy", values, loader_rule(2)).empty());
  CHECK(nearest("", {"a"}, loader_rule(2)).empty());   // an empty value is near nothing
  CHECK(nearest("a", {"b"}, loader_rule(2)).empty());  // one letter: no edit allowed
  CHECK(nearest("ab", {"a", "b"}, loader_rule(2)).empty());
  CHECK(nearest("abc", {"ab"}, loader_rule(2)) == "ab");
  CHECK(nearest("abx", {"aby", "abz"}, loader_rule(2)) == "aby");  // the first of equally near ones
  // Bytes, as the loader has always counted: ж for ш is two edits (a byte each), not one.
  CHECK(nearest("жжжж", {"шшжж"}, loader_rule(2)).empty());
  CHECK(nearest("жжжж", {"шшжж"}) == "шшжж");  // two code points: within the checker's half
  CHECK(nearest("жук", {"шук"}, loader_rule(2)) == "шук");
  // Codes: only the same code up to case (A2 for A1 is another body).
  CHECK(nearest("a1", {"A2", "A1"}, loader_rule(0)) == "A1");
  CHECK(nearest("A3", {"A2", "A1"}, loader_rule(0)).empty());
}

TEST_CASE("nearest: the same answers as the two did-you-means it replaces", "[core][nearest]") {
  std::mt19937 rng(12);
  const std::vector<std::string> letters = {"a", "b", "c", "A", "B", "ж", "Ж", "ш"};
  for (int k = 0; k < 3000; ++k) {
    const std::string name = random_text(rng, rng() % 7, letters);
    std::vector<std::string> candidates;
    for (int c = static_cast<int>(rng() % 6); c > 0; --c) candidates.push_back(random_text(rng, rng() % 8, letters));
    INFO("name " << name);
    CHECK(nearest(name, candidates) == old_checker_nearest(name, candidates));
    CHECK(nearest(name, candidates, loader_rule(2)) == old_loader_nearest(name, candidates, false));
    CHECK(nearest(name, candidates, loader_rule(0)) == old_loader_nearest(name, candidates, true));
  }
}

// Correctness at lengths where the whole table of distances would be 10^10 and 10^12 cells: each
// answer must come from the bounded work (the time is measured by hand, not here).
TEST_CASE("nearest: a name of 100,000 and of 1,000,000 characters", "[core][nearest]") {
  for (std::size_t length : {std::size_t{100000}, std::size_t{1000000}}) {
    INFO("length " << length);
    std::mt19937 rng(static_cast<unsigned>(length));
    const std::vector<std::string> letters = {"a", "b", "c", "d", "e", "f", "g", "h", "é", "ж"};
    const std::string name = random_text(rng, length, letters);  // about 1.2 bytes a letter
    // Three edits, on ASCII letters: two letters changed, one dropped, and the case of another (no edit).
    std::string near = name;
    near[ascii_at(near, length / 4)] = 'x';
    near[ascii_at(near, length / 3)] = 'y';
    near.erase(ascii_at(near, length / 2), 1);
    const std::size_t upper_at = ascii_at(near, 10);
    near[upper_at] = static_cast<char>(near[upper_at] - 'a' + 'A');
    std::string nearer = name;  // one letter changed: the best
    nearer[ascii_at(nearer, 2 * length / 3)] = 'z';
    const std::string far = random_text(rng, length, letters);  // as long, the same letters
    const std::string shorter = name.substr(0, name.size() - name.size() / 10);
    const std::vector<std::string> candidates = {"services", far, shorter, near, nearer, "agencies", nearer};
    // Edits of a byte of ASCII are one in bytes and in code points alike.
    CHECK(nearest(name, candidates) == nearer);
    CHECK(nearest(name, candidates, loader_rule(2)) == nearer);
    CHECK(nearest(name, {"services", far, shorter, near}) == near);
    CHECK(nearest(name, {"services", far, shorter, near}, loader_rule(2)).empty());  // three or more bytes
    CHECK(nearest(name, {"services", far, shorter}, loader_rule(2)).empty());
    CHECK(nearest(name, {far, "agencies"}, loader_rule(0)).empty());
    std::string upper = name;
    for (char& c : upper)
      if (c >= 'a' && c <= 'h') c = static_cast<char>(c - 'a' + 'A');
    CHECK(nearest(upper, {far, shorter, nearer, name}, loader_rule(0)) == name);
  }
}

// ---- LookAlike ----------------------------------------------------------------------------------

TEST_CASE("look-alike: a name typed with letters of the other script is found, with the letter named", "[core][lookalike]") {
  REQUIRE(fold_look_alikes("с") == "c");
  REQUIRE(fold_look_alikes("Тоtal_1") == "Total_1");
  REQUIRE(fold_look_alikes("жиынтық") == "жиынтық");  // Cyrillic letters without a Latin twin stay
  auto m = find_look_alike("с", {"T", "n", "c"});
  REQUIRE(m);
  CHECK(m->candidate == "c");
  CHECK(m->written == "Cyrillic с (U+0441)");
  CHECK(m->meant == "Latin c (U+0063)");
  // Latin typed where the rules have Cyrillic: the other way round.
  auto back = find_look_alike("c", {"с"});
  REQUIRE(back);
  CHECK(back->written == "Latin c (U+0063)");
  CHECK(back->meant == "Cyrillic с (U+0441)");
  // The first letter that differs is named, in a longer name.
  auto col = find_look_alike("аutomatiоn", {"automation"});
  REQUIRE(col);
  CHECK(col->written == "Cyrillic а (U+0430)");
  // Not a look-alike: the name itself, a spelling difference, another length, no twin.
  CHECK_FALSE(find_look_alike("c", {"c"}));
  CHECK_FALSE(find_look_alike("d", {"c"}));
  CHECK_FALSE(find_look_alike("сс", {"c"}));
  CHECK_FALSE(find_look_alike("ж", {"x"}));
  CHECK_FALSE(find_look_alike("", {}));
}

TEST_CASE("look-alike: a name mixing Latin and Cyrillic is told by its odd letter", "[core][lookalike]") {
  CHECK(mixed_script_letter("tоtal") == "Cyrillic о (U+043E)");
  CHECK(mixed_script_letter("тoтал") == "Latin o (U+006F)");
  CHECK_FALSE(mixed_script_letter("total"));
  CHECK_FALSE(mixed_script_letter("жалпы"));
  CHECK_FALSE(mixed_script_letter("n_2"));
  // Bytes that are no UTF-8 are read one by one, never past the end.
  CHECK_FALSE(mixed_script_letter(std::string("\xD1", 1)));
  CHECK(fold_look_alikes(std::string("a\xE2\x82", 3)).size() == 3);
}
