// Loading agency data: the files of a data folder read (a large CSV file in pieces on threads) or
// rows already read (build_dataset), each table checked and encoded by a TableBuilder, then the
// checks across tables (CrossChecks.cpp). Every error names file, line and column; any error stops
// the run before a single result is computed.
#include "input/DataSet.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/Timing.hpp"
#include "input/CsvScanner.hpp"
#include "input/JsonReader.hpp"
#include "input/Loading.hpp"
#include "input/MappedFile.hpp"
#include "input/Reporter.hpp"
#include "input/TableBuilder.hpp"
#include "input/Wording.hpp"

namespace ereje::input {

std::string read_file_text(const std::string& path, const std::string& display_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw_input_error(data_error("data-unreadable", display_name, 0, 0, {},
                                 fmt::format("cannot read the file: {}", std::strerror(err))));
  }
  std::string text;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0, std::ios::beg);
    in.read(text.data(), size);
  }
  if (!in)
    throw_input_error(data_error("data-unreadable", display_name, 0, 0, {}, "cannot read the file: read failed"));
  return text;
}

namespace {

// `needed` as load_folder has it: a table read only because a table read refers to it is named so.
Diagnostic missing_table_error(const std::string& folder, const TableSchema& ts, const Contract& contract,
                               const std::vector<std::string>& needed, const std::string& hint) {
  std::string help = hint;
  const Reference* by = nullptr;
  const TableSchema* from = nullptr;
  for (const auto& other : contract.tables)
    if (&other != &ts && std::find(needed.begin(), needed.end(), other.name) != needed.end())
      for (const auto& ref : other.references)
        if (!by && ref.table == ts.name) by = &ref, from = &other;
  if (help.empty() && ts.lists_bodies)
    help = fmt::format("every run reads `{}` ({}): put {}.csv or {}.json in the folder", ts.name, ts.meaning, ts.name,
                       ts.name);
  else if (help.empty() && by)
    help = fmt::format("`{}.{}` refers to `{}.{}` ({}), and a reference is checked against the rows it names: put {}.csv "
                       "or {}.json in the folder", from->name, by->column, ts.name, by->target, ts.meaning, ts.name,
                       ts.name);
  else if (help.empty())
    help = fmt::format("the rules in force read `{}` ({}): put {}.csv or {}.json in the folder", ts.name, ts.meaning,
                       ts.name, ts.name);
  return data_error("data-missing-table", folder, 0, 0, {},
                    fmt::format("missing data file {}.csv (or {}.json) in the data folder `{}`", ts.name, ts.name,
                                folder),
                    std::move(help));
}

bool is_needed(const TableSchema& ts, const std::vector<std::string>& needed) {
  return ts.lists_bodies || std::find(needed.begin(), needed.end(), ts.name) != needed.end();
}

Table absent_table(const TableSchema& ts) {
  Table t;
  t.schema = &ts;
  t.present = false;
  t.columns.resize(ts.columns.size());
  for (std::size_t c = 0; c < ts.columns.size(); ++c) {
    t.columns[c].bind(&ts.columns[c]);
    t.columns[c].present = false;
  }
  return t;
}

// ---- a data set --------------------------------------------------------------------------------

// One table from text records.
void build_from_text(const TableSchema& ts, TextTable text, Loading& L) {
  L.ds.warnings.insert(L.ds.warnings.end(), text.warnings.begin(), text.warnings.end());
  auto locator = std::make_unique<TextTableLocator>(std::move(text));
  const TextTable& tt = locator->table();  // owned by the builder from here on
  Table& t = L.ds.tables[ts.name];
  auto b = std::make_unique<TableBuilder>(ts, t, tt.file, tt.json, L.reporter, std::move(locator));
  b->header(tt.header, tt.header_cols, tt.header_line, tt.json && tt.records.empty());
  if (tt.records.size() > kMaxRowsPerTable) {
    L.reporter.add(data_error("data-too-many-rows", tt.file, 0, 0, {},
                              fmt::format("more than {} rows in the table, the limit", kMaxRowsPerTable),
                              "that is 25,000 rows for each of 4,000 bodies: check that this is the right file"));
  } else {
    b->reserve(tt.records.size());
    std::vector<std::string_view> fields;
    for (std::size_t r = 0; r < tt.records.size(); ++r) {
      const auto& rec = tt.records[r];
      // The rows before it first, so that their errors come first.
      if (rec.size() != tt.header.size()) b->flush();
      b->start_row(r < tt.lines.size() ? tt.lines[r] : static_cast<std::uint32_t>(r + 1));
      if (rec.size() != tt.header.size()) {
        // CsvScanner reports this itself; here for tables built by hand.
        b->field_error("data-ragged-row", r, 0,
                       fmt::format("expected {} fields as in the header, got {}", tt.header.size(), rec.size()),
                       "every row needs a field for each header column");
      }
      fields.assign(rec.begin(), rec.end());
      b->encode_row(r, fields.data(), fields.size());
    }
  }
  b->finish();
  L.builders[ts.name] = std::move(b);
}

// ---- a CSV file, in pieces -------------------------------------------------------------------

// At most this many pieces of a file: past it, the merging on one thread is what takes the time.
constexpr std::size_t kMaxPieces = 8;

unsigned threads_for(const LoadOptions& options) {
  if (options.threads > 0) return options.threads;
  if (const char* env = std::getenv("EREJE_THREADS")) {
    const int n = std::atoi(env);
    if (n >= 1 && n <= 256) return static_cast<unsigned>(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}
// Pages behind a reader go back to the page cache this many bytes at a time.
constexpr std::size_t kReleaseBytes = std::size_t{8} << 20;

// A reader's columns are sized once, from the first rows' length and the bytes left up to its end:
// growing by doubling would copy each column a dozen times and leave up to half of it unused.
constexpr std::size_t kSample = 1024;
// After the first kSample rows of a reader (`r` rows in all, `done` bytes read, `left` to go): the
// columns sized for the rest, 5 % high.
void size_for_rest(TableBuilder& b, std::size_t r, std::size_t done, std::size_t left) {
  b.reserve(r + left * kSample / std::max<std::size_t>(1, done) * 21 / 20 + kSample);
}

// How many rows a batch of plain records (CsvScanner::plain_records) may hold from row r on: as
// many as the staged block takes, and none past a row whose start a CsvLocator marks, so that
// such a row is always the first of its batch (on_row sees the first row of each batch).
std::size_t batch_rows(const TableBuilder& b, std::size_t r) {
  return std::min(b.batch_room(), CsvLocator::kStride - r % CsvLocator::kStride);
}

// Reads the records of `scanner` into `b` until it stops (or the builder's limit), numbering rows
// on from `r`; returns the row count after. Plain records come a batch at a time, any other one
// alone (CsvScanner::next). `on_row(r, start, line)` sees each record, or the first of each batch,
// before it is taken, and may stop the reading (false): `start` its first byte, `line` its line.
template <class OnRow>
std::size_t read_rows(CsvScanner& scanner, TableBuilder& b, std::size_t r, const char* end, const MappedFile& file,
                      OnRow&& on_row) {
  CsvRecord rec;
  const std::size_t first_row = r;
  const char* first = scanner.position();
  const char* released = first;
  std::size_t next_release = (r / 4096 + 1) * 4096;
  bool sized = false;
  while (b.room()) {
    const char* start = scanner.position();
    const std::uint32_t line = scanner.line();
    if (const std::size_t n = scanner.plain_records(b.batch_dest(), b.batch_at(), batch_rows(b, r))) {
      if (!on_row(r, start, line)) break;
      b.commit_batch(n, line);
      r += n;
    } else {
      if (!scanner.next(rec)) break;
      start = rec.start;
      if (!on_row(r, rec.start, rec.line)) break;
      b.start_row(rec.line);
      b.encode_row(r, rec.fields.data(), rec.fields.size(), rec.copied);
      ++r;
    }
    if (!sized && r - first_row >= kSample) {
      sized = true;
      size_for_rest(b, r, static_cast<std::size_t>(scanner.position() - first),
                    static_cast<std::size_t>(end - scanner.position()));
    }
    if (r >= next_release) {
      next_release = (r / 4096 + 1) * 4096;
      if (static_cast<std::size_t>(start - released) > kReleaseBytes) {
        b.flush();  // the staged rows' fields point into the pages given back
        file.release(released, start);
        released = start;
      }
    }
  }
  b.flush();
  return r;
}

// Reading through a window. A mapped file's pages cost a fault and a page-table entry each the
// first time the process reads them; on a virtual machine with shadow page tables that is most of
// the reading (measured: a pass over 66 MB of mapped CSV 34..48 ms, the same bytes copied a
// window at a time into a buffer that stays in the cache 10 ms; bench/README.md). So the rows are
// read from copies of LoadOptions::window_bytes at a time, each cut after its last line break,
// and the mapping is only pointed into for messages. A window's scanner sees its end as the end
// of the file: a record that goes on past it (a quoted field holding that line break, or a record
// longer than a window) is an error there, and so is anything else unusual; the window reader
// then gives up, and the table is read again from the mapping, which decides and words
// everything as before.

// What a window reader carries from one window to the next.
struct WindowState {
  std::uint32_t line = 1;  // the physical line at the reading's position
  std::size_t rows = 0;    // records read so far (CsvScanner's count, for the row limit)
  StrayQuotes stray;       // quotes inside unquoted fields (CsvDialect.hpp), lines as in the file
};

// Reads the records of the file's bytes [from, to) into `b` through windows, numbering rows on from
// `r`: `from` is a record's start. `on_row(r, start, line)` sees each record (or the first of each
// batch, as for read_rows) first, with `start` its first byte in the mapping, and may stop the
// reading (false).
// True when every record up to exactly `to` was read, with no error; false when it stopped short,
// met an error or could not read the file: nothing it read may then be used.
template <class OnRow>
bool read_window_rows(const MappedFile& file, std::size_t window, std::size_t from, std::size_t to, const std::string& name,
                      const TableSchema& ts, std::size_t width, char separator, TableBuilder& b, std::size_t& r,
                      WindowState& w, OnRow&& on_row) {
  const std::unique_ptr<char[]> buf(new char[window]);
  const char* mapped = file.bytes().data();
  const std::size_t first_row = r;
  bool sized = false;
  std::size_t base = from;  // the file offset of buf[0]
  std::size_t carry = 0;    // bytes at buf[0] left over from the window before
  CsvRecord rec;
  try {
    while (base < to) {
      const std::size_t want = std::min(window - carry, to - (base + carry));
      if (file.copy(base + carry, buf.get() + carry, want) != want) return false;
      const std::size_t n = carry + want;
      std::size_t cut = n;
      if (base + n < to) {
        const void* nl = ::memrchr(buf.get(), '\n', n);
        if (!nl) return false;  // a record longer than the window
        cut = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.get()) + 1;
      }
      CsvScanner scanner(std::string_view(buf.get(), cut), 0, name, &ts);
      scanner.expect_width(width, separator);
      scanner.seek(buf.get(), w.line, w.rows);
      auto in_file = [&](const char* p) { return mapped + base + static_cast<std::size_t>(p - buf.get()); };
      for (;;) {
        const char* start = scanner.position();
        const std::uint32_t line = scanner.line();
        if (const std::size_t got = b.room() ? scanner.plain_records(b.batch_dest(), b.batch_at(), batch_rows(b, r)) : 0) {
          if (!on_row(r, in_file(start), line)) return false;
          b.commit_batch(got, line);
          r += got;
        } else {
          if (!scanner.next(rec)) break;
          if (!b.room() || !on_row(r, in_file(rec.start), rec.line)) return false;
          b.start_row(rec.line);
          b.encode_row(r, rec.fields.data(), rec.fields.size(), rec.copied);
          ++r;
        }
        if (!sized && r - first_row >= kSample) {
          sized = true;
          const std::size_t at = base + static_cast<std::size_t>(scanner.position() - buf.get());
          size_for_rest(b, r, at - from, to - at);
        }
      }
      if (scanner.position() != buf.get() + cut) return false;
      b.flush();  // the staged rows' fields point into the window, which moves next
      w.line = scanner.line();
      w.rows = scanner.rows();
      w.stray.add(scanner.stray_quotes(), 0);
      carry = n - cut;
      std::memmove(buf.get(), buf.get() + cut, carry);
      base += cut;
    }
    b.flush();
  } catch (const InputError&) {
    return false;
  } catch (const CodesTooWide&) {  // text codes past two bytes while others write: read again
    return false;
  }
  return true;
}

// A piece of a CSV file after the first, read by its own thread into its own table. Its start is a
// guess: the start of a line, taken for the start of a record.
struct Piece {
  const char* begin = nullptr;
  const char* end = nullptr;
  std::size_t base = 0, limit = 0;  // rows of the first reader's table it may write
  Table table;                      // its dictionaries and row count (the rows are in the first reader's)
  Reporter reporter;
  std::vector<CsvLocator::Mark> marks;  // rows and lines counted from the piece's start
  std::uint32_t end_line = 1;           // the line at its end, counted likewise
  StrayQuotes stray_quotes;             // lines counted likewise
  bool ok = false;                      // read to its end with no error of any kind
};

// One piece, on its own thread. Any error, or anything thrown, only marks the piece as not read:
// the main thread then reads it again itself, and reports what it finds in the ordinary way.
// `window` > 0: through windows of that many bytes (read_window_rows), else from the mapping.
void read_piece(Piece& piece, const TableSchema& ts, const std::vector<std::string>& names, char separator,
                const std::string& file, const MappedFile& mapped, Table& first, bool excel_locale, std::size_t window) {
  try {
    TableBuilder b(ts, piece.table, file, false, piece.reporter, std::make_unique<NoLocator>());
    b.excel_locale(excel_locale);
    b.columns(names);
    b.write_into(first, piece.base, piece.limit);
    if (window > 0) {
      const char* at = mapped.bytes().data();
      WindowState w;
      std::size_t r = 0;
      const bool read = read_window_rows(
          mapped, window, static_cast<std::size_t>(piece.begin - at), static_cast<std::size_t>(piece.end - at), file, ts,
          names.size(), separator, b, r, w, [&](std::size_t row, const char* start, std::uint32_t line) {
            if (row % CsvLocator::kStride == 0) piece.marks.push_back({row, start, line});
            return piece.reporter.empty();
          });
      piece.end_line = w.line;
      piece.stray_quotes = w.stray;
      piece.ok = read && piece.reporter.empty();
      return;
    }
    CsvScanner scanner(std::string_view(piece.begin, static_cast<std::size_t>(piece.end - piece.begin)), 0, file, &ts);
    scanner.expect_width(names.size(), separator);
    read_rows(scanner, b, 0, piece.end, mapped, [&](std::size_t r, const char* start, std::uint32_t line) {
      if (r % CsvLocator::kStride == 0) piece.marks.push_back({r, start, line});
      return piece.reporter.empty();
    });
    piece.end_line = scanner.line();
    piece.stray_quotes = scanner.stray_quotes();
    piece.ok = piece.reporter.empty() && scanner.position() == piece.end;
  } catch (...) {
    piece.ok = false;
  }
}

// A CSV reading begun (start_csv): the header read, the builder made, the pieces after the first
// on their threads. The main thread's part is read_csv's.
struct CsvStart {
  const TableSchema* ts = nullptr;
  std::string path;
  bool windowed = false;
  CsvLocator* csv = nullptr;  // owned by b
  std::vector<std::string> names;
  Reporter apart;  // the errors of a windowed reading, never reported
  std::unique_ptr<TableBuilder> b;
  std::vector<Piece> pieces;
  std::vector<std::jthread> threads;  // last: joined before the pieces and the builder go
  bool gave_up = false;  // windowed, and the windows cannot read this file: read it from the mapping
};

// Begins reading a CSV file (load_csv). `lead`: bytes' worth of reading the main thread does first
// (other files), taken off its share so that it ends with the other readers.
std::unique_ptr<CsvStart> start_csv(const TableSchema& ts, const std::string& path, const LoadOptions& options,
                                    Loading& L, bool windowed, std::size_t lead = 0) {
  auto st = std::make_unique<CsvStart>();
  st->ts = &ts;
  st->path = path;
  st->windowed = windowed;
  auto locator = std::make_unique<CsvLocator>(path, path, ts);
  CsvLocator& csv = *locator;
  st->csv = &csv;
  CsvScanner& scanner = csv.scanner();
  std::vector<std::string>& names = st->names;
  std::vector<std::uint32_t> cols;
  std::uint32_t header_line = 1;
  scanner.read_header(names, cols, header_line);
  if (windowed && !csv.file().mapped()) {
    st->gave_up = true;
    return st;
  }
  Table& t = L.ds.tables[ts.name];
  Reporter& apart = st->apart;
  st->b = std::make_unique<TableBuilder>(ts, t, path, false, windowed ? apart : L.reporter, std::move(locator));
  TableBuilder* const b = st->b.get();
  b->header(names, cols, header_line, false);
  // The reading from the mapping (after the windows gave up, or without windows) keeps text at
  // four bytes a row: its readers cannot widen a column the others write into (CodesTooWide).
  if (!windowed) b->wide_text();
  if (windowed && !apart.empty()) {
    st->gave_up = true;
    return st;
  }
  b->threads(threads_for(options));
  b->excel_locale(options.excel_locale);

  const MappedFile& file = csv.file();
  const std::string_view text = csv.text();
  const char* end = text.data() + text.size();
  const auto data_bytes = static_cast<std::size_t>(end - scanner.position());
  const std::size_t parts = std::min({std::size_t{threads_for(options)}, kMaxPieces,
                                      std::max<std::size_t>(1, data_bytes / std::max<std::size_t>(1, options.min_piece_bytes))});
  // The first reader's share: an equal part of the whole work, less what it does first (`lead`),
  // and never under half an equal part of the file; the other pieces share the rest equally.
  const std::size_t equal = (data_bytes + lead) / parts;
  const std::size_t own_bytes = parts > 1 ? std::max(equal > lead ? equal - lead : 0, data_bytes / parts / 2) : data_bytes;
  std::vector<Piece>& pieces = st->pieces;
  for (std::size_t k = 1; k < parts; ++k) {
    const char* guess = scanner.position() + own_bytes + (data_bytes - own_bytes) / (parts - 1) * (k - 1);
    const void* nl = std::memchr(guess, '\n', static_cast<std::size_t>(end - guess));
    const char* start = nl ? static_cast<const char*>(nl) + 1 : end;
    if (start >= end || (!pieces.empty() && start <= pieces.back().begin)) break;
    if (!pieces.empty()) pieces.back().end = start;
    pieces.emplace_back().begin = start;
    pieces.back().end = end;
  }
  // The rows each reader writes, in one table sized for all of them: lines per byte from the data's
  // first MiB, rows estimated 5 % high. The first reader stops at its share (then the pieces are
  // dropped and it reads on); a piece that would pass its share stops and is read again.
  if (!pieces.empty()) {
    const char* first = scanner.position();
    std::size_t sample = std::min<std::size_t>(data_bytes, std::size_t{1} << 20);
    std::size_t lines = 1;
    if (windowed) {
      // Counted in copies of 64 KiB into one buffer: the mapping's pages are not touched
      // (read_window_rows), and of the heap only 64 KiB before the other readers start (a fresh
      // MiB held them back by its faults; bench/README.md, ninth session).
      constexpr std::size_t kChunk = std::size_t{64} << 10;
      const std::unique_ptr<char[]> copy(new char[kChunk]);
      const auto from = static_cast<std::size_t>(first - file.bytes().data());
      std::size_t done = 0;
      while (done < sample) {
        const std::size_t want = std::min(kChunk, sample - done);
        const std::size_t got = file.copy(from + done, copy.get(), want);
        lines += static_cast<std::size_t>(std::count(copy.get(), copy.get() + got, '\n'));
        done += got;
        if (got < want) break;
      }
      sample = done;
      if (sample == 0) {
        st->gave_up = true;
        return st;
      }
    } else {
      lines += static_cast<std::size_t>(std::count(first, first + sample, '\n'));
    }
    auto rows_in = [&](std::size_t bytes) { return (bytes / sample * lines + bytes % sample * lines / sample) * 21 / 20 + 4096; };
    std::size_t base = rows_in(static_cast<std::size_t>(pieces.front().begin - first));
    const std::size_t own = base;
    for (Piece& piece : pieces) {
      piece.base = base;
      piece.limit = rows_in(static_cast<std::size_t>(piece.end - piece.begin));
      base += piece.limit;
    }
    b->presize(base, own);
  }
  const char separator = scanner.separator();
  const bool excel = options.excel_locale;
  const std::size_t window = windowed ? options.window_bytes : 0;
  for (Piece& piece : pieces)
    st->threads.emplace_back([&piece, &ts, &names, separator, &path = st->path, &file, &t, excel, window] {
      read_piece(piece, ts, names, separator, path, file, t, excel, window);
    });
  if (!pieces.empty()) scanner.stop_at(pieces.front().begin);
  return st;
}

// The main thread's part of a CSV reading begun by start_csv: the first piece, then the others
// appended, the keys checked. False: the windows gave up (nothing reached `L`).
bool read_csv(CsvStart& st, const LoadOptions& options, Loading& L) {
  if (st.gave_up) return false;
  const TableSchema& ts = *st.ts;
  const std::string& path = st.path;
  const bool windowed = st.windowed;
  CsvLocator& csv = *st.csv;
  CsvScanner& scanner = csv.scanner();
  Reporter& apart = st.apart;
  std::vector<Piece>& pieces = st.pieces;
  auto& b = st.b;
  const MappedFile& file = csv.file();
  const std::string_view text = csv.text();
  const char* end = text.data() + text.size();
  const char separator = scanner.separator();
  const std::vector<std::string>& names = st.names;
  const std::size_t window = windowed ? options.window_bytes : 0;

  auto mark = [&csv](std::size_t r, const char* start, std::uint32_t line) {
    csv.at_row(r, start, line);
    return true;
  };
  std::size_t rows = 0;
  bool read = true;  // windowed: every record of the first reader's share, with no error
  {
    Phase ph(fmt::format("data: {}: read (first piece)", ts.name));
    if (windowed) {
      const char* at = file.bytes().data();
      const char* to = pieces.empty() ? end : pieces.front().begin;
      WindowState w;
      w.line = scanner.line();
      w.rows = scanner.rows();
      read = read_window_rows(file, window, static_cast<std::size_t>(scanner.position() - at),
                              static_cast<std::size_t>(to - at), path, ts, names.size(), separator, *b, rows, w,
                              [&](std::size_t r, const char* start, std::uint32_t line) {
                                csv.at_row(r, start, line);
                                return apart.empty();
                              }) &&
             apart.empty();
      if (read) {  // where the mapping's scanner would be, had it read the share itself
        scanner.add_stray_quotes(w.stray, 0);
        scanner.seek(to, w.line, w.rows);
      }
    } else {
      rows = read_rows(scanner, *b, 0, end, file, mark);
    }
  }
  {
    Phase ph(fmt::format("data: {}: wait for the other pieces", ts.name));
    for (auto& th : st.threads) th.join();
  }
  if (windowed && (!read || !std::all_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.ok; })))
    return false;
  std::optional<Phase> ph_append(std::in_place, fmt::format("data: {}: append the pieces", ts.name));
  // When the first reader went past the first piece's start inside a quoted field, it read on to
  // the end of the file itself, and the pieces are dropped.
  if (scanner.stopped()) {
    std::uint32_t line = scanner.line();  // at the start of the next piece
    std::size_t k = 0;
    for (; k < pieces.size(); ++k) {
      Piece& piece = pieces[k];
      if (!piece.ok || rows + piece.table.rows > kMaxRowsPerTable) break;
      csv.add_marks(piece.marks, rows, line - 1);
      scanner.add_stray_quotes(piece.stray_quotes, line - 1);
      rows += piece.table.rows;
      b->take_piece(piece.table, piece.base, line - 1);
      line += piece.end_line - 1;
    }
    scanner.stop_at(nullptr);
    b->unfix();
    if (k < pieces.size() && windowed) return false;
    if (k < pieces.size()) {
      scanner.seek(pieces[k].begin, line, rows);
      rows = read_rows(scanner, *b, rows, end, file, mark);
    }
  } else if (!pieces.empty() && scanner.position() != end) {
    // The first reader filled its share before the first piece's start (its rows were estimated
    // low): it reads on to the end itself, over whatever the pieces wrote.
    scanner.stop_at(nullptr);
    b->unfix();
    rows = read_rows(scanner, *b, rows, end, file, mark);
  }
  b->unfix();
  ph_append.reset();
  if (windowed) {
    if (!apart.empty()) return false;
    b->report_to(L.reporter);
  }
  Phase ph_finish(fmt::format("data: {}: keys, derived columns", ts.name));
  b->finish();
  for (auto& w : scanner.warnings())
    // With `--csv-dialect excel-ru` a file separated by `;` is what the user said the files are.
    if (!(options.excel_locale && w.code == "data-csv-semicolon")) L.ds.warnings.push_back(std::move(w));
  L.builders[ts.name] = std::move(b);
  return true;
}

