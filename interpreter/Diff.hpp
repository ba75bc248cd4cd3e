// `ereje diff`: what changed between two sets of clause versions, in the terms of the language
// (a coefficient's value, a filter term added, a range, a title), and, given data, whose results
// move, by how much, and because of which change (attribution).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::interp {

struct Change {
  enum class Kind {
    ClauseAdded, ClauseRemoved, NewVersion, InForceMoved, TitleChanged, TextChanged, EvidenceChanged,
    CoefficientAdded, CoefficientRemoved, CoefficientChanged, DefinitionAdded, DefinitionRemoved,
    DefinitionChanged, FilterTermAdded, FilterTermRemoved, ResultAdded, ResultRemoved, ResultChanged, TotalChanged,
    RangeChanged, RoundingChanged, ObligationChanged, AsOfMoved
  };
  Kind kind;
  std::string clause;   // paragraph number
  std::string subject;  // the name concerned (coefficient, definition, result) or language of a text
  std::string before, after;  // canonical text; for texts, the word-level diff is in `detail`
  std::string detail;
  Span old_at, new_at;
  bool affects_values = false;  // a step of the attribution
};
const char* kind_name(Change::Kind k);
// One line in the user's terms: "coefficient `k`: 10 -> 8", "term `main` removed from the filter of `c`".
std::string describe(const Change& c);

struct ClauseDiff {
  std::string number;
  const ClauseVersion* before = nullptr;  // null: the clause is not in force in the old rules
  const ClauseVersion* after = nullptr;
  std::vector<Change> changes;
};

struct Impact {
  std::size_t body = 0;             // index in the (new side's) data set's bodies
  const input::Body* who = nullptr;  // that body: its code (the contract's body key) and names
  std::string clause, result;
  OutputKind kind = OutputKind::Result;
  Value before, after;              // exact; Missing when n/a or absent
  std::string before_text, after_text;
  Status before_status = Status::Ok, after_status = Status::Ok;
  bool before_present = false, after_present = false;
  int round = 2;
  std::optional<Rational> delta;    // of the printed (rounded) values; none when either is n/a
  // Attribution: for each value-changing step of the clause, the move of the printed value; the
  // parts sum exactly to `delta`. Empty when the delta is not defined at every step.
  std::vector<std::pair<std::string, Rational>> parts;
  std::string attribution_note;     // why there is no attribution, when there is none
};

// A change of the data contract: a table, column, key, reference or invariant added, removed or
// declared otherwise. `table` names the table; `subject` the column, reference or invariant.
struct ContractChange {
  enum class Kind { TableAdded, TableRemoved, ColumnAdded, ColumnRemoved, ColumnChanged, KeyChanged, BodiesChanged,
                    ReferenceAdded, ReferenceRemoved, InvariantAdded, InvariantRemoved, InvariantChanged };
  Kind kind;
  std::string table, subject;
  std::string before, after;  // the declaration as written, where there is one
};
const char* kind_name(ContractChange::Kind k);
// One line in the user's terms: "table `surveys` added", "column `items.urgent` added: bool optional".
std::string describe(const ContractChange& c, std::string_view lang = "en");  // lang: kk, ru or en

struct RuleDiff {
  std::vector<ContractChange> contract;  // the contract in force at each side's date, compared
  std::vector<ClauseDiff> clauses;  // only clauses with changes, in clause order
  std::vector<Impact> impacts;      // with data: every body x result whose value or status moved
  std::size_t bodies = 0;           // bodies in the data (with two data sets: in either)
  // With two data sets (`--data-before`, `--data-after`), bodies matched by their code: those in one
  // only (no impact rows: a body with no counterpart has no move to show), in code order.
  bool two_data = false;
  std::vector<const input::Body*> appeared, gone;  // in the new data only; in the old data only
  Evaluation before_results, after_results;  // with data: each side's evaluation, every clause in force
  bool changed() const { return !clauses.empty() || !contract.empty(); }
  // Something to show: a change of the rules, or with two data sets a result moved or a body that
  // is in one data set only.
  bool differs() const { return changed() || (two_data && (!impacts.empty() || !appeared.empty() || !gone.empty())); }
};

struct DiffSide {
  const RuleSet* rules = nullptr;
  const Checked* checked = nullptr;
  Date as_of;
};

// Compares the versions in force at each side's date. With `data`, also evaluates both sides and
// attributes every move to the changes, applied one at a time in the order they are listed.
// `cache` (optional) keeps the aggregates computed over `data` for the evaluations that follow,
// here and the caller's: most of a clause's aggregates are the same at every attribution stage.
RuleDiff diff_rules(const DiffSide& before, const DiffSide& after, const input::DataSet* data,
                    AggregateCache* cache = nullptr);

// Two data sets, one per side (two years' data), bodies matched by code. The first step of every
// attribution is then the data's (`data_label`): the old rules on the new data at the old date, so
// that a move is split into the part of the data and the parts of the rules' changes. That needs
// the new data prepared for the old rules too; `split` false (the old rules cannot read the new
// data) leaves the moves unsplit, with a note saying why. `cache` serves the new data only.
struct DataPair {
  const input::DataSet* before = nullptr;
  const input::DataSet* after = nullptr;
  std::string label;  // "data: 2023 -> 2024"
  bool split = true;
  std::string why_not_split;
};
RuleDiff diff_rules(const DiffSide& before, const DiffSide& after, const DataPair& data, AggregateCache* cache = nullptr);

// The changes between the contracts in force at each side's date.
std::vector<ContractChange> diff_contracts(const DiffSide& before, const DiffSide& after);

// Word-level diff of two texts: "[-old words-] {+new words+}" around the common words.
std::string word_diff(const std::string& a, const std::string& b);
// The same with other marks around removed and added words (Markdown: ~~ and **), each word passed
// through `escape` when given.
struct DiffMarks {
  std::string del_open, del_close, ins_open, ins_close;
  std::string (*escape)(const std::string&) = nullptr;
};
std::string word_diff(const std::string& a, const std::string& b, const DiffMarks& marks);

}  // namespace ereje::interp
