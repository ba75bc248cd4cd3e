// `ereje import ACT [--lang kk|ru] [--output DIR]`: a rule-file skeleton from the published text
// of an amending act (interpreter/Import.hpp, docs/import.md), laid out as `ereje fmt` lays it out.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "core/DiagnosticText.hpp"
#include "core/Source.hpp"
#include "grammar/Formatter.hpp"
#include "interpreter/Import.hpp"

namespace ereje::cli {
namespace {

constexpr std::size_t kMaxActBytes = std::size_t{16} << 20;  // as a rule file

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// Kazakh when the text has a letter of the Kazakh alphabet that Russian lacks.
std::string language_of(const std::string& text) {
  for (const char* k : {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "І"})
    if (text.find(k) != std::string::npos) return "kk";
  return "ru";
}

}  // namespace

int run_import(const ImportOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  if (!o.lang.empty() && o.lang != "kk" && o.lang != "ru") {
    err << "error: unknown language `" << o.lang << "`\n  = help: the act's text is read in kk or ru\n";
    return kBadInput;
  }
  // The lines that name the act's file first, and the summary, said here in the language of --lang
  // (the act's: kk or ru); the others through cli/MessageLines.hpp.
  DiagnosticTranslator said(o.lang.empty() ? "en" : o.lang);
  struct stat st {};
  if (::stat(o.act.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    err << o.act << ": error: " << said.text("cli", ::stat(o.act.c_str(), &st) != 0 ? "no such file" : "not a regular file")
        << "\n  = help: give the act's text as a plain-text file (UTF-8)\n";
    return kBadInput;
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxActBytes) {
    err << o.act << ": error: " << said.text("cli", "the file is larger than the limit of 16 MiB for an act's text") << "\n";
    return kBadInput;
  }
  std::ifstream f(o.act, std::ios::binary);
  std::string text(std::istreambuf_iterator<char>(f), {});
  if (!f.good() && !f.eof()) {
    err << o.act << ": error: " << said.text("cli", "cannot read the file") << "\n";
    return kBadInput;
  }
  note_input(o.act, "the act's text this command reads");
  if (text.size() > kMaxActBytes) {
    err << o.act << ": error: " << said.text("cli", "the file is larger than the limit of 16 MiB for an act's text") << "\n";
    return kBadInput;
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (!valid_utf8(text)) {
    err << o.act << ": error: " << said.text("cli", "the text is not UTF-8")
        << "\n  = help: save it as UTF-8 (a text copied from adilet.zan.kz is; an old Windows-1251 file is not)\n";
    return kBadInput;
  }
  const std::string lang = o.lang.empty() ? language_of(text) : o.lang;
  interp::ImportedAct act = interp::import_act(text, lang);

  // Laid out by the formatter, so that `ereje fmt` leaves the skeleton as it is.
  Diagnostics diags;
  auto source = std::make_shared<SourceFile>(act.id.empty() ? "import.ereje" : act.id + ".ereje", act.rules);
  auto formatted = grammar::format_source(source, diags);
  if (!formatted) throw std::logic_error("the skeleton written by import does not parse:\n" + render(diags));

  for (const auto& n : act.notes) err << o.act << ": note: " << said.text("cli", n) << "\n";
  if (o.output.empty()) {
    out << *formatted;
  } else {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(o.output, ec)) fs::create_directories(o.output, ec);
    if (ec || !fs::is_directory(o.output, ec)) {
      err << "error: cannot make the folder " << o.output << (ec ? ": " + ec.message() : ": a file of that name is there")
          << "\n";
      return kBadInput;
    }
    const std::string path = (fs::path(o.output) / source->name).string();
    if (::lstat(path.c_str(), &st) == 0) {
      err << "error: " << path << " already exists; import never writes over a file\n"
          << "  = help: give --output a new folder, or move the old skeleton away\n";
      return kBadInput;
    }
    if (!write_file_atomically(path, *formatted, err)) return kBadInput;
    out << said.text("cli", "wrote " + path) << "\n";
  }
  err << o.act << ": "
      << said.text("cli", act.operations == 1 ? std::string("1 paragraph changed; run `ereje check` on the skeleton (with the "
                                                            "rules it amends) for what is left to write")
                                              : fmt::format("{} paragraphs changed; run `ereje check` on the skeleton (with "
                                                            "the rules it amends) for what is left to write",
                                                            act.operations))
      << "\n";
  if (said.missed()) err << said.notice();
  return kOk;
}

void add_import(CLI::App& app, Action& action) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand("import", "a rule-file skeleton from the published text of an amending act");
  cmd->add_option("act", o->act, "the act's text: a plain-text file, UTF-8")->required();
  cmd->add_option("--lang", o->lang, "the text's language, kk or ru (default: from its letters)");
  cmd->add_option("--output", o->output, "write NUMBER.ereje into this folder (default: standard output)");
  cmd->callback([o, &action] { action = [o] { return run_import(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