// One table from a CSV file, straight into columns: the fields of a record are encoded while it is
// current and never copied. Throws InputError (the file's one syntax error); validation errors go
// to the reporter.
//
// A large file is read in pieces at once, one thread each, all writing into this table (each into
// rows of its own), and the pieces' rows are then moved down to follow the first's in file order
// (TableBuilder::take_piece): the table, its dictionaries' order and every message are exactly
// those of one reader from start to end, whatever the number of threads. A piece is used only when
// its guessed start proves to be a record's start (the first reader stops exactly there) and it
// read without any error within its share of rows; otherwise the main thread reads on from there.
//
// `windowed`: every reader reads through windows (read_window_rows), its errors kept apart; at the
// first thing a window reader does not handle, or any error in the rows, it returns false before
// anything reaches `L`, and the caller reads the table again from the mapping (windowed false),
// which reports as it always did. Text columns are two bytes a row when windowed (widened by a
// lone reader, or after the pieces, when their codes outgrow that; a reader among others gives up
// instead: CodesTooWide), four from the mapping.
bool load_csv(const TableSchema& ts, const std::string& path, const LoadOptions& options, Loading& L, bool windowed) {
  return read_csv(*start_csv(ts, path, options, L, windowed), options, L);
}

std::atomic<std::uint64_t> g_window_rereads{0};
std::atomic<std::uint64_t> g_early_starts{0};

