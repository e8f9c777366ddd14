"""Rebuilds under `mkdocs serve` reuse what the last build worked out (pages/rebuild.py,
pages/themed.py, the remembered data parses): after edits to data, a hand-written page and a
theme template, each rebuild must write the same site as a build that remembers nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from support import project_copy

# Run in its own process, as `mkdocs serve` runs builds: one after another in one interpreter.
BUILDS = textwrap.dedent(
    """
    import os, shutil, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def site(into):  # into one folder, as `mkdocs serve` builds, then kept as into
        config = load_config("mkdocs.yml", site_dir=os.path.abspath("served"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        shutil.copytree("served", into, symlinks=True)

    def edit(path, old, new):
        text = Path(path).read_text(encoding="utf-8")
        assert old in text, (path, old)
        Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")

    def forget():
        sys.modules["handbook.pages.memo"]._memories.clear()
        sys.modules["handbook.content.loader"]._remembered.clear()

    before, rebuilt, fresh, retemplated, fresh_again = sys.argv[1:]
    site(before)
    edit("data/questions/ml-theory.yaml", "alternating updates", "alternating-edited updates")
    edit("docs/contributing.md", "\\n\\n", "\\n\\nAn edited paragraph.\\n\\n")
    site(rebuilt)
    forget()
    site(fresh)
    edit("overrides/main.html", "{% extends", "<!-- an edited template -->{% extends")
    stamp = os.stat("overrides/main.html")
    os.utime("overrides/main.html", ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
    site(retemplated)
    forget()
    site(fresh_again)
    """
)


def _texts(site: Path) -> dict[str, str]:
    """Every file the build wrote itself (not the links to static files), by path."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(site).as_posix()] = path.read_bytes()
    return found


def test_a_rebuild_after_edits_writes_what_a_build_from_nothing_writes(tmp_path):
    project = project_copy(tmp_path / "project")
    names = ("before", "rebuilt", "fresh", "retemplated", "fresh_again")
    sites = [tmp_path / name for name in names]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_LIVE_PREVIEW": "1"}
    result = subprocess.run(
        [sys.executable, "-c", BUILDS, *map(str, sites)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    before, rebuilt, fresh, retemplated, fresh_again = map(_texts, sites)
    for reused, remade in ((rebuilt, fresh), (retemplated, fresh_again)):
        assert reused.keys() == remade.keys()
        assert [path for path in reused if reused[path] != remade[path]] == []
    changed = {path for path in rebuilt if before.get(path) != rebuilt[path]}
    assert {"questions/ml-theory/index.html", "contributing/index.html"} <= changed
    assert b"alternating-edited" in rebuilt["search/search_index.json"]
    pages = [path for path in retemplated if path.endswith(".html")]
    assert all(b"an edited template" in retemplated[path] for path in pages)
