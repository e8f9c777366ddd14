"""A non-editable install ships every subpackage, module and template of the handbook."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from support import ROOT

SOURCE = ROOT / "macros"


def test_the_wheel_holds_every_module_and_template(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = tmp_path.glob("*.whl")
    shipped = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("handbook/")}
    expected = {
        path.relative_to(SOURCE).as_posix()
        for pattern in ("*.py", "*.j2")
        for path in (SOURCE / "handbook").rglob(pattern)
        if "__pycache__" not in path.parts
    }
    assert expected - shipped == set()
    assert {"handbook/engine/grid.py", "handbook/pages/templates/role.md.j2"} <= shipped
