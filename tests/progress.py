#!/usr/bin/env python3
"""Progress on standard error (core/Progress.hpp), with standard error on a pseudo-terminal.

    tests/progress.py path/to/ereje

A report on 100,000 rows (bench/generate.py) with EREJE_PROGRESS_DELAY_MS=0: on a terminal a line
"ereje: <stage> … N s" is drawn and redrawn in place, and cleared before anything else is written
there, so that the diagnostics are exactly those of the same command with standard error on a
pipe; on a pipe there is no escape sequence at all; EREJE_PROGRESS=0 turns it off on a terminal;
the page written is the same; with --lang ru the command line's own note is said in Russian, whole,
through the progress buffer as on a pipe. Only the standard library."""
import os
import pty
import re
import select
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
failures, passed = [], []


def check(name, ok, detail=""):
    print(("ok: " if ok else "FAIL: ") + name + ("" if ok else "  " + detail))
    (passed if ok else failures).append(name)


def run_on_pty(cmd, env):
    """Runs cmd with stderr on a pseudo-terminal (stdout to /dev/null); returns (status, bytes of stderr)."""
    master, slave = pty.openpty()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            out += chunk
        elif p.poll() is not None:
            # drain what is left
            try:
                while True:
                    r, _, _ = select.select([master], [], [], 0.1)
                    if not r:
                        break
                    chunk = os.read(master, 65536)
                    if not chunk:
                        break
                    out += chunk
            except OSError:
                pass
            break
    p.wait()
    os.close(master)
    return p.returncode, out


def main():
    ereje = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="ereje-progress-")
    data = os.path.join(tmp, "data")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "data", "--out", data,
                    "--bodies", "1000", "--services", "100", "--seed", "3"], check=True, capture_output=True)
    env = dict(os.environ, EREJE_PROGRESS_DELAY_MS="0", TERM="xterm")
    env.pop("EREJE_TIMING", None)
    env.pop("EREJE_PROGRESS", None)
    page_tty, page_pipe = os.path.join(tmp, "tty.html"), os.path.join(tmp, "pipe.html")
    cmd = [ereje, "report", "rules", "--data", data, "--as-of", "2024-01-01", "--output"]
    status, err = run_on_pty(cmd + [page_tty], env)
    pipe = subprocess.run(cmd + [page_pipe], capture_output=True, env=env, cwd=ROOT)
    check("report exits 0 with standard error on a terminal and on a pipe", status == 0 and pipe.returncode == 0,
          f"{status} {pipe.returncode} {pipe.stderr[-400:]!r}")
    text = err.decode("utf-8", "replace")
    drawn = re.findall(r"\r\x1b\[Kereje: ([^\r\n\x1b]*?) … (\d+\.\d) s", text)
    check("on a terminal: a progress line naming the stage and the time", len(drawn) >= 1
          and any(s.startswith("reading the data") or s.startswith("evaluating") or s.startswith("explaining") for s, _ in drawn),
          repr(text[:300]))
    check("on a terminal: the line is cleared at the end", text.endswith("\r\x1b[K") or "\x1b" not in text.split("\r\x1b[K")[-1],
          repr(text[-200:]))
    # Without the progress lines, the terminal shows exactly what the pipe got (the pty writes \r\n).
    cleaned = re.sub(r"\r\x1b\[K(ereje: [^\r\n\x1b]*)?", "", text).replace("\r\n", "\n")
    check("on a terminal: the diagnostics are whole, the same as on a pipe", cleaned == pipe.stderr.decode(),
          f"{cleaned[:300]!r} vs {pipe.stderr.decode()[:300]!r}")
    check("on a pipe: no escape sequence", b"\x1b" not in pipe.stderr and b"\r" not in pipe.stderr)
    check("the page is the same either way", open(page_tty, "rb").read() == open(page_pipe, "rb").read())
    # With --lang ru (cli/MessageLines.hpp, a filter under the progress buffer): the command line's own
    # note translated, whole, and the same on a terminal as on a pipe; no line lost or cut.
    cmd_ru = [ereje, "report", "rules", "--data", data, "--lang", "ru", "--output"]
    status, err = run_on_pty(cmd_ru + [page_tty], env)
    pipe = subprocess.run(cmd_ru + [page_pipe], capture_output=True, env=env, cwd=ROOT)
    text = err.decode("utf-8", "replace")
    cleaned = re.sub(r"\r\x1b\[K(ereje: [^\r\n\x1b]*)?", "", text).replace("\r\n", "\n")
    check("--lang ru: the note said in Russian, on a terminal and on a pipe",
          status == 0 and pipe.returncode == 0 and "note: --as-of не указан: отчёт на " in cleaned
          and pipe.stderr.decode().startswith("note: --as-of не указан: отчёт на "), repr(cleaned[:300]))
    check("--lang ru: on a terminal, the messages are whole and the same as on a pipe", cleaned == pipe.stderr.decode(),
          f"{cleaned[:300]!r} vs {pipe.stderr.decode()[:300]!r}")
    check("--lang ru: progress drawn and cleared all the same", bool(re.search(r"\r\x1b\[Kereje: ", text))
          and ("\x1b" not in text.split("\r\x1b[K")[-1]), repr(text[-200:]))
    status, err = run_on_pty(cmd + [page_tty], dict(env, EREJE_PROGRESS="0"))
    check("EREJE_PROGRESS=0: nothing drawn on a terminal", status == 0 and b"\x1b" not in err, repr(err[:200]))
    print(f"{len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
