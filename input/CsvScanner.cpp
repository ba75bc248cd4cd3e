// CSV bytes to records (RFC 4180) in one pass with pointers, checking UTF-8 on the way. The hot
// loop only looks for the four bytes that matter (separator, quote, CR, LF) and bytes of non-ASCII
// characters; lines and columns are counted only for a message. Every error first checks the whole
// file's UTF-8, so that a bad byte is reported before anything else, wherever it is.
#include "input/CsvScanner.hpp"

#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "core/Source.hpp"
#include "input/CsvReader.hpp"
#include "input/DataSet.hpp"

namespace ereje::input {
namespace {

// Bytes that end a run of plain field text: the separator, " CR LF, and every byte of a non-ASCII
// character.
struct SpecialBytes {
  bool is[256] = {};
  constexpr explicit SpecialBytes(char separator) {
    is[static_cast<unsigned char>(separator)] = is[static_cast<unsigned char>('"')] = true;
    is[static_cast<unsigned char>('\r')] = is[static_cast<unsigned char>('\n')] = true;
    for (int c = 0x80; c < 0x100; ++c) is[c] = true;
  }
};
constexpr SpecialBytes kSpecialComma(','), kSpecialSemicolon(';');

// Length of the UTF-8 sequence at q, or 0 when it is not UTF-8: the rules of utf8_invalid_at
// (core/Source.cpp), which reports the error.
std::size_t utf8_sequence(const unsigned char* q, const unsigned char* e) {
  const unsigned c = q[0];
  std::size_t len;
  std::uint32_t cp;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
  else return 0;
  if (static_cast<std::size_t>(e - q) < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((q[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (q[k] & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return len;
}

// The common case of utf8_sequence inline: a two-byte sequence (Cyrillic, Kazakh letters) is a
// lead byte C2..DF and a continuation byte; anything else goes to the full check.
[[gnu::always_inline]] inline std::size_t utf8_step(const unsigned char* q, const unsigned char* e) {
  if (q[0] >= 0xC2 && q[0] <= 0xDF && e - q >= 2 && (q[1] & 0xC0) == 0x80) return 2;
  return utf8_sequence(q, e);
}

// Past the two-byte sequences that follow at q: a word of Cyrillic or Kazakh letters goes by a
// check per letter, not through the loop of every special byte.
[[gnu::always_inline]] inline const unsigned char* two_byte_run(const unsigned char* q, const unsigned char* e) {
  while (e - q >= 2 && q[0] >= 0xC2 && q[0] <= 0xDF && (q[1] & 0xC0) == 0x80) q += 2;
  return q;
}

bool at_line_end(const char* q, const char* end) {
  return q < end && (*q == '\n' || (*q == '\r' && (q + 1 == end || q[1] == '\n')));
}

// Walks one record of an already scanned file from its first byte, calling on_field(start, line,
// line_start) at each field until it returns false. Returns where the record ends (at its line
// break or the end of the file). The scan has checked the syntax; this only follows it.
template <class F>
const char* walk_record(const char* q, const char* end, char sep, std::uint32_t& line, const char*& line_start,
                        F&& on_field) {
  for (;;) {
    if (!on_field(q, line, line_start)) return q;
    if (q < end && *q == '"') {
      ++q;
      while (q < end) {
        if (*q == '"') {
          if (q + 1 < end && q[1] == '"') {
            q += 2;
            continue;
          }
          ++q;
          break;
        }
        if (*q == '\n') {
          ++line;
          line_start = q + 1;
        }
        ++q;
      }
    } else {
      while (q < end && *q != sep && !at_line_end(q, end)) ++q;
    }
    if (q < end && *q == sep) {
      ++q;
      continue;
    }
    return q;
  }
}

// Past the line break at q, then past blank lines: where the next record starts.
const char* next_record_start(const char* q, const char* end, std::uint32_t& line) {
  if (q < end) {
    if (*q == '\r') ++q;
    if (q < end) ++q;
    ++line;
  }
  while (at_line_end(q, end)) {
    if (*q == '\r') ++q;
    if (q < end) ++q;
    ++line;
  }
  return q;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string mib(std::size_t bytes) { return fmt::format("{} MiB", bytes >> 20); }

}  // namespace

CsvScanner::CsvScanner(std::string_view text, std::size_t bom, std::string display_name, const TableSchema* table)
    : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), bom_(bom), special_(kSpecialComma.is),
      line_start_(begin_), name_(std::move(display_name)), table_(table) {}

void CsvScanner::use_separator(char separator) {
  sep_ = separator;
  special_ = separator == ';' ? kSpecialSemicolon.is : kSpecialComma.is;
}

std::uint32_t CsvScanner::col_at(const char* line_start, const char* q) const {
  return static_cast<std::uint32_t>(utf8_length(std::string_view(line_start, static_cast<std::size_t>(q - line_start))) + 1);
}

std::string_view CsvScanner::line_at(const char* start) const {
  const std::size_t room = static_cast<std::size_t>(end_ - start);
  const void* nl = std::memchr(start, '\n', room);
  const char* e = nl ? static_cast<const char*>(nl) : end_;
  if (e > start && e[-1] == '\r') --e;
  return shown_line(std::string_view(start, static_cast<std::size_t>(e - start)));
}

std::string_view CsvScanner::line_text(std::uint32_t line) const {
  const char* ls = begin_;
  for (std::uint32_t l = 1; l < line && ls < end_; ++l) {
    const void* nl = std::memchr(ls, '\n', static_cast<std::size_t>(end_ - ls));
    ls = nl ? static_cast<const char*>(nl) + 1 : end_;
  }
  return line_at(ls);
}

void CsvScanner::raise(Diagnostic d) const {
  // A byte that is not UTF-8 anywhere in the file is the error to report: it says the whole file
  // is in another encoding, which explains any other error better than the other error does.
  check_utf8(std::string_view(begin_, static_cast<std::size_t>(end_ - begin_)), bom_, name_);
  InputError e;
  e.diagnostics.add(std::move(d));
  for (auto& w : warnings()) e.diagnostics.add(std::move(w));
  throw e;
}

std::vector<Diagnostic> CsvScanner::warnings() const {
  std::vector<Diagnostic> out;
  if (semicolon_) out.push_back(*semicolon_);
  if (stray_.fields > 0) out.push_back(stray_.warning(name_));
  return out;
}

void CsvScanner::stray_quote(const char* field, const char* q) {
  if (field == stray_field_) return;  // a field is counted once, however many quotes it holds
  stray_field_ = field;
  if (stray_.fields++ == 0) {
    stray_.line = line_;
    stray_.col = col_at(line_start_, q);
    stray_.line_text = line_at(line_start_);
  }
}

void CsvScanner::fail(std::string code, std::uint32_t line, const char* line_start, std::uint32_t col,
                      std::string message, std::string help) const {
  raise(data_error(std::move(code), name_, line, col, line_at(line_start), std::move(message), std::move(help)));
}

void CsvScanner::fail_utf8() const {
  check_utf8(std::string_view(begin_, static_cast<std::size_t>(end_ - begin_)), bom_, name_);
  throw std::logic_error("CsvScanner: a byte failed the UTF-8 check that the whole file passes");
}

void CsvScanner::new_line(const char* next) {
  line_start_ = next;
  if (++line_ == std::numeric_limits<std::uint32_t>::max()) [[unlikely]]
    fail("data-too-many-lines", line_ - 1, begin_, 1, "more than 4294967294 lines in the file",
         "the file is far larger than any table of data.md: check that it is the right file");
}

std::string& CsvScanner::scratch(std::size_t field) {
  while (scratch_.size() <= field) scratch_.emplace_back();
  return scratch_[field];
}

void CsvScanner::fail_long_field(const char* start, std::uint32_t line, const char* line_start) const {
  fail("data-field-too-long", line, line_start, col_at(line_start, start),
       fmt::format("field longer than {}, the limit for one value", mib(kMaxFieldBytes)),
       "no code or name is this long: look for a quote opened here and closed much later, or for a "
       "file that is not a table of data.md");
}

std::string_view CsvScanner::read_plain() {
  const char* start = p_;
  const auto* q = reinterpret_cast<const unsigned char*>(p_);
  const auto* e = reinterpret_cast<const unsigned char*>(end_);
  const bool* const special = special_;
  const auto sep = static_cast<unsigned char>(sep_);
  for (;;) {
    while (q < e && !special[*q]) ++q;
    if (q == e) break;
    const unsigned char c = *q;
    if (c == sep || c == '\n') break;
    if (c == '\r') {
      if (q + 1 == e || q[1] == '\n') break;
      fail("data-stray-cr", line_, line_start_, col_at(line_start_, reinterpret_cast<const char*>(q)),
           "carriage return without a line feed inside a field",
           "save the file with LF or CRLF line ends, or put a value holding a line break in quotes");
    }
    if (c == '"') {  // inside an unquoted field: a character of the value (a field starting with one is quoted)
      stray_quote(start, reinterpret_cast<const char*>(q++));
      continue;
    }
    const std::size_t n = utf8_step(q, e);
    if (n == 0) fail_utf8();
    q += n;
    q = two_byte_run(q, e);
  }
  p_ = reinterpret_cast<const char*>(q);
  const auto size = static_cast<std::size_t>(p_ - start);
  if (size > kMaxFieldBytes) fail_long_field(start, line_, line_start_);
  return {start, size};
}

std::string_view CsvScanner::read_quoted(std::size_t field) {
  const char* open = p_;
  const std::uint32_t open_line = line_;
  const char* open_line_start = line_start_;
  const char* run = ++p_;
  std::string* copy = nullptr;  // only when the text differs from the bytes
  auto unterminated = [&] {
    fail("data-unterminated-quote", open_line, open_line_start, col_at(open_line_start, open),
         "unterminated quoted field: this opening quote is never closed",
         "end the field with a quote; a quote inside a quoted field is written twice (\"\")");
  };
  auto too_long = [&] {
    // An open quote that swallows the rest of the file is the usual cause: say so when it is.
    for (const char* q = p_; q < end_; ++q)
      if (*q == '"') {
        if (q + 1 < end_ && q[1] == '"') {
          ++q;
          continue;
        }
        fail_long_field(open, open_line, open_line_start);
      }
    unterminated();
  };
  for (;;) {
    if (p_ == end_) unterminated();
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      if (p_ + 1 < end_ && p_[1] == '"') {
        if (static_cast<std::size_t>(p_ - open) > kMaxFieldBytes) too_long();
        if (!copy) {
          (copy = &scratch(field))->clear();
          copied_ = true;
        }
        copy->append(run, p_ + 1);
        p_ += 2;
        run = p_;
        continue;
      }
      break;
    }
    if (c == '\n') {
      // A quoted line break is part of the value as written, LF or CRLF: the value is the bytes
      // between the quotes (doubled quotes aside), as every other reader of the file sees it.
      if (static_cast<std::size_t>(p_ - open) > kMaxFieldBytes) too_long();
      new_line(++p_);
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n =
          utf8_step(reinterpret_cast<const unsigned char*>(p_), reinterpret_cast<const unsigned char*>(end_));
      if (n == 0) fail_utf8();
      p_ = reinterpret_cast<const char*>(
          two_byte_run(reinterpret_cast<const unsigned char*>(p_) + n, reinterpret_cast<const unsigned char*>(end_)));
      continue;
    }
    ++p_;
  }
  if (static_cast<std::size_t>(p_ - open - 1) > kMaxFieldBytes) fail_long_field(open, open_line, open_line_start);
  std::string_view value;
  if (copy) {
    copy->append(run, p_);
    value = *copy;
  } else {
    value = std::string_view(run, static_cast<std::size_t>(p_ - run));
  }
  ++p_;  // the closing quote
  if (p_ == end_ || *p_ == sep_ || at_line_end(p_, end_)) return value;
  fail("data-text-after-quote", line_, line_start_, col_at(line_start_, p_),
       "unexpected text after the closing quote of a quoted field",
       "put the whole value inside the quotes and write a quote inside it twice: \"say \"\"yes\"\"\"");
}

#if defined(__SSE2__)
namespace {
// The 16 bytes at q as bit masks: the result's bit i says byte i ends a run of plain field text
// other than at a separator: LF, CR, a quote, or a byte of a non-ASCII character (>= 0x80: its
// top bit is what movemask collects); `seps`' bit i that it is the separator Sep.
template <char Sep>
[[gnu::always_inline]] inline unsigned masks16(const char* q, unsigned& seps) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
  seps = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(Sep))));
  return static_cast<unsigned>(_mm_movemask_epi8(
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), v))));
}
// The same for the 64 bytes at q.
template <char Sep>
[[gnu::always_inline]] inline std::uint64_t masks64(const char* q, std::uint64_t& seps) {
  std::uint64_t s = 0, t = 0;
  for (int k = 0; k < 4; ++k) {
    unsigned sk;
    t |= std::uint64_t{masks16<Sep>(q + 16 * k, sk)} << (16 * k);
    s |= std::uint64_t{sk} << (16 * k);
  }
  seps = s;
  return t;
}
}  // namespace
#endif

