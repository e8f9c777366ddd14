"""The offline copy's build side: the worker's address names the snapshot, the service worker
lists every file the calculator needs, and its key changes whenever the rules do."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from handbook.pages import offline
from handbook.pages.calculator import PYODIDE_FILES, engine_sources
from handbook.pages.snapshot import Snapshot

SNAPSHOT = Snapshot("0123456789abcdef", Path("/cache/engine-0123456789abcdef.bin.gz"), 10, 5, 0)
PAGE = """<html><head>
<link rel="icon" href="../assets/images/favicon.png">
<link rel="stylesheet" href="../assets/stylesheets/main.1234.min.css">
<link rel="canonical" href="https://handbook.invalid/calculator/">
<script type="application/json" id="calculator-grid">{}</script>
<script src="../assets/javascripts/calculator-offline.js"></script>
<script src="https://elsewhere.invalid/x.js"></script>
</head><body><script src="../assets/javascripts/calculator.js"></script>
<script src="../assets/javascripts/calculator.js"></script></body></html>"""


def test_page_assets_are_the_sites_own_scripts_styles_and_icons_once_each():
    assert offline.page_assets(PAGE) == [
        "../assets/images/favicon.png",
        "../assets/stylesheets/main.1234.min.css",
        "../assets/javascripts/calculator-offline.js",
        "../assets/javascripts/calculator.js",
    ]


def test_the_worker_address_names_the_snapshot_only_when_there_is_one():
    assert offline.worker_url(None) == "calculator/worker.js"
    expected = "calculator/worker.js?snapshot=snapshot/engine-0123456789abcdef.bin.gz"
    assert offline.worker_url(SNAPSHOT) == expected


def test_the_head_data_is_json_for_the_page(tiny_handbook):
    data = json.loads(str(offline.head_data(tiny_handbook, SNAPSHOT, "k")))
    assert data == {
        "edition": tiny_handbook.edition,
        "key": "k",
        "worker": offline.worker_url(SNAPSHOT),
        "serviceWorker": "calculator/service-worker.js",
    }


def test_the_service_worker_keeps_everything_the_calculator_needs():
    files = offline.offline_files(SNAPSHOT, ["../assets/javascripts/calculator.js"])
    assert files[0] == "./"
    expected = {
        "worker.js",
        "worker.js?snapshot=snapshot/engine-0123456789abcdef.bin.gz",
        "../assets/javascripts/calculator-worker.js",
        "rules.json",
        "snapshot/engine-0123456789abcdef.bin.gz",
        "../assets/javascripts/calculator.js",
        *(f"engine/{name}" for name in engine_sources()),
        *(f"pyodide/{name}" for name in PYODIDE_FILES),
    }
    assert set(files) == expected | {"./"}
    assert len(files) == len(set(files))
    assert not [f for f in offline.offline_files(None, []) if f.startswith("snapshot/")]


def test_the_service_worker_script_carries_the_build_and_imports_the_logic():
    script = offline.service_worker("2026.11", "k", ["./", "rules.json"])
    lines = script.splitlines()
    config = lines[2].removeprefix("self.HANDBOOK_OFFLINE = ").removesuffix(";")
    assert json.loads(config) == {"edition": "2026.11", "key": "k", "files": ["./", "rules.json"]}
    assert lines[3] == 'importScripts("../assets/javascripts/calculator-service-worker.js");'
    root = Path(__file__).resolve().parents[2]
    assert (root / "docs" / "assets" / "javascripts" / "calculator-service-worker.js").is_file()


def test_the_build_key_changes_with_the_rules_the_snapshot_and_pyodide(tiny_handbook):
    key = offline.build_key(tiny_handbook, SNAPSHOT, "314.0.7")
    changed = dataclasses.replace(tiny_handbook, calculator_rules_json='{"other": 1}')
    assert key == offline.build_key(tiny_handbook, SNAPSHOT, "314.0.7")
    assert key != offline.build_key(changed, SNAPSHOT, "314.0.7")
    assert key != offline.build_key(tiny_handbook, None, "314.0.7")
    assert key != offline.build_key(tiny_handbook, SNAPSHOT, "314.0.8")


def test_the_worker_entry_point_imports_the_worker_module():
    assets = offline.offline_assets(SNAPSHOT)
    assert assets["calculator/worker.js"].endswith(
        'import "../assets/javascripts/calculator-worker.js";\n'
    )
    assert assets[SNAPSHOT.uri] == SNAPSHOT.path
    assert list(offline.offline_assets(None)) == ["calculator/worker.js"]
