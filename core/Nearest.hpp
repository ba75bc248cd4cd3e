// "Did you mean": the name a typo most likely meant, by edit distance. One implementation for the
// checker's suggestions (names in rule files) and the loader's (values and columns in data files).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ereje {

// What one edit changes: one byte, or one code point of UTF-8 text (utf8_decode).
enum class EditUnit { Byte, CodePoint };

// How near a candidate must be to count as what a name meant. Each caller keeps its own rule.
struct Nearness {
  // max_edits: half the name's length in units, rounded up, and at least one edit.
  static constexpr std::size_t kHalfTheName = static_cast<std::size_t>(-1);

  EditUnit unit = EditUnit::CodePoint;
  // At most this many edits (0: only the same name up to the case of ASCII letters).
  std::size_t max_edits = kHalfTheName;
  // Also fewer edits than the name has units and than the candidate has: an empty name, or a
  // one-letter one, is then near nothing but itself.
  bool fewer_than_either = false;
};

// The first of `candidates` nearest to `name` (fewest insertions, deletions and substitutions of
// one unit; ASCII letters compared without case) within `nearness`, or "" when none is near enough.
//
// Not quadratic in the name's length when a candidate is near: candidates whose lengths, or counts
// of each unit, differ by more than the edits allowed are skipped after one linear pass; the others
// are measured together with a small bound first (0, 1, 2, 4, ...), doubled only while none is
// within it, and each measure is a band around the diagonal that stops at the first row past the
// bound. The time is then about (best distance + 1) × the name's length × the candidates left. The
// worst case is no candidate near but one as long and of the same units, within the allowance:
// about the square of the edits allowed (edit distance admits no much better bound).
std::string nearest(std::string_view name, const std::vector<std::string>& candidates, const Nearness& nearness = {});

// The edit distance of `a` and `b` (units compared as they are) when it is at most `bound`, else
// bound + 1. Time O((bound + 1) × the longer length), memory O(the shorter length).
std::size_t bounded_distance(std::u32string_view a, std::u32string_view b, std::size_t bound);

}  // namespace ereje