// The common record: plain ASCII fields, no quotes, ending in LF or CRLF. Sixteen bytes at a time,
// a bit mask of the separators and one of everything else that matters; fields end at the
// separators. Any other byte, the last bytes of the file, or a record near a limit: false, and
// read_record reads the record again the general way, which decides (and words any error) alone.
template <char Sep>
bool CsvScanner::fast_record(CsvRecord& rec, std::size_t keep) {
#if defined(__SSE2__)
  const char* field = p_;
  const char* q = p_;
  std::size_t count = 0;
  for (;;) {
    if (end_ - q < 17 || static_cast<std::size_t>(q - p_) > kMaxFieldBytes) return false;
    unsigned seps;
    const unsigned stops = masks16<Sep>(q, seps);
    const unsigned first_stop = stops ? static_cast<unsigned>(__builtin_ctz(stops)) : 16;
    if (first_stop < 16) seps &= (1u << first_stop) - 1;
    while (seps) {
      const char* e = q + __builtin_ctz(seps);
      if (count < keep) rec.fields[count] = std::string_view(field, static_cast<std::size_t>(e - field));
      ++count;
      field = e + 1;
      seps &= seps - 1;
    }
    if (first_stop == 16) {
      q += 16;
      continue;
    }
    const char* e = q + first_stop;
    // The record ends at an LF, or at a CR followed by an LF (end_ - q > 16: e[1] is in the file).
    if (!(*e == '\n' || (*e == '\r' && e[1] == '\n'))) return false;
    if (static_cast<std::size_t>(e - field) > kMaxFieldBytes || static_cast<std::size_t>(e - p_) > kMaxRecordBytes)
      return false;
    if (count < keep) rec.fields[count] = std::string_view(field, static_cast<std::size_t>(e - field));
    rec.count = count + 1;
    p_ = e;
    return true;
  }
#else
  (void)rec;
  (void)keep;
  return false;
#endif
}

