// The checks of one table's keys, once every row is in (TableBuilder::finish calls check_keys once
// per table): duplicate keys, rows whose reference to another row of the same body is wrong, rows
// whose parent has a parent (where a cycle may be), in one pass over each group.
#include "input/TableBuilder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "input/Both.hpp"
#include "input/Wording.hpp"

namespace ereje::input {

const Reference* self_reference(const TableSchema& ts) {
  if (!ts.per_agency || ts.key.size() != 2 || ts.key.front() != ts.body_column) return nullptr;
  for (const auto& r : ts.references)
    if (r.table == ts.name && r.same_body && r.target == ts.key.back() && r.column != r.target) {
      const ColumnSchema* c = ts.column(r.column);
      if (c && c->type == ColumnType::Text && !c->derived) return &r;
    }
  return nullptr;
}

namespace {

// A text column's codes for the passes below, as 32-bit codes (kMissing when missing), null when
// there is no column: HalfCodes over two bytes a row (the loader's usual), AnyCodes over any width
// (a column widened because its dictionary outgrew two bytes). Each pass is compiled for both.
struct HalfCodes {
  const std::uint16_t* p = nullptr;
  explicit HalfCodes(const Column* c) : p(c ? c->values.halves() : nullptr) {}
  explicit operator bool() const { return p != nullptr; }
  std::int32_t operator[](std::size_t r) const {
    return p[r] == ColumnValues::kMissingHalf ? kMissing : static_cast<std::int32_t>(p[r]);
  }
};
struct AnyCodes {
  const ColumnValues* v = nullptr;
  explicit AnyCodes(const Column* c) : v(c ? &c->values : nullptr) {}
  explicit operator bool() const { return v != nullptr; }
  std::int32_t operator[](std::size_t r) const { return (*v)[r]; }
};
// f(HalfCodes{}) when every column given (null ones aside) is two bytes a row, else f(AnyCodes{}):
// f takes the accessor type from its argument's type.
template <class F>
void with_codes(std::initializer_list<const Column*> columns, F&& f) {
  const bool half = std::all_of(columns.begin(), columns.end(), [](const Column* c) { return !c || c->values.half(); });
  if (half) f(HalfCodes(nullptr));
  else f(AnyCodes(nullptr));
}

// The rows of each value of a text column (rows where it is missing belong to none): group k is
// rows order[b..e) of code `code` when `order` is set, else rows b..e-1 themselves, in file order.
// Registry exports list a body's rows together: then each group is one run of rows and needs no
// index (Groups::runs); otherwise a counting sort by code builds one (4 bytes a row).
struct Groups {
  struct Group {
    std::int32_t code;
    std::uint32_t b, e;
  };
  std::vector<Group> list;            // runs in file order, or codes in ascending order
  std::vector<std::uint32_t> order;   // empty when every group is one run
  bool in_runs = false;               // each code's rows are one run (missing ones anywhere)

  // The runs of a column, found in one pass over its rows (on two threads over two halves, cut
  // where the code changes, for a large table): `in_runs` says whether each code's rows are one
  // run; when they are not, `list` is left empty (by_code, or another pass, follows).
  static Groups runs(const Column& column, unsigned threads) {
    Groups g;
    with_codes({&column}, [&](auto tag) {
      g.find_runs(decltype(tag)(&column), column.values.size(), column.dictionary.size(), threads);
    });
    return g;
  }
  // The groups by code (a counting sort of the rows), whatever the rows' order.
  static Groups by_code(const Column& column) {
    Groups g;
    with_codes({&column}, [&](auto tag) {
      g.sort_by_code(decltype(tag)(&column), column.values.size(), column.dictionary.size());
    });
    return g;
  }

