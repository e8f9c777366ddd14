"""Relative paths between the site's pages."""

from __future__ import annotations

CALCULATOR_DIR = "calculator"  # the calculator page's folder, which holds its assets too


def root_of(page_url: str) -> str:
    """Relative path from a page (directory URL such as roles/ml-engineer/) to the site root."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth
