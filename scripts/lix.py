"""Print LIX per audience section for Markdown pages: python scripts/lix.py docs/temaer/*.md"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from _ungvejen.readability import audience_sections, lix  # noqa: E402

for name in sys.argv[1:]:
    for section in audience_sections(Path(name).read_text(encoding="utf-8")):
        score = lix(section.text)
        print(f"{name}:{section.line}\t{section.audience}\tLIX {score.score:5.1f}\t{score.words} ord")
