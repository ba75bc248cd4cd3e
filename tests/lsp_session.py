#!/usr/bin/env python3
"""A scripted Language Server Protocol session with `ereje lsp`, as an editor would hold it.

initialize; open a broken document whose error stands after Kazakh text and an emoji, and expect
the diagnostic at the right UTF-16 position; hover a coefficient, a definition and a clause; go
to a definition; list the document's symbols; fix the document, format it; open a rule file of
rules/acts/ to see it checked with the other act of its folder; complete tables, columns, enum
values, clause numbers and names while a clause is typed; quick fixes; shutdown; exit with status 0.

Usage: lsp_session.py path/to/ereje   (run from the project root; python3's standard library only)
"""
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import urllib.parse

TIMEOUT = 30  # seconds to wait for any one answer


class Session:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.pending = []  # messages read while waiting for another
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length).decode("utf-8")))

    def send(self, msg):
        body = json.dumps(dict(jsonrpc="2.0", **msg), ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def wait_for(self, match, what):
        for i, m in enumerate(self.pending):
            if match(m):
                return self.pending.pop(i)
        while True:
            try:
                m = self.inbox.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError("no answer: " + what)
            if m is None:
                raise AssertionError("the server closed its output while waiting for " + what)
            if match(m):
                return m
            self.pending.append(m)

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        m = self.wait_for(lambda m: m.get("id") == rid and "method" not in m, method)
        assert "error" not in m, f"{method}: {m['error']}"
        return m["result"]

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def diagnostics(self, uri):
        m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri, "diagnostics of " + uri)
        return m["params"]["diagnostics"]


def lay_out_rule_set(tmp):
    """A rule set laid out as the project's: the data contract in data/, the acts in acts/."""
    os.makedirs(os.path.join(tmp, "data"))
    os.makedirs(os.path.join(tmp, "acts"))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "data", "tables.ereje"),
              encoding="utf-8") as src, open(os.path.join(tmp, "data", "tables.ereje"), "w", encoding="utf-8") as dst:
        dst.write(src.read())


def uri_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def pos(line, character):
    return {"line": line, "character": character}


BROKEN = """act "1" "Сынақ актісі" in_force 2023-01-01

clause 49 "Автоматтандыру"
  title kk "Мемлекеттік қызметтерді автоматтандыру дәрежесі"
  title ru "Степень автоматизации государственных услуг"
  evidence text official, formula official
  let қызметтер = count services "барлық қызметтер"
  let толық = count services where automation = full "толық автоматтандырылған"
  coefficient k = 10 "коэффициент"
  result T = толық / қызметтер * k range 0..k
end

clause 52 "Смартфон"
  title kk "Смартфондандыру"
  title ru "Смартфонизация"
  evidence text official
  let ұялы = "😀қ" + * 2
end
"""
# Line 16, `*`: 2 spaces, `let ` (4), `ұялы` (4), ` = ` (3), `"😀қ"` (1 + 2 + 1 + 1: the emoji is a
# surrogate pair), ` + ` (3): UTF-16 character 21 (code points would say 20, bytes 30).
ERROR_AT = pos(16, 21)

FIXED = BROKEN.replace('  let ұялы = "😀қ" + * 2\n',
                       '  let ұялы = count services where mobile "😀 мобильді"\n'
                       '  result C = ұялы range 0..1000 round 0\n')