 private:
  struct Half {
    std::vector<Group> list;
    std::vector<char> seen;
    bool runs = true;
  };
  template <class C>
  static void scan(const C& codes, std::size_t from, std::size_t to, std::size_t distinct, Half& out) {
    out.seen.assign(distinct, 0);
    for (std::size_t r = from, e; r < to; r = e) {
      const std::int32_t c = codes[r];
      for (e = r + 1; e < to && codes[e] == c;) ++e;
      if (c == kMissing) continue;
      char& seen = out.seen[static_cast<std::size_t>(c)];
      if (seen) {
        out.runs = false;
        return;
      }
      seen = 1;
      out.list.push_back({c, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(e)});
    }
  }
  template <class C>
  void find_runs(const C& codes, std::size_t rows, std::size_t distinct, unsigned threads) {
    std::size_t mid = threads > 1 && rows >= (std::size_t{1} << 16) ? rows / 2 : rows;
    while (mid < rows && codes[mid] == codes[mid - 1]) ++mid;  // a run is never cut in two
    Half low, high;
    both(
        mid < rows ? threads : 1, [&] { if (mid < rows) scan(codes, mid, rows, distinct, high); },
        [&] { scan(codes, 0, mid, distinct, low); });
    in_runs = low.runs && high.runs;
    for (const Group& g : high.list)
      if (!in_runs || low.seen[static_cast<std::size_t>(g.code)]) {
        in_runs = false;
        break;
      }
    if (!in_runs) return;
    list = std::move(low.list);
    list.insert(list.end(), high.list.begin(), high.list.end());
  }
  template <class C>
  void sort_by_code(const C& codes, std::size_t rows, std::size_t distinct) {
    std::vector<std::uint32_t> start(distinct + 1, 0);
    for (std::size_t r = 0; r < rows; ++r)
      if (codes[r] != kMissing) ++start[static_cast<std::size_t>(codes[r]) + 1];
    for (std::size_t c = 0; c < distinct; ++c) start[c + 1] += start[c];
    order.resize(start[distinct]);
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < rows; ++r)
      if (codes[r] != kMissing) order[fill[static_cast<std::size_t>(codes[r])]++] = static_cast<std::uint32_t>(r);
    for (std::size_t c = 0; c < distinct; ++c)
      if (start[c] < start[c + 1]) list.push_back({static_cast<std::int32_t>(c), start[c], start[c + 1]});
  }

 public:
  // Calls fn(code, order or nullptr, b, e) for groups [from, to).
  template <class F>
  void each(std::size_t from, std::size_t to, F&& fn) const {
    for (std::size_t k = from; k < to; ++k) fn(list[k].code, order.empty() ? nullptr : order.data(), list[k].b, list[k].e);
  }
  // The group where the second of two halves of about the same number of rows starts.
  std::size_t middle() const {
    std::size_t total = 0, half = 0, k = 0;
    for (const Group& g : list) total += g.e - g.b;
    for (; k < list.size() && half < total / 2; ++k) half += list[k].e - list[k].b;
    return k;
  }
};

// The same checks as a pass over Groups, without grouping: one bit per (group, code) says whether
// a row of that group has that code (and, for parents, whether such a row has a parent itself).
// Pass 1 in file order marks the bits and finds repeats, on two threads, each over every row but
// marking only the groups of its half (its half of the bits is its own, and cleared by it: fresh
// pages cost as much to clear as the pass costs to mark); pass 2, on two threads over halves of
// the rows, which only read the bits, checks each parent against the
// whole group's marks, as a group's pass does at its end. Every access is sequential but the
// bit's, which falls in a few megabytes: rows in any order cost the same. The memory the reading
// left free is reused for the bits, not given back first: given back, the results after would
// have to be cleared afresh.
struct KeyBits {
  const Column& group;
  const Column& last;
  const Column* parent;                          // or null: no self reference to check
  const std::vector<std::int32_t>& service_of;  // parent code + 1 -> code (0: no parent, gives -2)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;
  BadParents bad;
  std::vector<std::uint32_t> deep;

  static std::size_t stride(std::size_t codes) { return (codes + 2 + 63) / 64; }
  // At most 8 bytes a row, and never more than 256 MiB, for the bits.
  static bool fits(std::size_t groups, std::size_t codes, std::size_t rows) {
    const double bytes = 16.0 * static_cast<double>(stride(codes)) * static_cast<double>(groups);
    return bytes <= std::max(8.0 * static_cast<double>(rows), 1048576.0) && bytes <= 268435456.0;
  }