// The masks of a 64-byte chunk serve every record that starts in it (about two of a table of
// data.md): the separators before a record's first stop are its fields' ends, the stop its end.
// Everything lives in locals: a field written through `dest` (a string_view holds a pointer) would
// otherwise make the compiler read the scanner's members again after each one.
template <char Sep>
std::size_t CsvScanner::plain_records_sep(std::string_view* const* dest, std::size_t at, std::size_t max) {
#if defined(__SSE2__)
  const std::size_t width = width_;
  if (width == 0 || rows_ >= kMaxRowsPerTable) return 0;
  // Row and line limits: next() reports them, on the record that passes them.
  const std::uint64_t lines_left = std::uint64_t{std::numeric_limits<std::uint32_t>::max()} - 2 - std::min<std::uint64_t>(line_, std::numeric_limits<std::uint32_t>::max() - 2);
  max = std::min({max, kMaxRowsPerTable - rows_, static_cast<std::size_t>(lines_left)});
  const char* p = p_;
  const char* const end = end_;
  const char* const stop = stop_;
  const char* block = nullptr;  // the chunk whose masks are in block_seps and block_stops
  std::uint64_t block_seps = 0, block_stops = 0;
  std::size_t n = 0;
  while (n < max && p != stop) {
    // A record of fewer than 64 bytes (most): masks of the 64 bytes from its first, its fields the
    // width - 1 separators before its first stop. No branch on where a 64-byte block ends nor on
    // how many fields a block holds (neither follows a pattern a predictor learns); anything else
    // (a longer record, a blank line, a quote, a non-ASCII byte, a stray CR, a ragged record) is
    // left to the path below, record by record.
    if (end - p >= 65) {
      std::uint64_t seps;
      const std::uint64_t stops = masks64<Sep>(p, seps);
      const unsigned stop_at = stops ? static_cast<unsigned>(__builtin_ctzll(stops)) : 0;
      const char* const e = p + stop_at;
      if (stop_at > 0 && (*e == '\n' || (*e == '\r' && e[1] == '\n'))) {  // e[1]: end - p > 64
        std::uint64_t before = seps & ((std::uint64_t{1} << stop_at) - 1);
        const char* field = p;
        std::size_t k = 0;
        for (; k + 1 < width && before != 0; ++k) {
          const char* const sep = p + __builtin_ctzll(before);
          before &= before - 1;
          dest[k][at + n] = std::string_view(field, static_cast<std::size_t>(sep - field));
          field = sep + 1;
        }
        if (k + 1 == width && before == 0) {
          dest[k][at + n] = std::string_view(field, static_cast<std::size_t>(e - field));
          ++n;
          p = e + (*e == '\r' ? 2 : 1);
          continue;
        }
      }
    }
    if (!block || p >= block + 64) {
      if (end - p < 65) break;  // 64 bytes and the one after a CR
      block = p;
      block_stops = masks64<Sep>(block, block_seps);
    }
    if (*p == '\n' || *p == '\r') break;  // a blank line (not a record), or a stray CR
    const std::uint64_t from = ~std::uint64_t{0} << (p - block);
    std::uint64_t seps = block_seps & from, stops = block_stops & from;
    const char* chunk = block;
    const char* field = p;
    std::size_t count = 0;
    for (;;) {
      if (stops) seps &= (stops & (0 - stops)) - 1;  // the separators before the first stop
      while (seps) {
        const char* e = chunk + __builtin_ctzll(seps);
        seps &= seps - 1;
        dest[count][at + n] = std::string_view(field, static_cast<std::size_t>(e - field));
        ++count;
        field = e + 1;
      }
      if (stops || count >= width) break;
      chunk += 64;
      // A record longer than a field may be (any field of it could be too long): next() decides.
      if (end - chunk < 65 || static_cast<std::size_t>(chunk - p) > kMaxFieldBytes) break;
      block = chunk;
      block_stops = stops = masks64<Sep>(block, block_seps);
      seps = block_seps;
    }
    if (!stops || count + 1 != width) break;  // ragged, or longer than the text left
    const char* e = chunk + __builtin_ctzll(stops);
    const char* next;
    if (*e == '\n') next = e + 1;
    else if (*e == '\r' && e[1] == '\n') next = e + 2;  // e[1] is in the text: end - chunk > 64
    else break;  // a quote, a non-ASCII byte or a stray CR
    if (static_cast<std::size_t>(e - field) > kMaxFieldBytes || static_cast<std::size_t>(e - p) > kMaxRecordBytes) break;
    dest[count][at + n] = std::string_view(field, static_cast<std::size_t>(e - field));
    ++n;
    p = next;
  }
  if (n > 0) {
    p_ = line_start_ = p;
    line_ += static_cast<std::uint32_t>(n);
    rows_ += n;
  }
  return n;
#else
  (void)dest;
  (void)at;
  (void)max;
  return 0;
#endif
}

