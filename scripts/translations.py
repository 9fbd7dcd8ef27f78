"""Translations: update the ``.ts`` catalogues from the sources and compile them to ``.qm``.

    .venv/bin/python scripts/translations.py            # update every .ts (keeping translations), compile
    .venv/bin/python scripts/translations.py --check    # also fail when a string is untranslated

Two sets of catalogues in ``resources/translations``:

- ``staff_<lang>.ts`` — the staff screens (start window, settings, clerk console and wizard, judge
  review, interpreter station): extracted by ``pyside6-lupdate`` from ``self.tr(...)``,
  ``QCoreApplication.translate(CONTEXT, ...)`` and ``QT_TRANSLATE_NOOP(CONTEXT, ...)`` in
  :data:`STAFF_SOURCES`; installed application-wide (``ui.i18n.install_staff_language``).
- ``witness_<lang>.ts`` — the witness station and its rehearsal: the first argument of
  ``tr(...)``/``t(...)``/``self.tr(...)``/``self._tr(...)`` calls in ``ui/witness/*.py`` (a
  module-level string constant may be passed by name), one context; the witness's own translator.

Both are compiled by ``pyside6-lrelease``.  Translators edit the ``.ts`` files with Qt Linguist
(``pyside6-linguist resources/translations/staff_es.ts``) and run this script again.
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
OUT = ROOT / "resources" / "translations"
LANGS = {"es": "es_ES", "fr": "fr_FR"}
CONTEXT = "WitnessStation"
CALLS = {"t", "tr", "_tr"}
#: the staff screens' sources (folders and files under ui/); the witness station has its own catalogue
STAFF_SOURCES = (
    "ui/start.py",
    "ui/settings_dialog.py",
    "ui/errors.py",
    "ui/labels.py",
    "ui/clerk",
    "ui/review",
    "ui/interpreter",
    "ui/widgets",
    "ui/link/status.py",
    "desktop/interpreter_station.py",
)


def witness_sources() -> list[Path]:
    return sorted((ROOT / "ui" / "witness").glob("*.py"))


def staff_sources() -> list[Path]:
    out: list[Path] = []
    for name in STAFF_SOURCES:
        p = ROOT / name
        out.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p] if p.exists() else [])
    return out


def tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


# -- staff: pyside6-lupdate ------------------------------------------------------------------------


def lupdate(ts: Path, lang: str, sources: list[Path] | None = None) -> None:
    """Update ``ts`` from the staff sources (new strings unfinished, translations kept, strings no
    longer in the sources dropped)."""
    files = [str(p) for p in (sources or staff_sources())]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *files,
            "-ts",
            str(ts),
            "-target-language",
            LANGS[lang],
            "-source-language",
            "en_GB",
            "-no-obsolete",
            "-locations",
            "relative",
            "-silent",
        ],
        check=True,
        cwd=ROOT,
    )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message of ``ts`` without a finished translation."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if tr is not None else []
            text = (tr.text or "").strip() if tr is not None else ""
            done = (
                tr is not None
                and tr.get("type") not in ("unfinished", "vanished", "obsolete")
                and (all(forms) if forms else bool(text))
            )
            if not done:
                out.append((name, msg.findtext("source") or ""))
    return out


# -- witness: the AST extractor ------------------------------------------------------------------


def extract() -> list[tuple[str, str]]:
    """(text, "file:line") in order of first appearance."""
    seen: dict[str, str] = {}
    for path in witness_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {
            t.id: n.value.value
            for n in tree.body
            if isinstance(n, ast.Assign)
            for t in n.targets
            if isinstance(t, ast.Name)
            and isinstance(n.value, ast.Constant)
            and isinstance(n.value.value, str)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name not in CALLS:
                continue
            arg = node.args[0]
            text = (
                arg.value
                if isinstance(arg, ast.Constant)
                else consts.get(arg.id)
                if isinstance(arg, ast.Name)
                else None
            )
            if isinstance(text, str) and text not in seen:
                seen[text] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return list(seen.items())


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src, tr = msg.findtext("source"), msg.find("translation")
        if (
            src is not None
            and tr is not None
            and tr.text
            and tr.get("type") not in ("unfinished", "obsolete")
        ):
            out[src] = tr.text
    return out


def write_ts(
    path: Path, lang: str, strings: list[tuple[str, str]], translations: dict[str, str]
) -> list[str]:
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


def lrelease(ts: Path, qm: Path | None = None) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm or ts.with_suffix(".qm"))], check=True
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="fail when a string is untranslated")
    opts = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    bad = 0
    strings = extract()
    for lang in LANGS:
        ts = OUT / f"witness_{lang}.ts"
        missing = write_ts(ts, lang, strings, read_ts(ts))
        lrelease(ts)
        for text in missing:
            print(f"witness {lang}: untranslated: {text!r}")
        bad += len(missing)
        ts = OUT / f"staff_{lang}.ts"
        lupdate(ts, lang)
        lrelease(ts)
        for ctx, text in unfinished(ts):
            print(f"staff {lang}: untranslated ({ctx}): {text!r}")
            bad += 1
    print(f"{len(strings)} witness strings; {bad} untranslated")
    return 1 if opts.check and bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
