// Shared pieces of the subcommands.
#include "cli/Common.hpp"

#include "input/LoadData.hpp"
#include "interpreter/DataRules.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string_view>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ereje::cli {

ShownDiagnostics::~ShownDiagnostics() {
  if (translate_.missed()) err_ << translate_.notice();
}

void ShownDiagnostics::terms_from(const interp::RuleSet& rules) { add_rule_terms(translate_, rules); }

void add_rule_terms(DiagnosticTranslator& t, const interp::RuleSet& rules) {
  const std::string& lang = t.lang();
  if (lang == "en") return;
  auto meaning = [&](const std::string& english, const std::map<std::string, std::string>& by_lang) {
    if (auto it = by_lang.find(lang); it != by_lang.end()) t.add_term(english, it->second);
  };
  if (rules.contract)
    for (const auto& table : rules.contract->tables) {
      meaning(table.meaning, table.titles);
      for (const auto& c : table.columns) meaning(c.meaning, c.meanings);
      for (const auto& c : table.later) meaning(c.meaning, c.meanings);
      for (const auto& r : table.references) meaning(r.meaning, r.meanings);
    }
  auto described = [&](const std::string& english, const std::vector<ast::Text>& others) {
    for (const auto& x : others)
      if (x.lang == lang) t.add_term(english, x.value);
  };
  for (const auto& inv : rules.invariants) described(inv.decl->description, inv.decl->descriptions);
  for (const auto& [number, versions] : rules.clauses)
    for (const auto& v : versions) {
      if (!v.clause) continue;
      for (const auto& x : v.clause->coefficients) described(x.description, x.descriptions);
      for (const auto& x : v.clause->lets) described(x.description, x.descriptions);
      for (const auto& x : v.clause->results) described(x.description, x.descriptions);
      for (const auto& x : v.clause->obligations) described(x.description, x.descriptions);
    }
}

LoadedRules load_and_check(const std::vector<std::string>& paths) {
  LoadedRules out;
  out.rules = interp::load_rules(paths, out.diags);
  for (const auto& f : out.rules.files)
    if (f.source) note_input(f.source->name, "a rule file this command reads");
  // Clauses with a syntax error were dropped by the parser; the rest are whole and worth checking,
  // so that one run reports every broken clause.
  out.checked = interp::check(out.rules, out.diags);
  set_notes_apart(out);
  return out;
}

void set_notes_apart(LoadedRules& lr) {
  Diagnostics kept;
  for (const auto& d : lr.diags.list()) (d.severity == Severity::Note ? lr.notes : kept).add(d);
  lr.diags = std::move(kept);
  lr.diags.sort();
  lr.notes.sort();
}

std::optional<Date> parse_as_of(const std::string& text, const std::string& flag, std::ostream& err) {
  auto d = parse_date(text);
  if (!d)
    err << "error: " << flag << " `" << text << "` is not a date\n  = help: write the date as YYYY-MM-DD, e.g. 2024-01-01\n";
  return d;
}

std::optional<Date> as_of_or_today(const std::string& given, const char* doing, std::ostream& err) {
  if (!given.empty()) return parse_as_of(given, "--as-of", err);
  const Date today = today_utc();
  err << "note: no --as-of given: " << doing << " as of " << format_date(today) << " (today, UTC)\n";
  return today;
}

std::string& csv_dialect() {
  static std::string dialect = "rfc4180";
  return dialect;
}

input::LoadOptions data_load_options() {
  input::LoadOptions o;
  o.excel_locale = csv_dialect() == "excel-ru";
  return o;
}

input::DataSet load_data_for(const interp::RuleSet& rules, const interp::Checked& checked, const std::string& data,
                             Date as_of, const std::vector<const interp::ClauseVersion*>& versions,
                             Diagnostics& warnings) {
  const progress::Stage stage("reading the data: " + input::shown_data(data));
  input::DataSet ds = input::load_data(data, *rules.contract, as_of, interp::tables_needed(rules, checked, versions, as_of),
                                       data_load_options());
  note_inputs(ds.files, "a data file this command reads");
  for (const auto& w : ds.warnings) warnings.add(w);
  warnings.append(interp::prepare_data(rules, checked, ds, as_of, versions));
  return ds;
}

std::optional<std::vector<const interp::ClauseVersion*>> versions_in_force(const interp::RuleSet& rules, Date as_of,
                                                                          std::ostream& err) {
  auto versions = rules.all_in_force(as_of);
  const auto earliest = rules.earliest();
  if (!versions.empty() && !(earliest && as_of < *earliest)) return versions;
  err << "error: no version of the rules is in force on " << format_date(as_of);
  if (earliest) err << "\n  = help: the earliest rules take effect on " << format_date(*earliest);
  err << "\n";
  return std::nullopt;
}

namespace {

struct Inputs {
  std::vector<std::pair<dev_t, ino_t>> ids;
  std::vector<std::string> names;  // as the user gave them, for messages
  std::vector<const char*> whats;
};
Inputs& inputs() {
  static Inputs in;
  return in;
}

}  // namespace

void note_input(const std::string& path, const char* what) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return;
  inputs().ids.push_back({st.st_dev, st.st_ino});
  inputs().names.push_back(path);
  inputs().whats.push_back(what);
}

void forget_inputs() { inputs() = Inputs{}; }

void note_inputs(const std::vector<std::string>& paths, const char* what) {
  for (const auto& p : paths) note_input(p, what);
}