std::size_t CsvScanner::plain_records(std::string_view* const* dest, std::size_t at, std::size_t max) {
  return sep_ == ',' ? plain_records_sep<','>(dest, at, max) : plain_records_sep<';'>(dest, at, max);
}

bool CsvScanner::read_record(CsvRecord& rec, std::size_t keep) {
  // A blank line is not a record: a record with one empty field would be ragged for every table
  // we have, and spreadsheets and hand edits leave blank lines (often at the end) that mean nothing.
  for (;;) {
    if (p_ == end_ || p_ == stop_) return false;
    if (*p_ == '\n') {
      new_line(++p_);
      continue;
    }
    if (*p_ == '\r' && (p_ + 1 == end_ || p_[1] == '\n')) {
      p_ += p_ + 1 == end_ ? 1 : 2;
      new_line(p_);
      continue;
    }
    break;
  }
  rec.start = p_;
  rec.line = line_;
  rec.count = 0;
  copied_ = false;
  if (rec.fields.size() < keep) rec.fields.resize(keep);
  if (!(sep_ == ',' ? fast_record<','>(rec, keep) : fast_record<';'>(rec, keep))) {
    for (;;) {
      const std::size_t slot = std::min(rec.count, keep);  // fields past `keep` share one scratch string
      const std::string_view v = p_ < end_ && *p_ == '"' ? read_quoted(slot) : read_plain();
      if (rec.count < keep) rec.fields[rec.count] = v;
      ++rec.count;
      if (static_cast<std::size_t>(p_ - rec.start) > kMaxRecordBytes)
        fail("data-record-too-long", rec.line, rec.start, 1,
             fmt::format("record longer than {}, the limit for one row", mib(kMaxRecordBytes)),
             "a row of data.md is a few hundred bytes: check that this is a table of data.md and that its "
             "quotes are balanced");
      if (p_ < end_ && *p_ == sep_) {
        ++p_;
        continue;
      }
      break;
    }
  }
  rec.fields.resize(std::min(rec.count, keep));
  rec.multiline = line_ != rec.line;
  rec.copied = copied_;
  rec_end_ = p_;
  rec_end_line_ = line_;
  rec_end_line_start_ = line_start_;
  if (p_ < end_) {  // read_plain and read_quoted stop nowhere else than at a line end
    if (*p_ == '\r') ++p_;
    if (p_ < end_) ++p_;
    new_line(p_);
  }
  return true;
}

