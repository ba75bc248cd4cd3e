// A data file mapped read-only: the CSV loader's input. POSIX mmap; where mapping fails (an empty
// file, a file system without it) the file is read into memory instead, with the same result.
#include "input/MappedFile.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "input/DataSet.hpp"

namespace ereje::input {

MappedFile::MappedFile(const std::string& path, const std::string& display_name) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw_input_error(data_error("data-unreadable", display_name, 0, 0, {},
                                 fmt::format("cannot read the file: {}", std::strerror(err))));
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ > 0 && S_ISREG(st.st_mode)) {
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::madvise(p, size_, MADV_SEQUENTIAL);  // read-ahead: the scan goes front to back once
      data_ = static_cast<const char*>(p);
      mapped_ = true;
    }
  }
  ::close(fd);
  if (mapped_ || size_ == 0) return;
  copy_ = read_file_text(path, display_name);
  data_ = copy_.data();
  size_ = copy_.size();
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::release(const char* from, const char* to) const {
  if (!mapped_ || to <= from) return;
  const std::size_t page = page_size();
  const std::size_t b = (static_cast<std::size_t>(from - data_) + page - 1) / page * page;
  const std::size_t e = std::min(static_cast<std::size_t>(to - data_), size_) / page * page;
  // MADV_DONTNEED on a private read-only file mapping drops the pages; reading them again refetches
  // the file's contents. It never changes what the mapping holds.
  if (e > b) ::madvise(const_cast<char*>(data_) + b, e - b, MADV_DONTNEED);
}

std::size_t MappedFile::page_size() {
  static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return page;
}

}  // namespace ereje::input