  void run(Table& t, unsigned threads) {
    with_codes({&group, &last, parent}, [&](auto tag) { run_with<decltype(tag)>(t, threads); });
  }
  template <class C>
  void run_with(Table& t, unsigned threads) {
    const std::size_t rows = t.rows, words = stride(last.dictionary.size());
    const C g_of(&group), codes(&last), parent_codes(parent);
    // A code's two bits side by side (word 2w: has the code; 2w + 1: has it with a parent), one
    // cache line for both, on 2 MiB pages (a few page faults, few TLB misses); a group's words
    // together, so that each half of the groups has its own part of the bits.
    LargeVector<std::uint64_t> bits;
    const std::size_t groups = group.dictionary.size();
    bits.resize(2 * words * groups);  // not written (PageAllocator): each half clears its own part
    auto bit = [words](std::int32_t g, std::int32_t code) {
      return static_cast<std::size_t>(g) * words * 64 + static_cast<std::size_t>(code + 2);
    };
    auto marked = [](const std::uint64_t* m, std::size_t b) { return (m[2 * (b >> 6)] >> (b & 63)) & 1; };
    auto sub_marked = [](const std::uint64_t* m, std::size_t b) { return (m[2 * (b >> 6) + 1] >> (b & 63)) & 1; };
    // Pass 1: marks, repeats (their first rows found after).
    struct Marked {
      std::vector<std::uint32_t> repeated;
    };
    auto mark = [&](std::size_t g_from, std::size_t g_to, Marked& out) {
      std::uint64_t* const m = bits.data();
      std::fill(m + 2 * words * g_from, m + 2 * words * g_to, std::uint64_t{0});
      const auto from = static_cast<std::uint32_t>(g_from), width = static_cast<std::uint32_t>(g_to - g_from);
      for (std::size_t r = 0; r < rows; ++r) {
        const std::int32_t g = g_of[r], code = codes[r];
        // Unsigned: a missing group (kMissing) is far outside every half.
        if (static_cast<std::uint32_t>(g) - from >= width || code == kMissing) continue;
        const std::size_t b = bit(g, code);
        const std::uint64_t w = std::uint64_t{1} << (b & 63);
        std::uint64_t* const at = m + 2 * (b >> 6);
        if (at[0] & w) [[unlikely]]
          out.repeated.push_back(static_cast<std::uint32_t>(r));
        at[0] |= w;
        if (parent_codes && parent_codes[r] != kMissing) at[1] |= w;
      }
    };
    Marked low, high;
    const std::size_t split = threads > 1 ? groups / 2 : groups;
    both(
        threads, [&] { if (split < groups) mark(split, groups, high); }, [&] { mark(0, split, low); });
    std::vector<std::uint32_t> repeated(low.repeated.size() + high.repeated.size());
    std::merge(low.repeated.begin(), low.repeated.end(), high.repeated.begin(), high.repeated.end(), repeated.begin());
    if (!repeated.empty()) {  // the first row of each repeated key, in one pass up to the last repeat
      std::unordered_map<std::size_t, std::uint32_t> first;
      for (std::uint32_t r : repeated) first.emplace(bit(g_of[r], codes[r]), std::numeric_limits<std::uint32_t>::max());
      for (std::uint32_t r = 0; r <= repeated.back(); ++r) {
        if (g_of[r] == kMissing || codes[r] == kMissing) continue;
        auto it = first.find(bit(g_of[r], codes[r]));
        if (it != first.end() && it->second == std::numeric_limits<std::uint32_t>::max()) it->second = r;
      }
      for (std::uint32_t r : repeated) repeats.emplace_back(r, first.at(bit(g_of[r], codes[r])));
    }
    // Pass 2 on halves of the rows: parents, chains.
    struct Found {
      BadParents bad;
      std::vector<std::uint32_t> deep;
    };
    auto pass = [&](std::size_t from, std::size_t to, Found& out) {
      const std::uint64_t* const m = bits.data();
      const std::int32_t* const service = service_of.data();
      for (std::size_t r = from; r < to; ++r) {
        const std::int32_t g = g_of[r];
        if (!parent_codes || g == kMissing) continue;
        const std::int32_t p = parent_codes[r];
        if (p == kMissing) continue;  // no parent: nothing to check
        const std::int32_t p_code = service[static_cast<std::size_t>(p) + 1];
        const std::int32_t code = codes[r];
        if (code == p_code) [[unlikely]]
          out.bad.emplace_back(static_cast<std::uint32_t>(r), true);
        else if (p_code == -1 || !marked(m, bit(g, p_code))) [[unlikely]]
          out.bad.emplace_back(static_cast<std::uint32_t>(r), false);
        else if (p_code >= 0 && sub_marked(m, bit(g, p_code))) [[unlikely]]
          out.deep.push_back(static_cast<std::uint32_t>(r));
      }
    };
    Found a, b;
    const std::size_t mid = threads > 1 ? rows / 2 : rows;
    both(
        threads, [&] { pass(mid, rows, b); }, [&] { pass(0, mid, a); });
    bad = std::move(a.bad);
    bad.insert(bad.end(), b.bad.begin(), b.bad.end());
    deep = std::move(a.deep);
    deep.insert(deep.end(), b.deep.begin(), b.deep.end());
  }
};

}  // namespace

