// The benchmark's yardstick, outside the pipeline: paragraphs 49 and 52 (2023 wording) computed
// straight from agencies.csv and services.csv, as a competent programmer would without an engine:
// one pass, integer counts per body, exact integer rounding. No validation.
//
//   ereje_reference [--mapped] DATA_DIR > results.csv
//
// services.csv is read with read() a window of 256 KiB at a time into one buffer, each window cut
// after its last line break: on a virtual machine with shadow page tables (the project's) that is
// the fastest way to a file's bytes, since every first read of a page of a mapping costs a fault
// (bench/README.md, sixth session). `--mapped` maps the file instead and scans the mapping, as
// the yardstick did until then. The files are trusted: a quoted field holding a line break that
// a window's end cuts would be misread (the benchmark's files hold none; run.sh checks the output).
//
// Prints the rows of `ereje run rules --data DATA_DIR --as-of 2024-01-01` for clauses 49 and 52,
// byte for byte: agency_id,clause,result,value,status,version.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

struct Mapped {
  const char* data = nullptr;
  std::size_t size = 0;
};

Mapped map_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    std::perror(path.c_str());
    std::exit(2);
  }
  Mapped m;
  m.size = static_cast<std::size_t>(st.st_size);
  if (m.size > 0) {
    void* p = ::mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      std::perror(path.c_str());
      std::exit(2);
    }
    ::madvise(p, m.size, MADV_SEQUENTIAL);
    m.data = static_cast<const char*>(p);
  }
  ::close(fd);
  return m;
}

// One RFC 4180 record from p: fields into `out` (quoted ones unescaped into `scratch`), p past
// its line break. The files are trusted: no error handling beyond not running off the end.
void read_record(const char*& p, const char* end, std::vector<std::string_view>& out, std::vector<std::string>& scratch) {
  out.clear();
  std::size_t quoted = 0;
  for (;;) {
    if (p < end && *p == '"') {
      std::string& s = scratch[quoted++ % scratch.size()];
      s.clear();
      ++p;
      while (p < end) {
        if (*p == '"') {
          if (p + 1 < end && p[1] == '"') {
            s += '"';
            p += 2;
            continue;
          }
          ++p;
          break;
        }
        if (*p == '\r' && p + 1 < end && p[1] == '\n') {
          ++p;
          continue;
        }
        s += *p++;
      }
      out.emplace_back(s);
    } else {
      const char* b = p;
      while (p < end && *p != ',' && *p != '\n' && *p != '\r') ++p;
      out.emplace_back(b, static_cast<std::size_t>(p - b));
    }
    if (p < end && *p == ',') {
      ++p;
      continue;
    }
    if (p < end && *p == '\r') ++p;
    if (p < end && *p == '\n') ++p;
    return;
  }
}

std::size_t column(const std::vector<std::string_view>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  std::fprintf(stderr, "no column %.*s\n", static_cast<int>(name.size()), name.data());
  std::exit(2);
}

const char* skip_bom(const Mapped& m) {
  return m.size >= 3 && std::memcmp(m.data, "\xEF\xBB\xBF", 3) == 0 ? m.data + 3 : m.data;
}

struct Counts {
  std::int64_t c = 0, d = 0, n = 0, w = 0;  // partial, full, not excluded, mobile
};