// Through windows, and from the mapping when that gives up (load_csv).
// `begun`: its windowed reading begun already (start_csv), else null.
void load_csv(const TableSchema& ts, const std::string& path, const LoadOptions& options, Loading& L,
              std::unique_ptr<CsvStart> begun = nullptr) {
  if (options.window_bytes == 0) {
    load_csv(ts, path, options, L, false);
    return;
  }
  if (begun) g_early_starts.fetch_add(1, std::memory_order_relaxed);
  if (begun ? read_csv(*begun, options, L) : load_csv(ts, path, options, L, true)) return;
  begun.reset();
  g_window_rereads.fetch_add(1, std::memory_order_relaxed);
  Phase ph(fmt::format("data: {}: read again from the mapping", ts.name));
  load_csv(ts, path, options, L, false);
}

}  // namespace

std::uint64_t window_rereads() { return g_window_rereads.load(std::memory_order_relaxed); }
std::uint64_t early_starts() { return g_early_starts.load(std::memory_order_relaxed); }

DataSet build_dataset(std::string folder, std::shared_ptr<const Contract> contract,
                      std::map<std::string, TextTable> tables, const std::vector<std::string>& needed) {
  for (const auto& n : needed)
    if (!contract->find(n)) throw std::invalid_argument(fmt::format("build_dataset: no table {} in the contract", n));
  Loading L;
  L.ds.contract = std::move(contract);
  L.ds.folder = std::move(folder);
  for (const auto& ts : L.ds.contract->tables)
    if (is_needed(ts, needed) && !tables.count(ts.name))
      L.reporter.add(missing_table_error(L.ds.folder, ts, *L.ds.contract, needed, {}));
  for (const TableSchema* p : bodies_first(*L.ds.contract)) {
    const TableSchema& ts = *p;
    auto it = tables.find(ts.name);
    if (it == tables.end()) {
      L.ds.tables.emplace(ts.name, absent_table(ts));
      continue;
    }
    L.ds.files.push_back(it->second.file);
    build_from_text(ts, std::move(it->second), L);
  }
  return finish_dataset(L);
}

