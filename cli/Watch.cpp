// `--watch` for `test` and `run`: the edit-run loop of a methodologist. Runs the command, then runs
// it again whenever a rule or data file under the watched paths is written, created, moved or
// removed (Linux inotify), until interrupted.
#include "cli/Watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <ostream>
#include <set>

#include "core/DiagnosticText.hpp"

namespace ereje::cli {
namespace fs = std::filesystem;
namespace {

bool watched_file(const std::string& name) {
  static const char* const kExt[] = {".ereje", ".csv", ".json", ".sqlite", ".sqlite3", ".db"};
  const std::string ext = fs::path(name).extension().string();
  for (const char* e : kExt)
    if (ext == e) return true;
  return false;
}

}  // namespace

int watch(const std::vector<std::string>& paths, const std::function<int()>& once, std::ostream& err,
          const std::string& lang) {
  // Its own lines are not messages (no `note:`): said in the command's language here.
  DiagnosticTranslator said(lang);
  const int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) {
    err << "error: --watch cannot watch files here (inotify is not available)\n";
    return 2;
  }
  std::map<int, std::string> dirs;  // watch descriptor -> folder
  std::set<std::string> files;      // files named on the command line: only those in their folder count
  const std::uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR;
  auto add_dir = [&](const fs::path& d) {
    const int wd = inotify_add_watch(fd, d.c_str(), mask);
    if (wd >= 0) dirs[wd] = d.string();
  };
  for (const auto& p : paths) {
    if (p == "-" || p.empty()) continue;
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      add_dir(p);
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_directory(ec)) add_dir(it->path());
    } else if (fs::exists(p, ec)) {
      const fs::path parent = fs::path(p).has_parent_path() ? fs::path(p).parent_path() : fs::path(".");
      add_dir(parent);
      files.insert(fs::weakly_canonical(p, ec).string());
    }
  }
  if (dirs.empty()) {
    ::close(fd);
    err << "error: --watch found nothing to watch\n";
    return 2;
  }
  // Each run's output is seen as it ends, also when standard output is a file or a pipe.
  auto run = [&] {
    const int c = once();
    std::cout.flush();
    err.flush();
    return c;
  };
  int code = run();
  err << said.text("cli", dirs.size() == 1
                              ? std::string("watching 1 folder for changes to rule and data files (Ctrl-C to stop)")
                              : fmt::format("watching {} folders for changes to rule and data files (Ctrl-C to stop)",
                                            dirs.size()))
      << std::endl;
  alignas(inotify_event) char buf[1 << 14];
  for (;;) {
    // Wait for a change, then let a burst of events (an editor's save, a copied folder) settle.
    std::string changed;
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, -1) < 0) break;
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) {
        pollfd again{fd, POLLIN, 0};
        if (::poll(&again, 1, 200) <= 0) break;
        continue;
      }
      for (char* p = buf; p < buf + n;) {
        const auto* ev = reinterpret_cast<const inotify_event*>(p);
        p += sizeof(inotify_event) + ev->len;
        if (!ev->len) continue;
        const auto dir = dirs.find(ev->wd);
        if (dir == dirs.end()) continue;
        const fs::path path = fs::path(dir->second) / ev->name;
        if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
          add_dir(path);  // a new folder of rules is watched too
          continue;
        }
        if (!watched_file(ev->name)) continue;
        std::error_code ec;
        if (!files.empty() && !files.count(fs::weakly_canonical(path, ec).string())) {
          bool inside_folder = false;  // a file in a watched folder given as a folder
          for (const auto& p2 : paths)
            if (fs::is_directory(p2, ec) && path.string().rfind(fs::path(p2).string(), 0) == 0) inside_folder = true;
          if (!inside_folder) continue;
        }
        changed = path.string();
      }
    }
    if (changed.empty()) continue;
    err << "\n" << said.text("cli", fmt::format("--- {} changed: running again", changed)) << "\n";
    code = run();
  }
  ::close(fd);
  return code;
}

}  // namespace ereje::cli
