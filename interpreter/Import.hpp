// `ereje import`: a rule-file skeleton from the published text of an amending act (docs/import.md).
// The text is read as plain text, in Kazakh or Russian, in the standard phrasing of amendments:
//   - a paragraph in a new wording: "N-тармақ мынадай редакцияда жазылсын:" / "пункт N изложить в
//     следующей редакции:" → a new version of clause N (`replaces N`) with the wording as its text;
//   - "N-тармақ алып тасталсын" / "пункт N исключить" → `repeals N`;
//   - "мынадай мазмұндағы N-тармақпен толықтырылсын:" / "дополнить пунктом N следующего содержания:"
//     → a new clause N;
//   - words replaced in a paragraph: "N-тармақтағы "X" деген сөздер "Y" деген сөздермен
//     ауыстырылсын" / "в пункте N слова "X" заменить словами "Y"" → a new version of N whose
//     wording is not on file, with the change in a comment.
// The letters a wording defines ("мұнда: T – …" / "где: T – …") become the clause's result (the
// first), coefficients (an entry that says "коэффициент"; its value where the text states it) and
// definitions, each with the text's description; no formula is invented: each is `n/a` and the
// formula's evidence `not_on_file` until a person writes it, so `check` says what is left to do.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ereje::interp {

struct ImportedAct {
  std::string id;              // registration number, or empty when the text gives none
  std::string rules;           // the rule file's text (not yet formatted)
  std::vector<std::string> notes;  // what could not be read, for the user
  std::size_t operations = 0;  // paragraphs replaced, repealed, inserted or changed
};

// `lang`: "kk" or "ru", the language of the text (it decides the phrases looked for).
ImportedAct import_act(std::string_view text, const std::string& lang);

}  // namespace ereje::interp
