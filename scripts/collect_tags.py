"""Write data/tags.yml from the tags the pages use today (a one-off helper for editors)."""

import sys
from pathlib import Path

import yaml

root = Path(__file__).resolve().parent.parent
words = {"da": set(), "en": set()}
for path in sorted((root / "docs").rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        continue
    meta = yaml.safe_load(text.split("---")[1]) or {}
    language = "en" if path.name.endswith(".en.md") else "da"
    words[language] |= {str(tag).lower() for tag in meta.get("tags") or []}
lines = [
    "# yaml-language-server: $schema=schema/tags.schema.json",
    "# Søgeord (tags), som sider må bruge i front matter (tags: [...]). Søgningen vægter dem højt.",
    "# Et ord, der ikke står her eller under search_words i data/themes.yml, giver en fejl i build.",
]
for language in ("da", "en"):
    lines.append(f"{language}:")
    lines += [f"  - {yaml.safe_dump(word, allow_unicode=True).strip().removesuffix('...').strip()}" for word in sorted(words[language])]
(root / "data" / "tags.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(words['da'])} danske og {len(words['en'])} engelske søgeord skrevet til data/tags.yml", file=sys.stderr)