void TableBuilder::check_keys(unsigned threads) {
  std::vector<std::size_t> key;  // schema indices
  for (const auto& k : ts_.key) key.push_back(static_cast<std::size_t>(ts_.column_index(k)));
  if (key.empty()) return;  // a table declared without a key: its rows need not be unique
  for (auto k : key)
    if (header_index_[k] < 0) return;  // already reported as a missing column
  // Key columns are text, and no key of data.md has more than two.
  if (key.size() > 2) throw std::logic_error("check_keys: keys of more than two columns are not supported");
  for (auto k : key)
    if (ts_.columns[k].type != ColumnType::Text) throw std::logic_error("check_keys: key columns are text");
  // Every repeat as (row, first row with that key). Each key column's values are dictionary codes,
  // so the first occurrence of a code (or of a code within a body's group) is found by array lookup.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  const Column& last = t_.columns[key.back()];
  std::vector<std::uint32_t> first(last.dictionary.size(), kNone);
  if (key.size() == 1) {
    for (std::size_t r = 0; r < t_.rows; ++r) {
      const std::int32_t code = last.values[r];
      if (code == kMissing) continue;
      std::uint32_t& f = first[static_cast<std::size_t>(code)];
      if (f == kNone) f = static_cast<std::uint32_t>(r);
      else repeats.emplace_back(static_cast<std::uint32_t>(r), f);
    }
  } else {
    const Column& group = t_.columns[key.front()];
    // services: once a body's service_ids are marked, each subtype's parent is looked up among
    // them (parent code -> service code, or -1 when no row has it as a service_id).
    const Reference* ref = self_reference(ts_);
    const int parent_c = ref ? ts_.column_index(ref->column) : -1;
    const bool parents = parent_c >= 0 && header_index_[static_cast<std::size_t>(parent_c)] >= 0;
    const Column* parent = parents ? &t_.columns[static_cast<std::size_t>(parent_c)] : nullptr;
    // Without a branch on whether a row has a parent (a third of them, in no order a predictor
    // learns): parent code p is looked up at p + 1, a missing parent at 0, which gives -2. Marks
    // are kept for codes -2 .. n-1: -2 (no parent) is always marked, -1 (no such service) never.
    std::vector<std::int32_t> as_service;
    if (parents) {
      as_service.resize(parent->dictionary.size() + 1);
      as_service[0] = -2;
      for (std::size_t i = 0; i < parent->dictionary.size(); ++i) as_service[i + 1] = last.code_of(parent->dictionary[i]);
    }
    // Where one bit per (group, code) is small beside the rows, the checks need no grouping at all:
    // the same findings in two passes in file order, at a cost that does not depend on the order.
    Groups groups = Groups::runs(group, threads);
    if (!groups.in_runs && KeyBits::fits(group.dictionary.size(), last.dictionary.size(), t_.rows)) {
      KeyBits kb{group, last, parent, as_service, {}, {}, {}};
      kb.run(t_, threads);
      repeats = std::move(kb.repeats);
      bad_parents_ = std::move(kb.bad);
      deep_parents_ = std::move(kb.deep);
    } else {
    if (!groups.in_runs) groups = Groups::by_code(group);
    // One half of the groups: repeats and bad parents, each in its own lists.
    struct Half {
      std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;
      BadParents bad;
      std::vector<std::uint32_t> deep;  // rows whose parent has a parent itself (parent_cycles)
    };
    auto half_pass = [&]<class C>(std::size_t from, std::size_t to, Half& out, C) {
      // The codes of the current group as one bit each: a few kilobytes, in the first-level cache
      // (an array of a word per code is read at random places and costs a cache miss a row).
      std::vector<std::uint64_t> marks((last.dictionary.size() + 2 + 63) / 64 + 1, 0);
      marks[0] = 1;  // code -2
      // The codes of the group's rows that have a parent: a parent among them is a chain of two or
      // more, which may close into a cycle (checked after the pass, on those rows only).
      std::vector<std::uint64_t> sub_marks(parents ? marks.size() : 0, 0);
      std::unordered_map<std::int32_t, std::uint32_t> firsts;  // a group's first row of each code, at a repeat
      std::vector<std::uint32_t> pending;  // rows whose parent was not marked yet when met
      auto marked = [](const std::uint64_t* mark, std::int32_t code) {
        return (mark[(static_cast<std::size_t>(code) + 2) >> 6] >> ((static_cast<std::size_t>(code) + 2) & 63)) & 1;
      };
      // One pass over a group's rows (row(i) for i in [b, e)): repeats found, codes marked, each
      // parent looked up among the codes marked so far; the few whose parent comes later in the
      // group (or never) are looked up again at its end.
      auto group_pass = [&](std::size_t b, std::size_t e, auto row) {
        const C codes(&last), parent_codes(parents ? parent : nullptr);  // locals: they stay in registers
        const std::int32_t* const service_of = as_service.data();
        std::uint64_t* const mark = marks.data();
        if (pending.size() < 2 * (e - b)) pending.resize(2 * (e - b));
        std::uint32_t* const pend = pending.data();
        std::uint32_t* const with_parent = pending.data() + (e - b);  // the rows that have a parent
        std::size_t n_pending = 0, n_with_parent = 0;
        bool mapped = false;
        // Unmarked after the group: the whole array when it is smaller than the group, else the
        // words of the group's codes.
        auto unmark = [&](std::vector<std::uint64_t>& bits) {
          if (bits.size() <= e - b) {
            std::fill(bits.begin(), bits.end(), 0);
            return;
          }
          for (std::size_t i = b; i < e; ++i) {
            const std::int32_t code = codes[row(i)];
            if (code != kMissing) bits[(static_cast<std::size_t>(code) + 2) >> 6] = 0;
          }
        };
        for (std::size_t i = b; i < e; ++i) {
          const std::uint32_t r = row(i);
          const std::int32_t code = codes[r];
          if (code != kMissing) {
            if (marked(mark, code)) [[unlikely]] {
              if (!mapped) {
                firsts.clear();
                for (std::size_t j = b; j < i; ++j)
                  if (codes[row(j)] != kMissing) firsts.emplace(codes[row(j)], row(j));
                mapped = true;
              }
              out.repeats.emplace_back(r, firsts.at(code));
            }
            mark[(static_cast<std::size_t>(code) + 2) >> 6] |= std::uint64_t{1} << ((static_cast<std::size_t>(code) + 2) & 63);
            if (mapped) firsts.emplace(code, r);
          }
          if (parent_codes) {
            const std::int32_t p = parent_codes[r];
            const std::int32_t p_code = service_of[p == kMissing ? 0 : static_cast<std::size_t>(p) + 1];
            pend[n_pending] = r;
            n_pending += !marked(mark, p_code) | (code == p_code);
            with_parent[n_with_parent] = r;
            n_with_parent += p != kMissing;
            if (p != kMissing && code != kMissing)
              sub_marks[(static_cast<std::size_t>(code) + 2) >> 6] |= std::uint64_t{1} << ((static_cast<std::size_t>(code) + 2) & 63);
          }
        }
        if (parent_codes) {
          const std::uint64_t* const sub = sub_marks.data();
          for (std::size_t k = 0; k < n_with_parent; ++k) {
            const std::uint32_t r = with_parent[k];
            const std::int32_t p = parent_codes[r];
            const std::int32_t p_code = service_of[static_cast<std::size_t>(p) + 1];
            if (p_code >= 0 && p_code != codes[r] && marked(sub, p_code)) [[unlikely]]
              out.deep.push_back(r);
          }
          unmark(sub_marks);
        }
        for (std::size_t k = 0; k < n_pending; ++k) {
          const std::uint32_t r = pend[k];
          const std::int32_t p = parent_codes[r];
          const std::int32_t p_code = service_of[p == kMissing ? 0 : static_cast<std::size_t>(p) + 1];
          if (codes[r] == p_code) out.bad.emplace_back(r, true);
          else if (!marked(mark, p_code)) out.bad.emplace_back(r, false);
        }
        unmark(marks);
        marks[0] |= 1;
      };
      groups.each(from, to, [&](std::int32_t, const std::uint32_t* order, std::size_t b, std::size_t e) {
        if (order) group_pass(b, e, [order](std::size_t i) { return order[i]; });
        else group_pass(b, e, [](std::size_t i) { return static_cast<std::uint32_t>(i); });
      });
    };
    // The two halves of the groups on two threads, their findings then put in file order.
    Half a, b;
    const std::size_t mid = threads > 1 ? groups.middle() : groups.list.size();
    both(
        threads, [&] { with_codes({&last, parent}, [&](auto codes) { half_pass(mid, groups.list.size(), b, codes); }); },
        [&] { with_codes({&last, parent}, [&](auto codes) { half_pass(0, mid, a, codes); }); });
    repeats = std::move(a.repeats);
    repeats.insert(repeats.end(), b.repeats.begin(), b.repeats.end());
    bad_parents_ = std::move(a.bad);
    bad_parents_.insert(bad_parents_.end(), b.bad.begin(), b.bad.end());
    deep_parents_ = std::move(a.deep);
    deep_parents_.insert(deep_parents_.end(), b.deep.begin(), b.deep.end());
    std::sort(deep_parents_.begin(), deep_parents_.end());
    std::sort(repeats.begin(), repeats.end());
    std::sort(bad_parents_.begin(), bad_parents_.end());
    }
  }
  // Reported in file order, as a reader meets them.
  const int h_last = header_index(ts_.key.back());
  for (const auto& [r, f] : repeats) {
    if (saturated()) break;
    const std::string& last_name = ts_.key.back();
    std::string message = fmt::format("duplicate {} `{}`", last_name, shown(key_text(r, key.back())));
    for (std::size_t i = 0; i + 1 < ts_.key.size(); ++i)
      message += fmt::format(" for {} `{}`", ts_.key[i], shown(key_text(r, key[i])));
    message += fmt::format(": already on {}", row_name(f));
    std::string help = ts_.key.size() == 1 ? fmt::format("each {} must be unique in the table", last_name)
                                           : fmt::format("each ({}) must be unique in the table", join(ts_.key));
    if (Diagnostic* d = field_error("data-duplicate-key", r, h_last, std::move(message), std::move(help))) {
      if (json_) {
        d->notes.push_back({Span{}, fmt::format("first occurrence: {}", row_name(f))});
      } else {
        const CsvPlace at = locator_->place(f, static_cast<std::size_t>(h_last));
        d->notes.push_back({Span{}, fmt::format("first occurrence: line {}, column {}", at.line, at.col)});
      }
    }
  }
}

}  // namespace ereje::input
