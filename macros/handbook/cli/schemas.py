"""Generate the JSON Schemas in schemas/ from the specs (`make schemas`).

A test fails when the committed files are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..content.specs import QUESTIONS
from ..content.validate import FILE_SPECS
from ..spec.language import document_schema

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"


def schema_documents() -> dict[str, str]:
    """File name -> JSON text of every committed schema."""
    specs = {name.removesuffix(".yaml"): spec for name, spec in FILE_SPECS.items()}
    specs["questions"] = QUESTIONS
    return {
        f"{name}.schema.json": json.dumps(
            document_schema(spec, f"{name}.schema.json"), indent=2, ensure_ascii=False
        )
        + "\n"
        for name, spec in specs.items()
    }


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in schema_documents().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