void CsvScanner::read_header(std::vector<std::string>& names, std::vector<std::uint32_t>& cols, std::uint32_t& line) {
  if (table_) {
    const std::string_view rest(p_, static_cast<std::size_t>(end_ - p_));
    if (const Separator found = detect_separator(rest, *table_); found.sep != sep_) {
      use_separator(found.sep);
      const TextPosition at = position_of(std::string_view(begin_, static_cast<std::size_t>(end_ - begin_)),
                                          static_cast<std::size_t>(p_ - begin_) + found.semicolon);
      semicolon_ = semicolon_warning(name_, at.line, at.col, at.text);
    }
  }
  CsvRecord rec;
  if (!read_record(rec, kMaxColumns + 1)) {
    std::string message = "empty file: expected a header row";
    std::string help = "a table with no rows still needs its header line";
    if (table_) {
      auto columns = file_columns(*table_);
      message += " with columns " + join(columns);
      std::string header;
      for (const auto& n : columns) header += (header.empty() ? "" : ",") + n;
      help += ": " + header;
    }
    raise(data_error("data-empty-file", name_, 1, 1, {}, std::move(message), std::move(help)));
  }
  if (rec.count > kMaxColumns) {
    const CsvPlace at = place(rec.start, rec.line, kMaxColumns);
    raise(data_error("data-too-many-columns", name_, at.line, at.col, at.line_text,
                     fmt::format("more than {} columns in the header, the limit", kMaxColumns),
                     "the tables of data.md have a handful of columns: check that the first line is the header"));
  }
  line = rec.line;
  names.assign(rec.fields.begin(), rec.fields.end());
  std::vector<std::uint32_t> lines;
  place_all(rec, cols, lines);
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    // An empty name is an unnamed (so unknown, ignored) column; spreadsheets export several.
    if (names[i].empty()) continue;
    auto [it, fresh] = seen.emplace(names[i], i);
    if (fresh) continue;
    Diagnostic d = data_error("data-duplicate-column", name_, lines[i], cols[i], line_text(lines[i]),
                              fmt::format("duplicate column `{}` in the header", names[i]),
                              "each column name may appear once; rename or remove one of them");
    d.notes.push_back(
        {Span{}, fmt::format("`{}` first appears at line {}, column {}", names[i], lines[it->second], cols[it->second])});
    raise(std::move(d));
  }
  width_ = names.size();
}

