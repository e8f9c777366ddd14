"""Release the current edition (`make release`).

Usage: python -m handbook.editions.release [--force] [--push]

Run from the project root. Before anything is written it refuses, with one line on stderr and
exit status 1, when the git working tree is not clean, when the data does not validate (every
problem is listed), or when the edition is already released (releases/<edition>.json exists or
gh-pages has it as a mike version) or older than the last release, unless --force.

Then it writes and commits releases/<edition>.json ("Release edition X") and deploys the site
with mike into the LOCAL gh-pages branch: the edition as a version, the alias `latest` moved to it
as redirect pages (not symlinks), `latest` the default. Nothing is pushed unless --push is given;
`--publish` (`make publish`) pushes gh-pages and the current branch without releasing anything.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from ..content import load_handbook
from ..content.model import Handbook
from ..spec.problems import DataError
from . import changes, snapshot

BRANCH = "gh-pages"
ALIAS = "latest"
RELEASES = "releases"
NOT_A_REPO = "Refusing to release: {root} is not a git repository."
DIRTY = "Refusing to release: the working tree has uncommitted changes; commit or stash them first."
INVALID = "Refusing to release: the data does not validate ({count} {noun}):"
RELEASED = (
    "Refusing to release: edition {edition} is already released; bump `edition` in "
    "data/handbook.yaml, or use --force (make release FORCE=1) to replace it."
)
OLDER = (
    "Refusing to release: edition {edition} is older than the last released edition {last}; "
    "use --force (make release FORCE=1) to release it anyway."
)
NO_PAGES = "Refusing to publish: there is no gh-pages branch yet; run `make release` first."
NO_REMOTE = (
    "Refusing to publish: there is no git remote named {remote} (git remote add {remote} URL)."
)


PREVIEW = (
    "Nothing was pushed; preview with `.venv/bin/mike serve -a 127.0.0.1:8001`, "
    "then `make publish`."
)


class Refusal(Exception):
    """Nothing was done: the first line says why, further lines give the details."""


def run(root: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)


def git(root: Path, *args: str) -> str:
    result = run(root, "git", *args)
    if result.returncode != 0:
        raise Refusal(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def check_clean(root: Path) -> None:
    if run(root, "git", "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise Refusal(NOT_A_REPO.format(root=root))
    if git(root, "status", "--porcelain", "--untracked-files=all").strip():
        raise Refusal(DIRTY)


def check_data(root: Path) -> Handbook:
    try:
        return load_handbook(root / "data")
    except DataError as error:
        count = len(error.problems)
        head = INVALID.format(count=count, noun="problem" if count == 1 else "problems")
        raise Refusal("\n".join([head, *(str(p) for p in error.problems)])) from None


def deployed_versions(root: Path, remote: str) -> set[str]:
    """Versions (and aliases) mike lists on gh-pages, locally or at remote/gh-pages."""
    found: set[str] = set()
    for ref in (BRANCH, f"{remote}/{BRANCH}"):
        result = run(root, "git", "show", f"{ref}:versions.json")
        if result.returncode == 0:
            found |= {entry["version"] for entry in json.loads(result.stdout)}
    return found


def check_new(root: Path, edition: str, remote: str) -> None:
    recorded = {path.stem for path in (root / RELEASES).glob("*.json")}
    if edition in recorded | deployed_versions(root, remote):
        raise Refusal(RELEASED.format(edition=edition))
    last = max(recorded, key=snapshot.edition_key, default=None)
    if last is not None and snapshot.edition_key(edition) < snapshot.edition_key(last):
        raise Refusal(OLDER.format(edition=edition, last=last))


def record(root: Path, hb: Handbook) -> None:
    """Write releases/<edition>.json and commit it (unless a forced release left it unchanged)."""
    path = snapshot.write(snapshot.build(hb), root / RELEASES)
    relative = path.relative_to(root).as_posix()
    git(root, "add", "--", relative)
    if run(root, "git", "diff", "--cached", "--quiet").returncode == 0:
        print(f"{relative} is unchanged; nothing to commit.")
        return
    git(root, "commit", "--quiet", "-m", f"Release edition {hb.edition}", "--", relative)
    print(f"Committed {relative} (Release edition {hb.edition}).")


def mike(root: Path, *args: str) -> None:
    """Run mike with this environment's mkdocs first on PATH (mike runs `mkdocs build`)."""
    sys.stdout.flush()
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = subprocess.run([str(bin_dir / "mike"), *args], cwd=root, env=env, check=False)
    if result.returncode != 0:
        raise Refusal(
            f"Release failed: `mike {args[0]}` exited with status {result.returncode}; the "
            "snapshot is committed, so fix the problem and run `make release FORCE=1`."
        )


def deploy(root: Path, edition: str) -> None:
    mike(
        root,
        "deploy",
        "--update-aliases",
        "--alias-type",
        "redirect",
        "--branch",
        BRANCH,
        edition,
        ALIAS,
    )
    root_page = run(root, "git", "show", f"{BRANCH}:index.html").stdout
    if f'href="{ALIAS}/"' not in root_page:
        mike(root, "set-default", "--branch", BRANCH, ALIAS)


def push(root: Path, remote: str) -> None:
    if run(root, "git", "rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}").returncode:
        raise Refusal(NO_PAGES)
    if run(root, "git", "remote", "get-url", "--", remote).returncode:
        raise Refusal(NO_REMOTE.format(remote=remote))
    git(root, "push", "--quiet", "--", remote, BRANCH, "HEAD")
    print(f"Pushed {BRANCH} and the current branch to {remote}.")


def release(root: Path, force: bool, remote: str) -> Handbook:
    check_clean(root)
    hb = check_data(root)
    if not force:
        check_new(root, hb.edition, remote)
    previous = [s for s in snapshot.released(root / RELEASES) if s["edition"] != hb.edition]
    record(root, hb)
    deploy(root, hb.edition)
    print(f"Released edition {hb.edition} into the local {BRANCH} branch ({ALIAS} → {hb.edition}).")
    if previous:
        comparison = changes.compare(previous[-1], snapshot.build(hb))
        print(f"Compared with edition {previous[-1]['edition']}: {comparison.summary() or 'none'}")
        print("\n".join(f"  {line}" for line in comparison.lines()))
    return hb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m handbook.editions.release",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--force", action="store_true", help="replace an existing edition")
    parser.add_argument("--push", action="store_true", help="push after releasing")
    parser.add_argument("--publish", action="store_true", help="only push (make publish)")
    parser.add_argument("--remote", default="origin", help="where to push (default: origin)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    try:
        if not args.publish:
            release(root, args.force, args.remote)
        if args.push or args.publish:
            push(root, args.remote)
        else:
            print(PREVIEW)
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
