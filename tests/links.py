#!/usr/bin/env python3
"""Every link in the repository's Markdown resolves inside the repository.

For README.md, docs/, examples/, bench/ and editors/ pages: each relative link `[text](path#anchor)`
names a file or folder that exists inside the repository (never outside it, as `../shared/...`
would), and each anchor names a heading of the page it points to (GitHub's rule for heading ids).
Links in fenced code blocks and inline code are not links. Web links are not fetched.

Usage: python3 tests/links.py [ROOT]   (exit 0 when every link resolves, 1 otherwise)
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
PAGES = ["README.md"]
for top in ("docs", "examples", "bench", "editors", "fuzz", "tests"):
    for folder, dirs, files in os.walk(os.path.join(ROOT, top)):
        dirs[:] = [d for d in dirs if d not in ("node_modules", "golden", "catalogue")]
        PAGES += [os.path.relpath(os.path.join(folder, f), ROOT) for f in files if f.endswith(".md")]

LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def prose_lines(text, blank_code=True):
    """The page's lines outside fenced code blocks, with inline code blanked (not in headings)."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip()
        if fence is None and (stripped.startswith("```") or stripped.startswith("~~~")):
            fence = stripped[:3]
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        yield number, re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line) if blank_code else line


def slug(heading):
    """GitHub's id of a heading: lowercase, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"`", "", heading.strip().lower())
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        ids, seen = set(), {}
        with open(path, encoding="utf-8") as fh:
            for _, line in prose_lines(fh.read(), blank_code=False):
                m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
                if not m:
                    continue
                base = slug(m.group(2))
                n = seen.get(base, 0)
                seen[base] = n + 1
                ids.add(base if n == 0 else f"{base}-{n}")
        cache[path] = ids
    return cache[path]


def main():
    problems, checked = [], 0
    for page in sorted(set(PAGES)):
        full = os.path.join(ROOT, page)
        with open(full, encoding="utf-8") as fh:
            text = fh.read()
        for number, line in prose_lines(text):
            for m in list(LINK.finditer(line)) + list(IMAGE.finditer(line)):
                target = m.group(1)
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
                    continue
                checked += 1
                path, _, anchor = target.partition("#")
                dest = os.path.normpath(os.path.join(os.path.dirname(full), path)) if path else full
                where = f"{page}:{number}: `{target}`"
                if os.path.commonpath([dest, ROOT]) != ROOT:
                    problems.append(f"{where}: points outside the repository")
                elif not os.path.exists(dest):
                    problems.append(f"{where}: no such file or folder")
                elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                    problems.append(f"{where}: no heading with the id `{anchor}` in {os.path.relpath(dest, ROOT)}")
    # A page named in inline code (`data.md`, `docs/language.md`) is a page of the repository too:
    # relative to the page, to the root, or one of docs/.
    for page in sorted(set(PAGES)):
        full = os.path.join(ROOT, page)
        with open(full, encoding="utf-8") as fh:
            text = fh.read()
        for number, line in prose_lines(text, blank_code=False):
            for m in re.finditer(r"`([\w./-]+\.md)`", line):
                name = m.group(1)
                checked += 1
                candidates = [os.path.join(os.path.dirname(full), name), os.path.join(ROOT, name),
                              os.path.join(ROOT, "docs", name)]
                if not any(os.path.exists(c) for c in candidates):
                    problems.append(f"{page}:{number}: `{name}` names a page that is not in the repository")
    for p in problems:
        print(p)
    print(f"links: {checked} checked in {len(set(PAGES))} pages, {len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
