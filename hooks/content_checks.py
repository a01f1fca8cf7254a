"""Hook: checks of docs/ that front matter checks cannot see – images without alt text, and
files that are links to somewhere outside the project.

A picture without a description is invisible to screen-reader users (WCAG 1.1.1).
Each problem names the file and line; decorative images are not used on this site.
A symbolic link in docs/ that leads outside the project would publish whatever it points
to (a file from the build machine): it is left out of the site and reported.
"""

import re
from pathlib import Path

from _ungvejen.build import build_state
from _ungvejen.paths import source_path
from _ungvejen.problems import Problem

MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")
HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
ALT = re.compile(r"\balt\s*=\s*(['\"])(?P<text>.*?)\1", re.I | re.S)


def on_files(files, config):
    state = build_state(config)
    docs = Path(config.docs_dir)
    for file in list(files):
        if not file.abs_src_path:
            continue  # made by a plugin or a hook, not read from docs/
        source = Path(file.abs_src_path)
        if not source.absolute().is_relative_to(docs.absolute()):
            continue  # the theme's own files (a virtualenv may itself be a link, as in a git worktree)
        resolved = source.resolve()
        if source.absolute() != resolved and not resolved.is_relative_to(state.root):
            files.remove(file)
            state.warn(Problem(f"docs/{file.src_uri}", 1, 0,
                               f"Filen er en genvej (symlink) til {resolved}, som ligger uden for projektet, "
                               "så den bliver ikke udgivet.",
                               f"Læg en kopi af filen i {docs.name}/ i stedet for en genvej."))
    return files


def on_page_markdown(markdown, page, config, files):
    # A fallback page is read again in the other language's build; state.warn() reports each problem once.
    state = build_state(config)
    source = page.file.content_string
    for match in MARKDOWN_IMAGE.finditer(source):
        if not match["alt"].strip():
            state.warn(_problem(page, source, match.start(), match["src"]))
    for match in HTML_IMAGE.finditer(source):
        alt = ALT.search(match["attrs"])
        if not alt or not alt["text"].strip():
            state.warn(_problem(page, source, match.start(), "<img>"))
    return markdown


def _problem(page, source, position, what) -> Problem:
    line = source.count("\n", 0, position) + 1
    return Problem(source_path(page.file.src_uri), line, 0, f"Billedet {what} mangler en alternativ tekst.",
                   "Skriv en kort beskrivelse af billedet mellem [ ], fx ![Tre niveauer af forebyggelse](niveauer.svg).")
