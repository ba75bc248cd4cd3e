// Loading agency data, step zero: a data file's bytes, read-only and whole, without a copy.
// The CSV loader scans them once front to back and lets the pages it has passed go (see release).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ereje::input {

class MappedFile {
 public:
  // Maps the file (or reads it, where it cannot be mapped). Throws InputError `data-unreadable`
  // naming `display_name`, with the same words as read_file_text.
  MappedFile(const std::string& path, const std::string& display_name);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }
  // Whether the bytes are a mapping of the file (not a copy of it read into memory).
  bool mapped() const { return mapped_; }

  // Copies `n` bytes of the file from byte `offset` into `out` with read calls, without touching
  // the mapping; returns how many were copied (fewer only when the file is shorter now, or a read
  // failed). Scanning a mapping costs a page fault and a page-table entry for every 4 KiB page the
  // first time a process reads it, which on some virtual machines (shadow page tables) is most of
  // the cost of reading; copying a window at a time into a buffer that stays in the cache is not
  // (LoadFolder.cpp reads so, and maps only to point at a line for a message).
  std::size_t copy(std::size_t offset, char* out, std::size_t n) const;

  // Tells the kernel that the pages wholly inside [from, to) are not needed now. They were scanned
  // and are read again only for an error message, when a page fault brings them back from the page
  // cache. Without this, a file's every page stays counted in the process's memory until the end.
  void release(const char* from, const char* to) const;

  // How many times, since the process started, a mapped file turned out shorter than when it was
  // mapped (another program truncated it while it was read). Reading past a file's new end would
  // kill the process with SIGBUS; instead the missing pages read as zero bytes and this count
  // goes up, so that the loader can say the file changed instead of trusting what it read.
  static std::uint64_t changes();

 private:
  static std::size_t page_size();
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  int region_ = -1;  // the slot registering the mapping with the SIGBUS handler
  int fd_ = -1;      // open while mapped, for copy
  std::string copy_;  // the fallback: the file read into memory
};

}  // namespace ereje::input
