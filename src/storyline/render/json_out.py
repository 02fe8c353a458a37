"""JSON output and its schema. The schema ships inside the package so users can validate offline."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.model import Dossier


def to_json(dossier: Dossier) -> str:
    """The dossier with its summary block first: what a reader (or a script) wants before the detail."""
    data = dossier.to_dict()
    first = {k: data.pop(k) for k in ("schema_version", "summary") if k in data}
    return json.dumps(first | data, ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The dossier JSON Schema (schema/dossier.schema.json)."""
    text = resources.files("storyline").joinpath("schema/dossier.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if ``data`` is not a valid dossier (needs the dev extra)."""
    import jsonschema

    jsonschema.validate(data, schema())
