"""Every internal link and anchor in the built site resolves (one check over all pages)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

SKIP_SCHEMES = ("http:", "https:", "mailto:", "data:", "blob:", "javascript:")


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    base = "/" + page.relative_to(site).as_posix()
    parts = urlsplit(urljoin(base, href))
    if parts.scheme or parts.netloc:
        return None
    path = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {tag["id"] for tag in soup.find_all(id=True)}
        cache[path] |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return cache[path]


def test_every_internal_link_and_anchor_resolves(built_site):
    cache: dict[Path, set[str]] = {}
    broken: list[str] = []
    pages = [p for p in built_site.rglob("*.html") if "pyodide" not in p.parts]
    assert len(pages) > 15
    checked = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"].strip()
            if not href or href.startswith(SKIP_SCHEMES) or tag.get("rel") == ["canonical"]:
                continue
            target = _target(built_site, page, href)
            if target is None:
                continue
            path, fragment = target
            checked += 1
            where = f"{page.relative_to(built_site)} -> {href}"
            if not path.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and path.suffix == ".html" and fragment not in _ids(path, cache):
                broken.append(f"{where}: no element with id {fragment!r}")
    assert checked > 500
    assert broken == [], "\n".join(broken[:50])