DataSet load_folder(const std::string& folder, std::shared_ptr<const Contract> contract,
                    const std::vector<std::string>& needed, const LoadOptions& options) {
  namespace fs = std::filesystem;
  for (const auto& n : needed)
    if (!contract->find(n)) throw std::invalid_argument(fmt::format("load_folder: no table {} in the contract", n));
  const TableSchema* bodies = contract->bodies();
  const std::string example = bodies ? bodies->name + ".csv" : std::string("one file per table");
  std::error_code ec;
  const fs::path dir(folder);
  if (!fs::exists(dir, ec))
    throw_input_error(data_error("data-no-folder", folder, 0, 0, {},
                                 fmt::format("data folder `{}` does not exist", folder),
                                 fmt::format("give --data the folder that holds {} and the other tables", example)));
  if (!fs::is_directory(dir, ec))
    throw_input_error(data_error("data-no-folder", folder, 0, 0, {}, fmt::format("`{}` is not a folder", folder),
                                 fmt::format("give --data the folder that holds {} and the other tables", example)));

  std::vector<std::string> entries;  // file names in the folder, for "did you mean" on a missing file
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path().filename().string());

  Loading L;
  L.ds.contract = std::move(contract);
  L.ds.folder = folder;
  L.threads = threads_for(options);
  struct Found {
    const TableSchema* table;
    fs::path path;
    bool json;
  };
  std::vector<Found> found;
  for (const TableSchema* table : bodies_first(*L.ds.contract)) {
    const TableSchema& ts = *table;
    const fs::path csv = dir / (ts.name + ".csv"), json = dir / (ts.name + ".json");
    const bool has_csv = fs::is_regular_file(csv, ec), has_json = fs::is_regular_file(json, ec);
    // A table's name taken by something that is no regular file (a folder, a FIFO, a device, a
    // socket): said as it is. (A link to a regular file is a regular file.)
    const fs::path* odd = nullptr;
    fs::file_status odd_status;
    for (const fs::path* p : {&csv, &json}) {
      const fs::file_status st = fs::status(*p, ec);
      if (!odd && fs::exists(st) && !fs::is_regular_file(st)) odd = p, odd_status = st;
    }
    if (odd && is_needed(ts, needed)) {
      const char* what = fs::is_directory(odd_status) ? "a folder"
                         : fs::is_fifo(odd_status)    ? "a named pipe (FIFO)"
                         : fs::is_socket(odd_status)  ? "a socket"
                         : fs::is_block_file(odd_status) || fs::is_character_file(odd_status) ? "a device"
                                                                                              : "not a regular file";
      L.reporter.add(data_error("data-not-a-file", odd->string(), 0, 0, {},
                                fmt::format("`{}` in the data folder is {}, not a file", odd->filename().string(), what),
                                fmt::format("table `{}` is read from a regular file: put its rows in {}", ts.name,
                                            odd->filename().string())));
      continue;
    }
    if (has_csv && has_json) {
      L.reporter.add(data_error("data-ambiguous-table", folder, 0, 0, {},
                                fmt::format("both {0}.csv and {0}.json are in the data folder `{1}`", ts.name, folder),
                                fmt::format("keep one of them: each table comes from exactly one file")));
    } else if (has_csv || has_json) {
      found.push_back({&ts, has_csv ? csv : json, has_json});
    } else if (is_needed(ts, needed)) {
      std::string hint;
      for (const auto& name : entries) {
        const fs::path p(name);
        if (ascii_lower(p.stem().string()) != ts.name) continue;
        const std::string ext = ascii_lower(p.extension().string());
        hint = ext == ".csv" || ext == ".json"
                   ? fmt::format("found `{}`: file names are case-sensitive; rename it to {}{}", name, ts.name, ext)
                   : fmt::format("found `{}`: save it as CSV UTF-8 named {}.csv", name, ts.name);
        break;
      }
      L.reporter.add(missing_table_error(folder, ts, *L.ds.contract, needed, hint));
    }
  }
  if (!L.reporter.empty()) L.reporter.raise();

  for (const auto& ts : L.ds.contract->tables) L.ds.tables.emplace(ts.name, absent_table(ts));

  // The largest CSV file after the first, when it is read in pieces, is begun before the files
  // ahead of it: its pieces after the first are read on the other threads while this thread reads
  // those files (the table of bodies first: a core would otherwise wait for it), and its first
  // reader's share is smaller by their size, twice (per byte, a table of names in Kazakh and
  // Russian takes about twice the reading of a table of codes; bench/README.md). Only through
  // windows (the default), which report nothing until the whole table is read: whatever this
  // reading finds waits for the file's turn, and a start that fails is made again in turn. Its
  // check for a change while it was read (below) spans the files read meanwhile: a mapping of
  // theirs mended after a shortening counts for it too, which errs towards saying it changed.
  struct Early {
    std::size_t index = 0;
    std::uint64_t changes = 0;
    struct ::stat before {};
    bool stated = false;
    std::unique_ptr<CsvStart> start;
  } early;
  if (options.window_bytes > 0 && threads_for(options) > 1 && found.size() > 1) {
    std::size_t best = 0, best_size = 0, lead = 0, lead_best = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
      std::error_code size_ec;
      const auto size = static_cast<std::size_t>(fs::file_size(found[i].path, size_ec));
      if (size_ec) continue;
      if (i > 0 && !found[i].json && size >= 2 * options.min_piece_bytes && size > best_size)
        best = i, best_size = size, lead_best = lead;
      lead += size;
    }
    if (best > 0) {
      early.index = best;
      early.changes = MappedFile::changes();
      early.stated = ::stat(found[best].path.c_str(), &early.before) == 0;
      try {
        Phase ph(fmt::format("data: {}: begun first", found[best].table->name));
        early.start = start_csv(*found[best].table, found[best].path.string(), options, L, true, 2 * lead_best);
      } catch (...) {
        early.start.reset();
      }
    }
  }

  InputError read_errors;
  for (std::size_t fi = 0; fi < found.size(); ++fi) {
    const Found& f = found[fi];
    const std::string shown_name = f.path.string();
    const bool begun = early.start && fi == early.index;
    const std::uint64_t changes = begun ? early.changes : MappedFile::changes();
    // A file written while it was read gives results from neither version, and a receipt would
    // hash another text than the one read. Shortened, it read as zeros past its new end
    // (MappedFile.hpp); rewritten in place or replaced, its change time, modification time, size
    // or inode moved. Either way what came of it, errors included, is not to be trusted, and only
    // the change is reported.
    struct ::stat before {};
    const bool stated = begun ? early.stated : ::stat(shown_name.c_str(), &before) == 0;
    if (begun) before = early.before;
    auto changed = [&] {
      const char* how = nullptr;
      struct ::stat after {};
      if (MappedFile::changes() != changes)
        how = "the file changed while it was read: it became shorter";
      else if (stated && (::stat(shown_name.c_str(), &after) != 0 || after.st_ino != before.st_ino ||
                          after.st_dev != before.st_dev || after.st_size != before.st_size ||
                          after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec ||
                          after.st_ctim.tv_sec != before.st_ctim.tv_sec || after.st_ctim.tv_nsec != before.st_ctim.tv_nsec))
        how = "the file changed while it was read: it was written to or replaced";
      if (!how) return false;
      read_errors.diagnostics.add(data_error("data-unreadable", shown_name, 0, 0, {}, how,
                                             "read the data again once nothing writes to it"));
      return true;
    };
    try {
      if (f.json) build_from_text(*f.table, read_json(shown_name, shown_name, f.table), L);
      else if (begun) load_csv(*f.table, shown_name, options, L, std::move(early.start));
      else load_csv(*f.table, shown_name, options, L);
      if (changed()) continue;
      L.ds.files.push_back(shown_name);
      if (f.table->lists_bodies && read_errors.diagnostics.empty()) build_bodies(L);
    } catch (const InputError& e) {
      // Keep reading: a broken services.csv should not hide a broken objections.csv. Errors in the
      // values of the files read so far wait: they are reported only if every file reads.
      if (!changed()) read_errors.diagnostics.append(e.diagnostics);
    }
  }
  if (!read_errors.diagnostics.empty()) {
    for (const auto& w : L.ds.warnings) read_errors.diagnostics.add(w);
    throw read_errors;
  }
  return finish_dataset(L);
}

}  // namespace ereje::input