bool CsvScanner::next(CsvRecord& rec) {
  if (!read_record(rec, width_)) return false;
  if (++rows_ > kMaxRowsPerTable)
    fail("data-too-many-rows", rec.line, rec.start, 1,
         fmt::format("more than {} rows in the table, the limit", kMaxRowsPerTable),
         "that is 25,000 rows for each of 4,000 bodies: check that this is the right file");
  if (rec.count == width_) return true;
  std::string message =
      fmt::format("expected {} field{} as in the header, got {}", width_, width_ == 1 ? "" : "s", rec.count);
  if (rec.count > width_) {
    const CsvPlace at = place(rec.start, rec.line, width_);
    raise(data_error("data-ragged-row", name_, at.line, at.col, at.line_text, std::move(message),
                     fmt::format("a value holding a {} must be in quotes: \"a{} b\"", sep_ == ',' ? "comma" : "`;`", sep_)));
  }
  fail("data-ragged-row", rec_end_line_, rec_end_line_start_, col_at(rec_end_line_start_, rec_end_), std::move(message),
       fmt::format("every row needs a field for each header column; leave a missing value empty (a{0}{0}c)", sep_));
}

CsvPlace CsvScanner::place(const char* start, std::uint32_t line, std::size_t field) const {
  std::size_t i = 0;
  CsvPlace at{line, 0, {}};
  const char* ls = start;  // a record starts at the start of a line
  const char* found = nullptr;
  const char* found_ls = start;
  walk_record(start, end_, sep_, line, ls, [&](const char* q, std::uint32_t l, const char* lstart) {
    if (i++ != field) return true;
    found = q;
    at.line = l;
    found_ls = lstart;
    return false;
  });
  if (found) at.col = col_at(found_ls, found);
  at.line_text = line_at(found_ls);
  return at;
}

