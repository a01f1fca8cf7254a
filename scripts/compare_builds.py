"""Compare two built sites as a reader's browser sees them, not byte for byte.

    python scripts/compare_builds.py OLD_SITE NEW_SITE

HTML files are read with Python's HTML parser and compared as a stream of tags (attributes
sorted) and text (whitespace collapsed), so indentation and attribute order do not count;
every other file is compared byte for byte. Pagefind's index (its chunk names hold content
hashes) and files holding build timestamps are summarised, not listed. Prints the files
that differ, with the first difference of each.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

SUMMARISED = ("pagefind/",)


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(f"<{tag} " + " ".join(f'{k}="{v}"' for k, v in sorted(attrs, key=lambda a: a[0])) + ">")

    def handle_endtag(self, tag):
        self.tokens.append(f"</{tag}>")

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.tokens.append(text)


def tokens(path: Path) -> list[str]:
    parser = _Tokens()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.tokens


def changes(old: list[str], new: list[str]) -> list[str]:
    """Each changed stretch as 'old -> new', with relative link depth ("../../") removed so the
    same change on pages at different depths counts once."""
    found = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for kind, a1, a2, b1, b2 in matcher.get_opcodes():
        if kind != "equal":
            before, after = " ".join(old[a1:a2]), " ".join(new[b1:b2])
            found.append(re.sub(r"(\.\./)+", "", f"{before[:160]!r} -> {after[:160]!r}"))
    return found


def compare(old_site: Path, new_site: Path) -> int:
    old_files = {p.relative_to(old_site).as_posix() for p in old_site.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new_site).as_posix() for p in new_site.rglob("*") if p.is_file()}
    differing, summarised, kinds = [], 0, Counter()
    for name in sorted(old_files | new_files):
        if name.startswith(SUMMARISED):
            summarised += 1
            continue
        if name not in new_files or name not in old_files:
            differing.append(f"{name}: only in {'old' if name in old_files else 'new'}")
            continue
        old, new = old_site / name, new_site / name
        if name.endswith(".html"):
            a, b = tokens(old), tokens(new)
            if a != b:
                found = changes(a, b)
                kinds.update(set(found))
                differing.append(f"{name}: {len(found)} change(s)")
        elif old.read_bytes() != new.read_bytes():
            differing.append(f"{name}: bytes differ")
    print(f"{len(old_files)} files before, {len(new_files)} after; {summarised} search-index files not compared")
    for line in differing:
        print(line)
    print(f"{len(differing)} files differ. The distinct changes in HTML, with the number of files:")
    for change, count in kinds.most_common():
        print(f"  {count:3} × {change}")
    return 0


if __name__ == "__main__":
    sys.exit(compare(Path(sys.argv[1]), Path(sys.argv[2])))
