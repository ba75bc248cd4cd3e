// The fast path of the grouped pass: row expressions compiled once into kernels that work on
// blocks of rows as 64-bit integers (true/false, dictionary codes, dates, day counts), so that
// counting millions of rows costs what a hand-written loop costs. Anything a kernel cannot
// express exactly (fractions, text compared with text of another table) is left to the generic
// evaluator, which gives the same results; tests compare the two.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "grammar/Ast.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/Value.hpp"

namespace ereje::interp::fast {

inline constexpr std::int64_t kMiss = std::numeric_limits<std::int64_t>::min();

enum class Ty { Bool, Code, Date, Int };

// Evaluates an expression for rows [begin, end) of the table into out[0 .. end-begin).
using Kernel = std::function<void(std::size_t begin, std::size_t end, std::int64_t* out)>;

// The largest size of a value an Int or Date kernel may give: past it the kernel is not compiled
// and the generic evaluator's exact rationals take over. 2^35 keeps a sum over a table's row limit
// (10^8 < 2^27 rows) inside 64 bits.
inline constexpr std::int64_t kMaxBound = std::int64_t{1} << 35;

struct Compiled {
  Compiled(Kernel k, Ty t, std::int64_t b = 1) : kernel(std::move(k)), ty(t), bound(b) {}
  Kernel kernel;
  Ty ty;
  // Int and Date: no value the kernel gives (but kMiss) is larger than this in size, so that
  // arithmetic on it never overflows. At most kMaxBound.
  std::int64_t bound;
  // A true/false kernel whose value depends only on enum and boolean columns of its table (no
  // definition, no text, no date): those columns (schema indices, ascending) and the kernel's value
  // for every combination of theirs: 0, 1, or 2 for n/a. A row's class is the sum over the columns
  // of digit * stride, where a column's digit is its code (the last digit: the value is missing)
  // and strides grow from the first column (stride 1) by each column's number of digits. Empty when
  // the kernel depends on anything else; the grouped pass then runs the kernel itself.
  std::vector<std::size_t> columns;
  std::vector<std::int8_t> truth;
};

// What a kernel may read besides the table: the value of a definition (per body) or constant.
struct Scalars {
  // Returns the definition's value for each body (or nullptr when not computed / not a let).
  std::function<const std::vector<Value>*(std::size_t let_index)> let_values;
  std::function<const Value*(std::size_t coefficient_index)> coefficient;
  Date as_of;
};

// Compiles a row expression over `table`; nullopt when it cannot be done exactly.
std::optional<Compiled> compile(const ast::Expr& e, const input::Table& table, const Checked& checked,
                                const Scalars& scalars);

// One aggregate to compute with kernels.
struct FastTask {
  ast::AggregateKind kind = ast::AggregateKind::Count;  // obligations count
  std::optional<Compiled> filter;  // absent: every row
  std::optional<Compiled> value;   // absent: count
  Kind value_kind = Kind::Number;  // what the value's integers are (fold::value_kind)
  std::vector<Value> result;       // per group
  std::vector<std::int64_t> first_undecided;  // per group: first row whose filter/value was empty, or -1
};

// Runs every task over the table's rows, grouped by body (one group when the table has no
// bodies), on `threads` threads; results are identical at every thread count.
void run(const input::Table& table, std::size_t groups, std::vector<FastTask*>& tasks, unsigned threads);

// Threads for the pass: EREJE_THREADS if set, else the machine's cores.
unsigned default_threads();

}  // namespace ereje::interp::fast
