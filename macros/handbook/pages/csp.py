"""A Content-Security-Policy for every built page, as a <meta http-equiv> (static hosts add no
headers). Scripts run only from the site itself or, for the theme's few inline scripts, by the
SHA-256 hash of their exact text, computed from the finished page: no 'unsafe-inline'."""

from __future__ import annotations

import base64
import hashlib
import re

from markupsafe import Markup

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>", re.I)

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-...' for every inline script the browser would run (data blocks excluded)."""
    hashes = []
    for attributes, body in _SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _EXECUTED_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    return "; ".join(POLICY).format(hashes=" ".join(inline_script_hashes(html))).strip()


def with_policy(html: str) -> str:
    """The page with its policy as the first element of <head> (before any script runs)."""
    meta = Markup('<meta http-equiv="Content-Security-Policy" content="%s">') % policy(html)
    return _HEAD.sub(lambda match: match.group(0) + str(meta), html, count=1)
