// Shared pieces of the subcommands.
#include "cli/Common.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sys/stat.h>
#include <unistd.h>

namespace ereje::cli {

LoadedRules load_and_check(const std::vector<std::string>& paths) {
  LoadedRules out;
  out.rules = interp::load_rules(paths, out.diags);
  // Clauses with a syntax error were dropped by the parser; the rest are whole and worth checking,
  // so that one run reports every broken clause.
  out.checked = interp::check(out.rules, out.diags);
  out.diags.sort();
  return out;
}

std::optional<Date> parse_as_of(const std::string& text, const std::string& flag, std::ostream& err) {
  auto d = parse_date(text);
  if (!d)
    err << "error: " << flag << " `" << text << "` is not a date\n  = help: write the date as YYYY-MM-DD, e.g. 2024-01-01\n";
  return d;
}

bool write_file_atomically(const std::string& path, const std::string& content, std::ostream& err) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    err << "error: cannot write " << path << ": " << std::strerror(errno) << "\n";
    return false;
  }
  // mkstemp makes the file private (0600): give it the mode of the file it replaces, or the
  // usual mode for a new file under the user's umask.
  struct stat st {};
  mode_t mode;
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      err << "error: cannot write " << path << ": " << std::strerror(errno) << "\n";
      ::close(fd);
      ::unlink(name.data());
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(name.data(), path.c_str()) != 0) {
    err << "error: cannot write " << path << ": " << std::strerror(errno) << "\n";
    ::unlink(name.data());
    return false;
  }
  return true;
}

}  // namespace ereje::cli
