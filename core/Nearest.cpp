// "Did you mean" (Nearest.hpp): names as units with ASCII letters in lowercase, candidates too far
// by length or by their units' counts skipped, the rest measured with a bound doubled while none is
// within it, each in a band that cuts off as soon as it cannot be near.
#include "core/Nearest.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/Source.hpp"

namespace ereje {

namespace {

// The units of `text`, ASCII letters in lowercase (case never counts as an edit).
std::u32string units_of(std::string_view text, EditUnit unit) {
  std::u32string out;
  if (unit == EditUnit::CodePoint) {
    out = utf8_decode(text);
  } else {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = static_cast<unsigned char>(text[i]);
  }
  for (char32_t& c : out)
    if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
  return out;
}

// How many units of each kind, kinds folded into 256 buckets.
using Counts = std::array<std::size_t, 256>;
Counts counts_of(std::u32string_view s) {
  Counts out{};
  for (char32_t c : s) ++out[c & 0xFF];
  return out;
}

// A lower bound of the edit distance from the counts alone: one edit changes one count by one
// (insertion, deletion) or two by one each, one up and one down (substitution), so at least as many
// edits as the units `a` has too many of, and as the units it has too few of. Folding kinds into
// buckets only lowers the counts' differences, so the bound stays a bound.
std::size_t counts_bound(const Counts& a, const Counts& b) {
  std::size_t more = 0, fewer = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] > b[k]) more += a[k] - b[k];
    else fewer += b[k] - a[k];
  }
  return std::max(more, fewer);
}

// A candidate still in the running.
struct Live {
  std::size_t index;    // in the candidates
  std::size_t cap;      // the most edits it may be away
  std::size_t floor;    // the fewest edits it can be away
  std::u32string units;
};

}  // namespace

std::size_t bounded_distance(std::u32string_view a, std::u32string_view b, std::size_t bound) {
  if (a.size() < b.size()) std::swap(a, b);  // a the longer: rows over a, the band over b
  const std::size_t n = a.size(), m = b.size();
  if (n - m > bound) return bound + 1;  // at least n - m insertions
  if (m == 0) return n;
  // The distance is at most n: a bound past it changes nothing and keeps every value below
  // bound + 1 small enough to add one to.
  bound = std::min(bound, n);
  const std::size_t far = bound + 1;  // any value past the bound
  // One row of the table, row[j] = distance of a[0..i) and b[0..j), only |i - j| <= bound kept:
  // a cell outside the band is more than `bound` anyway.
  std::vector<std::size_t> row(m + 1, far);
  for (std::size_t j = 0; j <= std::min(m, bound); ++j) row[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > bound ? i - bound : 1, hi = std::min(m, i + bound);
    std::size_t diag = row[lo - 1];                       // row i - 1, column lo - 1
    std::size_t left = lo == 1 ? std::min(i, far) : far;  // row i, column lo - 1
    if (lo == 1) row[0] = left;
    std::size_t least = far;
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t up = row[j];  // row i - 1; past its band (j = i + bound) still `far`
      const std::size_t d = std::min({up + 1, left + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1), far});
      diag = up;
      row[j] = left = d;
      least = std::min(least, d);
    }
    // No row has a smaller least value than the row before it: past the bound here, past it at the end.
    if (least > bound) return far;
  }
  return std::min(row[m], far);
}

std::string nearest(std::string_view name, const std::vector<std::string>& candidates, const Nearness& nearness) {
  const std::u32string want = units_of(name, nearness.unit);
  const std::size_t limit = nearness.max_edits == Nearness::kHalfTheName
                                ? std::max<std::size_t>(1, (want.size() + 1) / 2)
                                : nearness.max_edits;
  if (nearness.fewer_than_either && want.empty()) return {};
  const Counts want_counts = counts_of(want);

  // One linear pass: the candidates that may be near enough, with how near they may be.
  std::vector<Live> live;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    // The length in units, known without decoding for bytes: most candidates stop here.
    if (nearness.unit == EditUnit::Byte) {
      const std::size_t gap = c.size() > want.size() ? c.size() - want.size() : want.size() - c.size();
      if (gap > limit) continue;
    }
    std::u32string have = units_of(c, nearness.unit);
    std::size_t cap = limit;
    if (nearness.fewer_than_either) {
      if (have.empty()) continue;
      cap = std::min({cap, want.size() - 1, have.size() - 1});
    }
    const std::size_t gap = have.size() > want.size() ? have.size() - want.size() : want.size() - have.size();
    if (gap > cap) continue;
    const std::size_t floor = counts_bound(want_counts, counts_of(have));
    if (floor > cap) continue;
    live.push_back({i, cap, floor, std::move(have)});
  }

  // Bounds 0, 1, 2, 4, ... up to the limit: at the first bound that some candidate is within, the
  // nearest candidates are all within it too, and the first of them is the answer. A far candidate
  // thus costs about what the best one does, not what the limit allows.
  for (std::size_t k = 0;; k = k == 0 ? 1 : std::min(limit, 2 * k)) {
    const Live* best = nullptr;
    std::size_t best_d = 0;
    for (const Live& l : live) {
      if (l.floor > k) continue;  // not within k edits
      const std::size_t bound = std::min(k, l.cap);
      const std::size_t d = bounded_distance(want, l.units, bound);
      // Only strictly nearer than the best so far: the first of equally near candidates wins.
      if (d <= bound && (!best || d < best_d)) {
        best = &l;
        best_d = d;
      }
    }
    if (best) return candidates[best->index];
    if (k >= limit) return {};
    // Those measured up to their own cap are not near enough.
    std::erase_if(live, [k](const Live& l) { return l.cap <= k; });
  }
}

}  // namespace ereje