void CsvScanner::place_all(const CsvRecord& rec, std::vector<std::uint32_t>& cols,
                           std::vector<std::uint32_t>& lines) const {
  cols.clear();
  lines.clear();
  std::uint32_t line = rec.line;
  const char* ls = rec.start;
  // Fields are visited left to right: counting code points from the previous field keeps a line's
  // columns linear in its length.
  const char* mark = rec.start;
  std::uint32_t mark_col = 1;
  walk_record(rec.start, end_, sep_, line, ls, [&](const char* q, std::uint32_t l, const char* lstart) {
    if (mark < lstart) {
      mark = lstart;
      mark_col = 1;
    }
    mark_col += static_cast<std::uint32_t>(utf8_length(std::string_view(mark, static_cast<std::size_t>(q - mark))));
    mark = q;
    cols.push_back(mark_col);
    lines.push_back(l);
    return true;
  });
}

const char* CsvScanner::skip(const char* start, std::uint32_t& line, std::size_t n) const {
  for (std::size_t i = 0; i < n && start < end_; ++i) {
    const char* ls = start;
    const char* e = walk_record(start, end_, sep_, line, ls, [](const char*, std::uint32_t, const char*) { return true; });
    start = next_record_start(e, end_, line);
  }
  return start;
}

}  // namespace ereje::input