bool output_allowed(const std::string& path, std::ostream& err, bool may_be_input) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return true;  // a new file (or a folder that is not there: said when written)
  if (S_ISLNK(st.st_mode)) {
    err << "error: `" << path << "` is a symbolic link: ereje does not write through links\n"
        << "  = help: name the file the link points to, or another path\n";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    const char* what = S_ISDIR(st.st_mode)                       ? "a folder"
                       : S_ISFIFO(st.st_mode)                    ? "a named pipe (FIFO)"
                       : S_ISSOCK(st.st_mode)                    ? "a socket"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                  : "not a regular file";
    err << "error: `" << path << "` is " << what << ", not a regular file: ereje writes its outputs only to regular files\n"
        << "  = help: to send the output elsewhere, write it to standard output (`--output -` or no --output) and "
           "redirect that\n";
    return false;
  }
  if (may_be_input) return true;
  const auto& in = inputs();
  for (std::size_t i = 0; i < in.ids.size(); ++i)
    if (in.ids[i].first == st.st_dev && in.ids[i].second == st.st_ino) {
      err << "error: `" << path << "` is "
          << (in.names[i] == path ? std::string() : "the same file as `" + in.names[i] + "`, ") << in.whats[i]
          << ": ereje never writes over its own inputs and outputs\n"
          << "  = help: give the output another name\n";
      return false;
    }
  return true;
}

namespace {

// The mode a new file gets: that of the file it replaces, else the usual one under the umask.
mode_t mode_for(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::fsync(fd) == 0;
}

// Removes what an earlier, killed write of FILE left beside it: `.FILE.tmp-PID-XXXXXX` whose process
// PID no longer exists (a run killed between naming its whole file and the rename, or, where the file
// system has no O_TMPFILE, while it wrote). Only regular files of this user with exactly that shape
// are touched; a live process's file (another ereje writing the same FILE now) is left alone.
void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& filename) {
  const std::string prefix = "." + filename + ".tmp-";
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  const pid_t self = ::getpid();
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name(e->d_name);
    if (name.size() < prefix.size() + 8 || name.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = name.substr(prefix.size());  // PID-XXXXXX
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 10 || rest.size() - dash - 1 != 6) continue;
    long pid = 0;
    bool digits = true;
    for (const char c : rest.substr(0, dash)) {
      if (c < '0' || c > '9') digits = false;
      else pid = pid * 10 + (c - '0');
    }
    if (!digits || pid <= 0 || pid > 0x7fffffffL || pid == self) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    struct stat st {};
    const std::string full = (dir / std::string(name)).string();
    if (::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
    ::unlink(full.c_str());
  }
  ::closedir(d);
}

}  // namespace

bool write_file_replacing(const std::string& path, const std::string& content, std::ostream& err);

bool write_file_atomically(const std::string& path, const std::string& content, std::ostream& err, bool may_be_input) {
  if (!output_allowed(path, err, may_be_input)) return false;
  if (!write_file_replacing(path, content, err)) return false;
  note_input(path, "a file this command has just written");
  return true;
}

bool write_file_replacing(const std::string& path, const std::string& content, std::ostream& err) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  remove_stale_temporaries(dir, target.filename().string());
  const std::string tmpl =
      (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  auto fail = [&](int fd, bool named) {
    const int e = errno;
    if (fd >= 0) ::close(fd);
    if (named) ::unlink(name.data());
    err << "error: cannot write " << path << ": " << std::strerror(e) << "\n";
    return false;
  };
  const mode_t mode = mode_for(path);
#ifdef O_TMPFILE
  // First choice: a file with no name while it is written (Linux's O_TMPFILE), named only once it is
  // whole. A run killed before that leaves nothing behind, not even a temporary file.
  if (int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode); fd >= 0) {
    ::fchmod(fd, mode);  // the umask applied to open's mode; the replaced file's mode wins
    if (!write_all(fd, content)) return fail(fd, false);
    // A fresh name for it, then at once the rename over the target: the one moment a killed run
    // could leave a whole (never partial) temporary file is between these two calls. The name is
    // made up here, not reserved with a file of its own first (which would widen that moment).
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    std::random_device rng;
    bool linked = false;
    for (int attempt = 0; attempt < 100 && !linked; ++attempt) {
      static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      std::copy(tmpl.begin(), tmpl.end(), name.begin());
      for (std::size_t i = tmpl.size() - 6; i < tmpl.size(); ++i) name[i] = letters[rng() % (sizeof letters - 1)];
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.data(), AT_SYMLINK_FOLLOW) == 0) linked = true;
      // No /proc: the descriptor itself (allowed to a user who may read any folder, root in CI).
      else if (errno != EEXIST && ::linkat(fd, "", AT_FDCWD, name.data(), AT_EMPTY_PATH) == 0) linked = true;
      else if (errno != EEXIST) break;
    }
    if (linked) {
      if (std::rename(name.data(), path.c_str()) != 0) return fail(fd, true);
      if (::close(fd) != 0) return fail(-1, false);
      return true;
    }
    ::close(fd);  // no /proc to link it through: written again the other way
  }
  // O_TMPFILE not supported by this file system, or no way to link it: a named temporary file.
#endif
  std::copy(tmpl.begin(), tmpl.end(), name.begin());  // mkstemp wants the XXXXXX back
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return fail(-1, false);
  ::fchmod(fd, mode);  // mkstemp makes the file private (0600)
  if (!write_all(fd, content)) return fail(fd, true);
  if (::close(fd) != 0 || std::rename(name.data(), path.c_str()) != 0) return fail(-1, true);
  return true;
}

}  // namespace ereje::cli
