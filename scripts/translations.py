"""Witness translations: extract the witness-facing strings, update the ``.ts`` catalogues, compile
them to ``.qm`` with ``pyside6-lrelease``.

    .venv/bin/python scripts/translations.py            # update .ts (keep translations) and compile
    .venv/bin/python scripts/translations.py --check    # fail if a string has no translation

Strings are the first argument of ``tr(...)``/``t(...)``/``self.tr(...)``/``self._tr(...)`` calls in
``ui/witness/*.py`` (a module-level string constant may be passed by name).  Translators edit the
``.ts`` files (Qt Linguist: ``pyside6-linguist resources/translations/witness_es.ts``).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "ui" / "witness").glob("*.py"))
OUT = ROOT / "resources" / "translations"
LANGS = {"es": "es_ES", "fr": "fr_FR"}
CONTEXT = "WitnessStation"
CALLS = {"t", "tr", "_tr"}


def extract() -> list[tuple[str, str]]:
    """(text, "file:line") in order of first appearance."""
    seen: dict[str, str] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                  for t in n.targets if isinstance(t, ast.Name)
                  and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name not in CALLS:
                continue
            arg = node.args[0]
            text = arg.value if isinstance(arg, ast.Constant) else consts.get(arg.id) if isinstance(arg, ast.Name) else None
            if isinstance(text, str) and text not in seen:
                seen[text] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return list(seen.items())


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src, tr = msg.findtext("source"), msg.find("translation")
        if src is not None and tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete"):
            out[src] = tr.text
    return out


def write_ts(path: Path, lang: str, strings: list[tuple[str, str]], translations: dict[str, str]) -> list[str]:
    root = ET.Element("TS", version="2.1", language=LANGS[lang], sourcelanguage="en_GB")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    missing = []
    for text, where in strings:
        msg = ET.SubElement(ctx, "message")
        file, line = where.rsplit(":", 1)
        ET.SubElement(msg, "location", filename=f"../../{file}", line=line)
        ET.SubElement(msg, "source").text = text
        tr = ET.SubElement(msg, "translation")
        if text in translations:
            tr.text = translations[text]
        else:
            tr.set("type", "unfinished")
            missing.append(text)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def lrelease(ts: Path) -> None:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([exe, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--check", action="store_true", help="fail when a string is untranslated")
    opts = p.parse_args()
    strings = extract()
    OUT.mkdir(parents=True, exist_ok=True)
    bad = 0
    for lang in LANGS:
        ts = OUT / f"witness_{lang}.ts"
        missing = write_ts(ts, lang, strings, read_ts(ts))
        lrelease(ts)
        for text in missing:
            print(f"{lang}: untranslated: {text!r}")
        bad += len(missing)
    print(f"{len(strings)} strings, {bad} untranslated")
    return 1 if opts.check and bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
