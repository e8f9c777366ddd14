"""Links from hand-written pages to anchors inside generated pages' raw HTML are checked like
any other: MkDocs' `validation: anchors` knows those ids (macros/main.py on_page_content), so a
good link builds and a bad one stops the strict build, naming only itself."""

from __future__ import annotations

from support import build_site, project_copy

PAGE = """# Anchor check

[The senior level](roles/ml-engineer.md#level-senior) sits in a generated page's raw HTML.
[No such level](roles/ml-engineer.md#level-archmage) does not exist.
"""


def test_anchors_in_raw_html_are_known_and_missing_ones_stop_the_build(tmp_path):
    project = project_copy(tmp_path / "project")
    (project / "docs" / "anchor-check.md").write_text(PAGE, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "#level-archmage" in output
    assert "#level-senior" not in output