def main():
    binary = sys.argv[1]
    s = Session(binary)
    checks = 0

    def check(cond, what):
        nonlocal checks
        if not cond:
            raise AssertionError(what)
        checks += 1

    init = s.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    caps = init["capabilities"]
    check(caps["textDocumentSync"]["change"] == 1 and caps["hoverProvider"] and caps["definitionProvider"]
          and caps["documentSymbolProvider"] and caps["documentFormattingProvider"], "capabilities")
    s.notify("initialized", {})

    with tempfile.TemporaryDirectory() as tmp:
        # A rule set laid out as the project's: the data contract in data/, the act in acts/. The
        # server reads the document with the rule files of its folder's parent, so the tables of
        # data/ are known in acts/.
        lay_out_rule_set(tmp)
        uri = uri_of(os.path.join(tmp, "acts", "сынақ.ereje"))  # not saved yet: the buffer is what counts
        s.notify("textDocument/didOpen",
                 {"textDocument": {"uri": uri, "languageId": "ereje", "version": 1, "text": BROKEN}})
        diags = s.diagnostics(uri)
        errors = [d for d in diags if d["severity"] == 1]
        check(len(errors) == 1, f"one syntax error expected, got {diags}")
        check(errors[0]["range"]["start"] == ERROR_AT, f"error at {errors[0]['range']['start']}, expected {ERROR_AT}")
        check("expected a value after the operator" in errors[0]["message"], errors[0]["message"])
        check(errors[0]["code"] == "syntax", errors[0]["code"])

        # Hover: the coefficient `k` in `result T = толық / қызметтер * k` (line 9, character 33).
        h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(9, 33)})
        text = h["contents"]["value"]
        check("coefficient k = 10" in text and "value: **10**" in text and "коэффициент" in text, text)
        check('act "1"' in text and "Сынақ актісі" in text and "2023-01-01" in text, text)
        check(h["range"] == {"start": pos(9, 33), "end": pos(9, 34)}, h["range"])
        # ... a definition used in the formula, and the clause with its Kazakh and Russian titles.
        h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(9, 15)})
        check("let толық = count services where automation = full" in h["contents"]["value"]
              and "толық автоматтандырылған" in h["contents"]["value"], h["contents"]["value"])
        h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(2, 8)})
        check("Мемлекеттік қызметтерді автоматтандыру дәрежесі" in h["contents"]["value"]
              and "Степень автоматизации государственных услуг" in h["contents"]["value"], h["contents"]["value"])
        # ... and a column of the data contract.
        h = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(7, 42)})
        check("services.automation" in h["contents"]["value"] and "partial" in h["contents"]["value"],
              h["contents"]["value"])

        # Go to definition: `қызметтер` in the formula -> its `let` on line 6, characters 6..15.
        d = s.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": pos(9, 24)})
        check(d == {"uri": uri, "range": {"start": pos(6, 6), "end": pos(6, 15)}}, d)

        syms = s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        check([x["name"] for x in syms] == ['act "1"', "clause 49"], [x["name"] for x in syms])
        check([x["name"] for x in syms[1]["children"]] == ["қызметтер", "толық", "k", "T"], syms[1]["children"])

        # A broken document is not formatted; once fixed, it is.
        f = s.request("textDocument/formatting",
                      {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
        check(f is None, f"no formatting of a broken document, got {f}")
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"text": FIXED}]})
        diags = s.diagnostics(uri)
        check(not [d for d in diags if d["severity"] == 1], f"no errors after the fix, got {diags}")
        f = s.request("textDocument/formatting",
                      {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
        check(len(f) == 1 and f[0]["range"] == {"start": pos(0, 0), "end": pos(FIXED.count("\n"), 0)}, f)
        new = f[0]["newText"]
        check(new.startswith('act "1" "Сынақ актісі"\n  in_force 2023-01-01\n\nclause 49 "Автоматтандыру"\n'), new)
        check('  let ұялы = count services where mobile "😀 мобильді"\n' in new, new)
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        check(s.diagnostics(uri) == [], "diagnostics cleared on close")

    # A rule file of the project, checked with the other act of its folder: `replaces 49` finds
    # the base act's clause 49, in the other file.
    path = os.path.join("rules", "acts", "2023-33140.ereje")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    act_uri = uri_of(path)
    s.notify("textDocument/didOpen", {"textDocument": {"uri": act_uri, "languageId": "ereje", "version": 1, "text": text}})
    diags = s.diagnostics(act_uri)
    # Clean but for the range analysis: 49 and 52 can leave their ranges (warnings, each with its
    # counterexample as a test), and each division's zero-denominator condition (information); and
    # one note that the text's Cyrillic с is the code's Latin c (information).
    codes = sorted((d["code"], d["severity"]) for d in diags)
    check(codes == [("denominator-zero-when", 3), ("denominator-zero-when", 3), ("result-can-leave-range", 2),
                    ("result-can-leave-range", 2), ("text-letter-twin", 3)],
          f"rules/acts/2023-33140.ereje: only the range analysis and the twin letter, got {diags}")
    check(any("expect T = 20.00 out_of_range" in d["message"] for d in diags), diags)
    line = text.split("\n").index("  replaces 49")
    d = s.request("textDocument/definition", {"textDocument": {"uri": act_uri}, "position": pos(line, 4)})
    check(d["uri"] == uri_of(os.path.join("rules", "acts", "2021-22599.ereje")), d)
    f = s.request("textDocument/formatting", {"textDocument": {"uri": act_uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    check(f == [], "the project's rule files are formatted")

    # Completion, as the methodologist types a new clause at the end of the act (the text does not
    # parse yet): tables after `count`, columns in a condition, an enum's values after `=`, the
    # clause numbers after `of clause`, and the clause's own names in a formula.
    lines = text.split("\n")
    typing = text + 'clause 53 "New"\n  let x = count \n'
    s.notify("textDocument/didChange", {"textDocument": {"uri": act_uri, "version": 2},
                                        "contentChanges": [{"text": typing}]})
    s.diagnostics(act_uri)

    def labels(line_no, character):
        got = s.request("textDocument/completion", {"textDocument": {"uri": act_uri}, "position": pos(line_no, character)})
        items = got["items"] if isinstance(got, dict) else got
        return {i["label"]: i for i in items}

    got = labels(len(lines), len("  let x = count "))
    check({"agencies", "services", "objections", "schedule"} <= set(got) and got["services"]["kind"] == 7,
          f"tables after `count`, got {sorted(got)}")
    for typed, want, kind in (("  let x = count services where ", {"automation", "mobile", "main", "portal_excluded"}, 5),
                              ("  let x = count services where automation = ", {"none", "partial", "full"}, 20),
                              ("  let x = count services where automation in [partial, ", {"none", "partial", "full"}, 20),
                              ("  result y = T of clause ", {"49", "52", "114"}, 9)):
        s.notify("textDocument/didChange", {"textDocument": {"uri": act_uri, "version": 3},
                                            "contentChanges": [{"text": text + 'clause 53 "New"\n' + typed + "\n"}]})
        s.diagnostics(act_uri)
        got = labels(len(lines), len(typed))
        check(want <= set(got) and all(got[w]["kind"] == kind for w in want), f"after `{typed.strip()}`: {sorted(got)}")
        if kind == 20:
            check("mobile" not in got, f"only the enum's values after `automation =`, got {sorted(got)}")
    # In 52's formula: its own names (w, a, k), not 49's (c, d, n).
    row = lines.index("  result C = w / a * k range 0..k round 2 \"the body's operational score for the indicator\"")
    s.notify("textDocument/didChange", {"textDocument": {"uri": act_uri, "version": 4}, "contentChanges": [{"text": text}]})
    s.diagnostics(act_uri)
    got = labels(row, len("  result C = "))
    check({"w", "a", "k", "round", "count"} <= set(got) and not ({"c", "d", "n"} & set(got)),
          f"52's names in its formula, got {sorted(got)}")
    check(got["k"]["kind"] == 21 and "weighted" in got["k"].get("documentation", ""), got.get("k"))

    # Quick fixes: a name typed with a Cyrillic look-alike letter, and a misspelt one.
    fix_uri = "untitled:quickfix.ereje"
    fix_text = ('act "1" "Quick fixes" in_force 2023-01-01\n'
                'clause 49 "Automation"\n'
                '  title kk "Автоматтандыру"\n'
                '  title ru "Автоматизация"\n'
                '  evidence text official, formula official\n'
                '  let c = count services where automation = partial "partial"\n'
                '  let total = count services "all"\n'
                '  result T = с / totl range 0..1 "share"\n'
                'end\n')
    s.notify("textDocument/didOpen", {"textDocument": {"uri": fix_uri, "languageId": "ereje", "version": 1, "text": fix_text}})
    diags = s.diagnostics(fix_uri)
    codes = sorted(d["code"] for d in diags if d["severity"] == 1)
    # (An untitled document has no data contract beside it: `services` is unknown there too.)
    check({"look-alike", "undefined-name"} <= set(codes), f"a look-alike and a misspelling, got {diags}")
    actions = s.request("textDocument/codeAction", {"textDocument": {"uri": fix_uri},
                                                    "range": {"start": pos(7, 0), "end": pos(7, 40)},
                                                    "context": {"diagnostics": diags}})
    edits = sorted((a["edit"]["changes"][fix_uri][0]["range"]["start"]["character"],
                    a["edit"]["changes"][fix_uri][0]["newText"]) for a in actions)
    check(edits == [(13, "c"), (17, "total")], f"quick fixes replace `с` with `c` and `totl` with `total`, got {actions}")
    check(all(a["kind"] == "quickfix" for a in actions), actions)
    none = s.request("textDocument/codeAction", {"textDocument": {"uri": fix_uri},
                                                 "range": {"start": pos(5, 0), "end": pos(5, 5)},
                                                 "context": {"diagnostics": []}})
    check(none == [], f"no quick fix away from the mistakes, got {none}")

    check(s.request("shutdown", None) is None, "shutdown")
    s.notify("exit", None)
    status = s.proc.wait(timeout=TIMEOUT)
    stderr = s.proc.stderr.read().decode("utf-8", "replace")
    check(status == 0, f"exit status {status}; stderr: {stderr}")

    # A second server, started in Kazakh (`initializationOptions.lang`): a hover gives the Kazakh
    # description and title where the rule file has them, and its own words in Kazakh.
    k = Session(binary)
    k.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {},
                             "initializationOptions": {"lang": "kk"}})
    k.notify("initialized", {})
    with tempfile.TemporaryDirectory() as tmp:
        lay_out_rule_set(tmp)
        kuri = uri_of(os.path.join(tmp, "acts", "kk.ereje"))
        text = FIXED.replace('coefficient k = 10 "коэффициент"',
                             'coefficient k = 10 "brings the result to points"\n    kk "нәтижені балға келтіреді"')
        k.notify("textDocument/didOpen", {"textDocument": {"uri": kuri, "languageId": "ereje", "version": 1, "text": text}})
        k.diagnostics(kuri)
        h = k.request("textDocument/hover", {"textDocument": {"uri": kuri}, "position": pos(10, 33)})
        v = h["contents"]["value"]
        check("нәтижені балға келтіреді" in v and "brings the result" not in v and "мәні: **10**" in v
              and "белгілеген: тармақ 49" in v, v)
        h = k.request("textDocument/hover", {"textDocument": {"uri": kuri}, "position": pos(2, 8)})
        v = h["contents"]["value"]
        check(v.startswith("**тармақ 49** Мемлекеттік қызметтерді автоматтандыру дәрежесі") and "en: Автоматтандыру" in v, v)
    check(k.request("shutdown", None) is None, "shutdown (kk)")
    k.notify("exit", None)
    check(k.proc.wait(timeout=TIMEOUT) == 0, "exit status (kk)")
    print(f"lsp session: {checks} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"lsp session: FAILED: {e}")
        print("lsp session: 0 passed, 1 failed")
        sys.exit(1)