// value*100 = num/den*100 rounded half up (num, den >= 0, den > 0), as "X.YY".
std::string hundredths(std::int64_t num, std::int64_t den) {
  const std::int64_t q = (200 * num + den) / (2 * den);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(q / 100), static_cast<long long>(q % 100));
  return buf;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  const bool mapped = argc == 3 && std::strcmp(argv[1], "--mapped") == 0;
  if (argc != 2 + mapped) {
    std::fprintf(stderr, "usage: ereje_reference [--mapped] DATA_DIR\n");
    return 2;
  }
  const std::string dir = argv[1 + mapped];
  std::vector<std::string_view> fields;
  std::vector<std::string> scratch(64);

  // Bodies, in agency_id byte order (the output order).
  Mapped am = map_file(dir + "/agencies.csv");
  std::vector<std::string> bodies;
  {
    const char* p = skip_bom(am);
    const char* end = am.data + am.size;
    read_record(p, end, fields, scratch);
    const std::size_t id_col = column(fields, "agency_id");
    while (p < end) {
      if (*p == '\n' || *p == '\r') {
        ++p;
        continue;
      }
      read_record(p, end, fields, scratch);
      bodies.emplace_back(fields[id_col]);
    }
  }
  std::sort(bodies.begin(), bodies.end());
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(bodies.size() * 2);
  for (std::size_t i = 0; i < bodies.size(); ++i) index.emplace(bodies[i], i);
  std::vector<Counts> counts(bodies.size());

  // Services: one pass, a body's rows usually together (the last body is remembered).
  std::size_t a_col = 0, auto_col = 0, excl_col = 0, mob_col = 0;
  std::string last_id;
  Counts* last = nullptr;
  auto header = [&](const char*& p, const char* end) {
    read_record(p, end, fields, scratch);
    a_col = column(fields, "agency_id"), auto_col = column(fields, "automation"),
    excl_col = column(fields, "portal_excluded"), mob_col = column(fields, "mobile");
  };
  auto rows = [&](const char* p, const char* end) {
    while (p < end) {
      if (*p == '\n' || *p == '\r') {
        ++p;
        continue;
      }
      read_record(p, end, fields, scratch);
      const std::string_view id = fields[a_col];
      if (!last || id != last_id) {
        last = &counts[index.at(id)];
        last_id = id;
      }
      const std::string_view a = fields[auto_col];
      const bool excluded = fields[excl_col] == "true" || fields[excl_col] == "1";
      const bool mobile = fields[mob_col] == "true" || fields[mob_col] == "1";
      last->c += a == "partial";
      last->d += a == "full";
      last->n += !excluded;
      last->w += mobile;
    }
  };
  const std::string services = dir + "/services.csv";
  if (mapped) {
    Mapped sm = map_file(services);
    const char* p = skip_bom(sm);
    const char* end = sm.data + sm.size;
    header(p, end);
    rows(p, end);
  } else {
    const int fd = ::open(services.c_str(), O_RDONLY);
    if (fd < 0) {
      std::perror(services.c_str());
      return 2;
    }
    constexpr std::size_t kWindow = std::size_t{256} << 10;
    std::vector<char> buf(kWindow);
    std::size_t carry = 0;  // bytes after the last window's cut, moved to the front
    bool first = true;
    for (;;) {
      ssize_t got;
      while ((got = ::read(fd, buf.data() + carry, kWindow - carry)) < 0 && errno == EINTR) {
      }
      if (got < 0) {
        std::perror(services.c_str());
        return 2;
      }
      const std::size_t n = carry + static_cast<std::size_t>(got);
      std::size_t cut = n;  // at the end of the file, the whole rest
      if (got > 0) {
        const void* nl = ::memrchr(buf.data(), '\n', n);
        if (!nl && n == kWindow) {
          std::fprintf(stderr, "%s: a record longer than %zu bytes\n", services.c_str(), kWindow);
          return 2;
        }
        cut = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1 : 0;
      }
      const char* p = buf.data();
      if (first && cut > 0) {
        if (cut >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
        header(p, buf.data() + cut);
        first = false;
      }
      rows(p, buf.data() + cut);
      carry = n - cut;
      std::memmove(buf.data(), buf.data() + cut, carry);
      if (got == 0) break;
    }
    ::close(fd);
    if (first) {
      std::fprintf(stderr, "%s: empty file\n", services.c_str());
      return 2;
    }
  }

  std::string out = "agency_id,clause,result,value,status,version\n";
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const Counts& k = counts[i];
    const std::string id = csv_field(bodies[i]);
    // 49: T = (0.5c + d) / n * 10 = 5(c + 2d) / n, range 0..10.
    if (k.n == 0)
      out += id + ",49,T,,n/a,2023-07-24\n";
    else
      out += id + ",49,T," + hundredths(5 * (k.c + 2 * k.d), k.n) + "," +
             (k.c + 2 * k.d > 2 * k.n ? "out_of_range" : "ok") + ",2023-07-24\n";
    // 52: C = w / a * 5 with a = c + d, range 0..5.
    const std::int64_t a = k.c + k.d;
    if (a == 0)
      out += id + ",52,C,,n/a,2023-07-24\n";
    else
      out += id + ",52,C," + hundredths(5 * k.w, a) + "," + (k.w > a ? "out_of_range" : "ok") + ",2023-07-24\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
