// The words of every output in English, Kazakh and Russian: column headers, statuses, section
// titles, the words of the review and of the explanation (docs/cli.md, "Languages"). One catalogue,
// core/Labels.cpp: each label has a stable key and one translation, used by the results table, the
// workbook, the report, the review in every format, `explain`, `whatif` and `contract`. An output
// names the labels it uses in a small table of its own (its short name for the label, the key, and
// whether it shows it as a heading, with a capital first letter); it never writes a translation.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ereje {

struct Label {
  const char* key;
  const char* en;
  const char* kk;
  const char* ru;
};

// Every label, in the catalogue's order.
const std::vector<Label>& output_labels();

// The label's text in `lang` ("kk" or "ru"; anything else: English). std::out_of_range for a key
// the catalogue does not have.
const std::string& label_text(std::string_view key, std::string_view lang);

// `text` read as the English of label `key` with its holes filled: the text of each hole {0},
// {1}, … by its number (a hole takes the shortest text that lets the rest match), or nothing when
// `text` is not that label. For saying again, in another language, what was said in English.
std::optional<std::vector<std::string>> match_label(std::string_view key, std::string_view text);

// `text` with its first letter in capitals (Latin, Cyrillic and the Kazakh letters): "мәртебе" ->
// "Мәртебе", "әсер" -> "Әсер", "status" -> "Status".
std::string capitalize_first(std::string_view text);

// One label as an output uses it: `name` is the output's own short name for it.
struct LabelUse {
  const char* name;
  const char* key;
  bool heading;  // shown with a capital first letter
};
// An output's labels in `lang`, by its own names.
std::map<std::string, std::string> label_table(const std::vector<LabelUse>& uses, std::string_view lang);

}  // namespace ereje
