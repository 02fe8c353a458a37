"""The language floor: number, month and fold logic lives in storyline.lang and nowhere else (issue 9).

Three number parsers, three month tables and two folds once drifted apart in three stages, so a fix
for a decimal comma or a Hindi month reached one of them only. The guard below reads the code of
every other module (src, eval, bench; tests hold sample texts and are left out) and names what it
finds; a second test shows that it does find each kind.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from storyline.lang.calendar import FOLDED_WEEKDAYS, MONTH_NAMES, MONTH_VARIANTS, WEEKDAY_BY_NAME
from storyline.lang.numbers import NUMBER_WORDS

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "src" / "storyline" / "lang"
SCANNED = [ROOT / "src" / "storyline", ROOT / "eval", ROOT / "bench"]

# Month names that are also common words or names elsewhere ("may", "mars", "August" the name): a
# table is recognised by the unambiguous ones it cannot avoid.
_COMMON_WORDS = {"may", "mai", "march", "mars", "august", "marzo", "mayo", "maio", "мая", "май", "मई", "मे", "মে"}
_MONTH_WORDS = {
    name.lower(): n
    for row in MONTH_NAMES.values()
    for n, name in enumerate(row, 1)
    if name.lower() not in _COMMON_WORDS
} | {name.lower(): n for variants in MONTH_VARIANTS.values() for name, n in variants.items()}
# Number words, less those that are ordinary words in another language ("once", "due", "tre", "elf").
_NUMBER_WORDS = {
    word: value
    for table in NUMBER_WORDS.values()
    for word, value in table.items()
    if word not in {"once", "due", "tre", "elf", "sei", "cent", "dix", "six", "sept", "ten"}
}
# Weekday names in every language the project reads ("sonntag", "domingo", "रविवार", ...).
_WEEKDAY_WORDS = dict(WEEKDAY_BY_NAME) | {w: n for n, names in FOLDED_WEEKDAYS.items() for w in names.split()}
# A table names this many different months or numbers; prose and examples name fewer.
_TABLE = 4

_DEFINITIONS = re.compile(
    r"^\s*def (fold\w*|parse_number\w*|number_value|number_key|number_tokens?|is_month\w*|month_number"
    r"|levenshtein|stem|skeleton|transliterate)\(",
    re.M,
)
_ACCENT_FOLDING = re.compile(
    r"unicodedata\.combining|unicodedata\.(?:digit|decimal)\(|normalize\(\s*[\"']NFK?D[\"']"
)
_DATE_MARKER = re.compile(r"date \(?(?:\?P<\w+>)*\(?\\d\{4\}")
_SEPARATORS = re.compile(r"\.replace\(\s*[\"'],[\"'],\s*[\"']\.?[\"']\s*\)")


def _code_strings(tree: ast.AST) -> list[str]:
    """String constants of the code, docstrings left out (they give examples, not tables)."""
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.add(id(value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _words(strings: list[str]) -> set[str]:
    return {w.lower() for s in strings for w in re.findall(r"[^\W\d_]+", s)}


def findings(source: str) -> list[str]:
    """What in ``source`` belongs in storyline.lang: one line per kind found."""
    out = []
    words = _words(_code_strings(ast.parse(source)))
    months = {_MONTH_WORDS[w] for w in words if w in _MONTH_WORDS}
    if len(months) >= _TABLE:
        out.append(f"a month-name table ({len(months)} months named)")
    weekdays = {_WEEKDAY_WORDS[w] for w in words if w in _WEEKDAY_WORDS}
    if len(weekdays) >= _TABLE:
        out.append(f"a weekday-name table ({len(weekdays)} days named)")
    numbers = {_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS}
    if len(numbers) >= _TABLE:
        out.append(f"a number-word table ({len(numbers)} numbers named)")
    out += [f"def {m.group(1)}" for m in _DEFINITIONS.finditer(source)]
    out += [f"accent or digit folding: {m.group(0)}" for m in _ACCENT_FOLDING.finditer(source)]
    out += ["the corpus date-marker regex" for _ in _DATE_MARKER.finditer(source)]
    out += [f"decimal/thousands separators: {m.group(0)}" for m in _SEPARATORS.finditer(source)]
    return out


def _scanned_files() -> list[Path]:
    return sorted(p for root in SCANNED for p in root.rglob("*.py") if LANG not in p.parents)


def test_no_number_month_or_fold_logic_outside_lang():
    found = {
        str(path.relative_to(ROOT)): hits
        for path in _scanned_files()
        if (hits := findings(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "move these into storyline.lang (see its __init__):\n" + "\n".join(
        f"  {path}: {'; '.join(hits)}" for path, hits in found.items()
    )


def test_the_guard_scans_the_stages():
    names = {p.relative_to(ROOT).as_posix() for p in _scanned_files()}
    assert {"src/storyline/analyze/quantities.py", "src/storyline/check/text.py", "src/storyline/group/features.py",
            "src/storyline/read/clean.py", "eval/findings.py"} <= names
    assert not any(n.startswith("src/storyline/lang/") for n in names)


@pytest.mark.parametrize(
    "source",
    [
        '_MONTHS = {"enero": 1, "febrero": 2, "abril": 4, "junio": 6}\n',
        'MONTHS = "janvier fevrier avril juin juillet".split()\n',
        'ALT = r"(?:January|February|April|June)"\n',
        '_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5}\n',
        '_DAYS = {0: "lunes montag", 1: "martes dienstag", 2: "miercoles mittwoch", 4: "viernes freitag"}\n',
        '_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}\n',
        "def fold(word):\n    return word.lower()\n",
        "def parse_number(raw):\n    return float(raw)\n",
        "def number_value(raw):\n    return raw\n",
        "def levenshtein(a, b):\n    return 0\n",
        "def is_month(tok, low):\n    return False\n",
        "import unicodedata\nx = [c for c in s if not unicodedata.combining(c)]\n",
        'import unicodedata\nx = unicodedata.normalize("NFKD", s)\n',
        "import unicodedata\nd = unicodedata.digit(ch)\n",
        'import re\nM = re.compile(r"^\\s*date (\\d{4})-(\\d{2})")\n',
        'import re\nM = re.compile(r"^\\s*date \\d{4}-\\d{2}(?:-\\d{2})?\\s*")\n',
        'v = float(s.replace(",", "."))\n',
        'v = float(s.replace(",", ""))\n',
    ],
)
def test_the_guard_finds_each_kind(source):
    assert findings(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Dates such as "12 September", "29 de octubre", "7. Juni" and "le 9 octobre" are read."""\n',
        '# 13 octobre 2024 / 22 agosto / 9. Oktober / 15th July 2025\nX = 1\n',
        'TEXT = "The bank cut rates in May and March."\n',
        'WORDS = "one two three".split()\n',
        'import unicodedata\nkey = unicodedata.normalize("NFKC", text)\n',
        'line = s.replace(",", " ")\n',
    ],
)
def test_the_guard_leaves_prose_and_other_code_alone(source):
    assert findings(source) == []
