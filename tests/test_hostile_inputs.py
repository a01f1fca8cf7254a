"""Issue 14: careless and hostile inputs – data files, front matter, Markdown bodies, file
names – each give one Danish line naming the file (and line) and stop the strict build, or
build safely; never a Python traceback.

The corpus runs through the checks in-process (load_site_data, frontmatter.check,
shortcodes.find: fast); a handful of inputs that only a real build can show go through full
builds below.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from _ungvejen import frontmatter, shortcodes
from _ungvejen.data import load_site_data
from _ungvejen.problems import ProblemReport
from _ungvejen.review import due_date
from _ungvejen.search import words_with_special_letters
from sitekit import FIXTURES, ROOT, make_project, run_build

GOOD_FRONT = "title: Side\ndescription: En side til test.\naudiences: [unge]\nreviewed: 2026-11-20\n"
NAV = ["index.md", "temaer/rusmidler.md", "side.md"]


def page(front: str = GOOD_FRONT, body: str = "# Side\n\nTekst.\n") -> str:
    return f"---\n{front}---\n{body}"


def twin() -> str:
    return page(GOOD_FRONT.replace("title: Side", "title: Page"), "# Page\n\nText.\n")


def build(tmp_path, pages=None, data=None, config=None, prepare=None, strict=True):
    project = make_project(tmp_path, pages=pages, data=data, config=config)
    if prepare:
        prepare(project)
    return run_build(project, tmp_path / "site", strict=strict)


def error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR", "  "))]


def assert_clean_failure(result, *expected):
    assert not result.ok, result.output[-3000:]
    assert "Traceback" not in result.output, result.output[-3000:]
    for text in expected:
        assert any(text in line for line in result.output.splitlines()), f"{text!r} not in:\n{result.output[-3000:]}"



# -- the corpus, in-process ----------------------------------------------------------------------

ONE_LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+)(?::\d+)?: (?P<what>.+?)(?: Sådan retter du: (?P<fix>.+))?$")
LOOKS_ENGLISH = re.compile(r"\b(the|is|not|found|expected|while|could|error|Traceback)\b")
SECONDS = 5  # each input; an alias bomb or a long line must not hang the build


@dataclass
class Outcome:
    case: str
    kind: str          # "error": clean Danish lines; "fine": no problem; "traceback": anything else
    detail: str = ""


def judge(case: str, file: str, run: Callable[[], list[str]]) -> Outcome:
    """Run one input; its problems must be single Danish lines naming `file` (or the schema)."""
    started = time.process_time()
    try:
        lines = run()
    except ProblemReport as report:
        lines = [str(problem) for problem in report.problems]
    except BaseException as error:  # noqa: BLE001 – anything else is what this corpus hunts for
        return Outcome(case, "traceback", f"{type(error).__name__}: {error}"[:300])
    elapsed = time.process_time() - started
    if elapsed > SECONDS:
        return Outcome(case, "traceback", f"took {elapsed:.1f} s")
    for line in lines:
        match = ONE_LINE.match(line)
        if "\n" in line or not match:
            return Outcome(case, "traceback", f"not one file:line line: {line!r}")
        if not (match["file"] == file or match["file"].startswith("data/schema/")):
            return Outcome(case, "traceback", f"names {match['file']}, not {file}: {line!r}")
        if not match["fix"] or LOOKS_ENGLISH.search(match["what"].split("(")[0]):
            return Outcome(case, "traceback", f"no fix, or not Danish: {line!r}")
    return Outcome(case, "error" if lines else "fine", lines[0] if lines else "")


def report(outcomes: list[Outcome], what: str) -> None:
    counts = {kind: sum(o.kind == kind for o in outcomes) for kind in ("error", "fine", "traceback")}
    print(f"\n{what}: {len(outcomes)} inputs tried, {counts['error']} clean errors, {counts['fine']} built safely "
          f"(no problem), {counts['traceback']} tracebacks or bad messages")
    bad = [f"  {o.case}: {o.detail}" for o in outcomes if o.kind == "traceback"]
    assert not bad, "\n".join(bad)


# Data files: the tiny fixture's data with one careless or hostile change each.
TINY_DATA = FIXTURES / "tiny" / "data"
CONTACT_LINE = "    themes: [rusmidler]\n"
BOMB = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]\n" for n in range(1, 8))
EVENT = """timezone: Europe/Copenhagen
events:
  - id: moede
    title: {da: "Møde", en: "Meeting"}
    start: "2031-03-10 19:00"
    end: "2031-03-10 20:30"
    place: {da: "Vejen", en: "Vejen"}
    audiences: [foraeldre]
"""
MATERIAL = """materials:
  - id: m1
    title: {da: M, en: M}
    theme: rusmidler
    grades: [udskoling]
    duration_minutes: 90
    format: pdf
    language: da
    lesson: temaer/rusmidler.md
    curriculum: {subject: tvaerfagligt}
"""


def text(name, old, new):
    def change(project):
        path = project / "data" / name
        content = path.read_text(encoding="utf-8")
        assert old in content, (name, old)
        path.write_text(content.replace(old, new, 1), encoding="utf-8")
    return name, change


def whole(name, content):
    def change(project):
        path = project / "data" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return name, change


def special(name, change):
    return name, change


def _folder(project):
    (project / "data" / "tags.yml").unlink()
    (project / "data" / "tags.yml").mkdir()


def _link(target):
    def change(project):
        (project / "data" / "tags.yml").unlink()
        (project / "data" / "tags.yml").symlink_to(target)
    return change


def _schema(content):
    def change(project):
        path = project / "data" / "schema" / "contacts.schema.json"
        path.unlink() if content is None else path.write_text(content, encoding="utf-8")
    return change


def _renamed(project):
    (project / "data" / "contacts.yml").rename(project / "data" / "contacts.yaml")


DATA_CASES = {
    "empty file": whole("contacts.yml", ""),
    "only a comment": whole("contacts.yml", "# kommer senere\n"),
    "a list at the top": whole("contacts.yml", "- id: a\n"),
    "a text at the top": whole("contacts.yml", "kontakter\n"),
    "contacts: empty": whole("contacts.yml", "contacts:\n"),
    "contacts: a text": whole("contacts.yml", "contacts: ingen\n"),
    "a contact that is a text": whole("contacts.yml", "contacts:\n  - alarm 112\n"),
    "tab indentation": text("contacts.yml", "    kind: person", "\tkind: person"),
    "unclosed quote": text("contacts.yml", 'source: "test"', 'source: "test'),
    "unclosed [": text("contacts.yml", "themes: [rusmidler]", "themes: [rusmidler"),
    "unclosed {": text("contacts.yml", 'en: "Test Testesen"}', 'en: "Test Testesen"'),
    "a field twice": text("contacts.yml", "    urgency: raad\n", "    urgency: raad\n    urgency: akut\n"),
    "recursive alias in a list": text("contacts.yml", "themes: [alle]", "themes: &t [alle, *t]"),
    "recursive alias in a group": text("contacts.yml", "    kind: person\n", "    kind: person\n    x: &m {a: *m}\n"),
    "alias bomb": whole("tags.yml", "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + BOMB + "da: []\nen: []\n"),
    "deep [ nesting": whole("tags.yml", "da: " + "[" * 3000 + "]" * 3000 + "\nen: []\n"),
    "deep indentation": whole("tags.yml", "".join(f"{'  ' * d}k{d}:\n" for d in range(400)) + "  " * 400 + "v: 1\n"),
    "undefined alias": text("contacts.yml", "themes: [rusmidler]", "themes: *mangler"),
    "a number as a field name": text("contacts.yml", CONTACT_LINE, CONTACT_LINE + "    1: x\n"),
    "true as a field name": text("contacts.yml", CONTACT_LINE, CONTACT_LINE + "    true: x\n"),
    "a list as a field name": text("contacts.yml", CONTACT_LINE, CONTACT_LINE + "    ? [a, b]\n    : x\n"),
    "merge key": text("contacts.yml", "  - id: ssp-test\n", "  - <<: {urgency: raad}\n    id: ssp-test\n"),
    "Cyrillic letter in an id": text("contacts.yml", "id: ssp-test", "id: ssp-t\u0435st"),
    "Cyrillic letter in a theme": text("contacts.yml", "themes: [rusmidler]", "themes: [rusmidl\u0435r]"),
    "Greek letter in urgency": text("contacts.yml", "urgency: raad", "urgency: r\u03b1ad"),
    "zero-width space in a theme": text("contacts.yml", "themes: [rusmidler]", "themes: [rus\u200bmidler]"),
    "phone as a number": text("contacts.yml", 'phone: "24430755"', "phone: 24430755"),
    "impossible date": text("contacts.yml", "last_verified: 2026-11-28\n  - id: ssp", "last_verified: 2026-02-30\n  - id: ssp"),
    "date as words": text("contacts.yml", "last_verified: 2026-11-28\n  - id: ssp", "last_verified: i går\n  - id: ssp"),
    "!ENV tag": text("contacts.yml", 'source: "test"', "source: !ENV [KILDE]"),
    "python tag": text("contacts.yml", 'source: "test"', "source: !!python/object/apply:os.system [ls]"),
    "NUL character": text("contacts.yml", 'source: "test"', 'source: "te\x00st"'),
    "bell character": text("contacts.yml", 'source: "test"', "source: te\x07st"),
    "not UTF-8": whole("contacts.yml", "contacts:\n  - id: børn\n".encode("latin-1")),
    "UTF-16": whole("tags.yml", "da: [forside]\nen: [front page]\n".encode("utf-16")),
    "byte order mark": whole("tags.yml", "\ufeffda: [forside]\nen: [front page]\n"),
    "Windows line endings": whole("tags.yml", "da: [forside]\r\nen: [front page]\r\n"),
    "a line of a megabyte": text("contacts.yml", 'source: "test"', 'source: "' + "x" * 1_000_000 + '"'),
    "a huge number": text("contacts.yml", 'phone: "24430755"', "phone: " + "9" * 5000),
    "not a number": whole("materials.yml", MATERIAL.replace("duration_minutes: 90", "duration_minutes: .nan")),
    "event ends before it starts": whole("events.yml", EVENT.replace('end: "2031-03-10 20:30"', 'end: "2031-03-10 18:00"')),
    "event in month 13": whole("events.yml", EVENT.replace("2031-03-10 19:00", "2031-13-10 19:00")),
    "event title over several lines": whole("events.yml", EVENT.replace('title: {da: "Møde", en: "Meeting"}',
                                                                        "title:\n      da: >\n        Et\n        møde\n      en: Meeting")),
    "event address with a space": whole("events.yml", EVENT + "    registration_url: https://vejen.dk/til meld\n"),
    "wrong time zone": whole("events.yml", EVENT.replace("Europe/Copenhagen", "Europe/Berlin")),
    "theme page out of docs": text("themes.yml", "page: temaer/rusmidler.md", "page: ../../../../../../etc/hostname.md"),
    "theme page absolute": text("themes.yml", "page: temaer/rusmidler.md", "page: /etc/hostname.md"),
    "material file absolute": whole("materials.yml", MATERIAL.replace("lesson: temaer/rusmidler.md", "file: /etc/passwd")),
    "material lesson missing": whole("materials.yml", MATERIAL.replace("temaer/rusmidler.md", "undervisning/findes-ikke.md")),
    "lesson and file both": whole("materials.yml", MATERIAL + "    file: filer/x.pdf\n"),
    "tag in capitals": whole("tags.yml", "da: [Forside]\nen: [front page]\n"),
    "data file made a folder": special("tags.yml", _folder),
    "data file a link to /dev/zero": special("tags.yml", _link("/dev/zero")),
    "data file a link to itself": special("tags.yml", _link("tags.yml")),
    "data file named .yaml": special("contacts.yml", _renamed),
    "schema deleted": special("contacts.yml", _schema(None)),
    "schema not JSON": special("contacts.yml", _schema("{\"type\": ")),
    "schema not a schema": special("contacts.yml", _schema('{"type": 12}')),
}


def data_case_project(project: Path, change) -> Path:
    """The tiny fixture's data and pages, with the real schemas, changed by one corpus case."""
    (project / "data").mkdir(parents=True)
    for source in TINY_DATA.glob("*.yml"):
        shutil.copy(source, project / "data" / source.name)
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    shutil.copytree(FIXTURES / "tiny" / "docs", project / "docs")
    change(project)
    return project


def test_careless_and_hostile_data_files(tmp_path):
    outcomes = []
    for index, (case, (name, change)) in enumerate(DATA_CASES.items()):
        project = data_case_project(tmp_path / str(index), change)
        outcomes.append(judge(case, f"data/{name}", lambda project=project: (load_site_data(project), [])[1]))
    report(outcomes, "data files")
    assert [o.case for o in outcomes if o.kind == "fine"] == [
        "merge key", "byte order mark", "Windows line endings", "a line of a megabyte", "event title over several lines"]


# Front matter: one page, docs/side.md, with one careless or hostile front matter each.
FRONT = {"title": "title: Side", "description": "description: En side til test.",
         "audiences": "audiences: [unge]", "reviewed": "reviewed: 2026-11-20"}
AUDIENCES, THEMES, TAGS = {"unge", "foraeldre", "fagpersoner"}, {"rusmidler", "trafik"}, {"hash", "joint"}


def front(**changes) -> str:
    fields = {**FRONT, **changes}
    return "---\n" + "".join(line + "\n" for line in fields.values() if line is not None) + "---\n# Side\n\nTekst.\n"


FRONT_CASES = {
    "no front matter": "# Side\n\nTekst.\n",
    "empty front matter": "---\n---\n# Side\n",
    "front matter never closed": "---\ntitle: Side\n# Side\n",
    "front matter a list": "---\n- title\n---\n",
    "front matter a text": "---\nSide\n---\n",
    "empty file": "",
    "title a list": front(title="title: [Side, Anden]"),
    "title a number": front(title="title: 2026"),
    "title a group": front(title="title: {da: Side}"),
    "title empty": front(title="title:"),
    "title with a tag": front(title="title: Rusmidler <b>nu</b>"),
    "title with a script": front(title='title: "<script>alert(1)</script>"'),
    "title with an entity": front(title="title: Skole &amp; SSP"),
    "title with a comment": front(title='title: "Side <!--"'),
    "title over several lines": front(title="title: >\n  Rusmidler\n  og alkohol"),
    "description with markup": front(description="description: Se <a href=x>her</a>."),
    "audiences a text": front(audiences="audiences: unge"),
    "audiences a list in a list": front(audiences="audiences: [[unge]]"),
    "audiences a group": front(audiences="audiences: {unge: true}"),
    "audience with a Cyrillic letter": front(audiences="audiences: [ung\u0435]"),
    "audience empty": front(audiences="audiences: [~]"),
    "audience misspelt": front(audiences="audiences: [forældre]"),
    "theme a list": front(theme="theme: [rusmidler]"),
    "theme a group": front(theme="theme: {id: rusmidler}"),
    "theme empty": front(theme="theme:"),
    "theme a number": front(theme="theme: 7"),
    "theme with a Cyrillic letter": front(theme="theme: rusmidl\u0435r"),
    "theme with a zero-width space": front(theme="theme: rus\u200bmidler"),
    "tags a text": front(tags="tags: hash"),
    "tags a list in a list": front(tags="tags: [[hash]]"),
    "tag empty": front(tags="tags: [~, hash]"),
    "tag a group": front(tags="tags: [{a: 1}]"),
    "reviewed words": front(reviewed="reviewed: i går"),
    "reviewed with a time": front(reviewed="reviewed: 2026-11-20 10:00:00"),
    "reviewed impossible": front(reviewed="reviewed: 2026-02-30"),
    "reviewed a number": front(reviewed="reviewed: 20261120"),
    "reviewed year 9999": front(reviewed="reviewed: 9999-12-31"),
    "review_every 99999 years": front(every="review_every: 99999 years"),
    "review_every a list": front(every="review_every: [6 months]"),
    "review_every zero": front(every="review_every: 0 months"),
    "recursive alias": front(tags="tags: &t [hash, *t]"),
    "alias bomb": front(tags="l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + BOMB.rstrip("\n")),
    "a field twice": front(again="title: Igen"),
    "tab indentation": front(tags="tags:\n\t- hash"),
    "NUL character": front(title="title: Si\x00de"),
    "a number as a field name": front(extra="1: x"),
    "!ENV tag": front(title="title: !ENV [TITEL]"),
    "unclosed quote": front(title='title: "Side'),
    "deep nesting": front(tags="tags: " + "[" * 500 + "]" * 500),
    "noindex as words": front(extra="noindex: måske"),
}


def test_careless_and_hostile_front_matter():
    settings = SimpleNamespace(review_months=lambda audience: 6)
    outcomes = []
    for case, source in FRONT_CASES.items():
        def run(source=source):
            parsed = frontmatter.split(source, "docs/side.md")
            problems = frontmatter.check(parsed, "docs/side.md", AUDIENCES, THEMES, TAGS)
            # What the later phases do with the values they get (check_front_matter.py keeps these).
            meta = frontmatter.usable(parsed.meta)
            due_date(meta, settings)
            words_with_special_letters([meta.get("title", ""), *meta.get("tags", [])])
            assert all(isinstance(a, str) for a in meta.get("audiences", []))
            return [str(problem) for problem in problems]
        outcomes.append(judge(case, "docs/side.md", run))
    report(outcomes, "front matter")
    # An unknown field in front matter is the editor's own (Material reads some); not a mistake.
    assert [o.case for o in outcomes if o.kind == "fine"] == [
        "title over several lines", "a number as a field name", "noindex as words"]


# Markdown bodies: shortcodes and code, on a page with good front matter (8 lines).
KNOWN = {"theme": THEMES, "audience": AUDIENCES, "contact": {"alarm-112", "ssp-test"}}
BODY_CASES = {
    "shortcode in a fenced block": "```\n<!-- ung:kontakt -->\n```\n",
    "shortcode in a ~~~ block": "~~~html\n<!-- ung:kontakt -->\n~~~\n",
    "shortcode in inline code": "Skriv `<!-- ung:kontakt -->`.\n",
    "shortcode in an indented block": "Tekst:\n\n    <!-- ung:kontakt -->\n",
    "shortcode in a block that is never closed": "```\n<!-- ung:kontakt -->\n",
    "shortcode in a four-backtick block": "````\n```\n<!-- ung:kontakt -->\n```\n````\n",
    "unclosed marker": "<!-- ung:kontakter tema=rusmidler\n\nTekst.\n",
    "marker with > inside": "<!-- ung:kontakter tema=rus>midler -->\n",
    "marker with < inside": "<!-- ung:kontakter tema=<b>rusmidler</b> -->\n",
    "marker in capitals": "<!-- UNG:kontakter -->\n",
    "marker with a space": "<!-- ung :kontakter -->\n",
    "marker without a name": "<!-- ung: -->\n",
    "unknown shortcode": "<!-- ung:kontakterr -->\n",
    "unknown argument": "<!-- ung:kontakter farve=blaa -->\n",
    "argument twice": "<!-- ung:kontakter tema=rusmidler tema=trafik -->\n",
    "empty value": "<!-- ung:kontakter tema= -->\n",
    "Cyrillic letter in a value": "<!-- ung:kontakter tema=rusmidl\u0435r -->\n",
    "zero-width space in a value": "<!-- ung:kontakt ssp\u200b-test -->\n",
    "marker over two lines": "<!-- ung:kontakter\n     tema=rusmidler -->\n",
    "marker in an admonition": "!!! note\n\n    <!-- ung:kontakt ssp-test -->\n",
    "marker in a comment": "<!-- gammel: <!-- ung:kontakt ssp-test --> -->\n",
    "5,000 markers": "<!-- ung:kontakt ssp-test -->\n" * 5000,
    "a name of 30,000 letters": "<!-- ung:" + "a" * 30_000 + "\n",
    "30,000 spaces in a marker": "<!-- ung:kontakt" + " " * 30_000 + "\n",
    "20,000 backticks": "`` ` " * 5000 + "\n",
    "a megabyte of text": ("Tekst med æøå. " * 70_000) + "\n",
}


def test_careless_and_hostile_markdown_bodies():
    outcomes = []
    for case, body in BODY_CASES.items():
        source = front() .replace("# Side\n\nTekst.\n", "") + body
        outcomes.append(judge(case, "docs/side.md", lambda source=source: [
            str(problem) for problem in shortcodes.find(source, "docs/side.md", KNOWN)[1]]))
    report(outcomes, "Markdown bodies")
    assert {o.case for o in outcomes if o.kind == "fine"} == {
        "shortcode in a fenced block", "shortcode in a ~~~ block", "shortcode in inline code",
        "shortcode in an indented block", "shortcode in a block that is never closed",
        "shortcode in a four-backtick block", "marker over two lines", "marker in an admonition",
        "marker in a comment", "5,000 markers", "20,000 backticks", "a megabyte of text"}


def test_the_corpus_is_large_enough():
    total = len(DATA_CASES) + len(FRONT_CASES) + len(BODY_CASES) + len(BUILD_PAGES)
    print(f"\nhostile inputs in the corpus: {total} ({len(DATA_CASES)} data files, {len(FRONT_CASES)} front matters, "
          f"{len(BODY_CASES)} Markdown bodies in-process, {len(BUILD_PAGES)} pages and file names in one full build, "
          f"plus the builds below)")
    assert total >= 60


# -- full builds: what only MkDocs itself reads ---------------------------------------------------

FM = "---\ntitle: {title}\ndescription: En side til test.\naudiences: [fagpersoner]\nreviewed: 2026-11-20\n---\n# Side\n\nTekst.\n"
# Pages and file names in one build: (content, or a link target; what the output must say about it)
BUILD_PAGES = {
    "docs/crlf.md": (FM.format(title="Windows").replace("\n", "\r\n"), None),
    "docs/bom.md": ("\ufeff" + FM.format(title="BOM"), None),
    "docs/tom.md": ("", "docs/tom.md:1: Siden mangler front matter"),
    "docs/nul.md": (FM.format(title="Nu\x00l"), "docs/nul.md:2:10: Filen indeholder et usynligt styretegn (U+0000)"),
    "docs/titel.md": (FM.format(title="\"<script>alert(1)</script>\""), "docs/titel.md:2:8: Feltet 'title' er ren tekst"),
    "docs/alias.md": (FM.format(title="&t [Side, *t]"), "docs/alias.md:2:18: Aliaset '*t' henviser til sig selv"),
    "docs/link.md": (Path("/etc/hostname"), "docs/link.md:1: Filen er en genvej (symlink) til /etc/hostname"),
    "docs/side med mellemrum.md": (FM.format(title="Mellemrum"), "side med mellemrum.md"),
    "docs/æøå.md": (FM.format(title="ÆØÅ"), "æøå.md"),
    "docs/.skjult.md": ("ikke en side", None),
}


def test_careless_pages_and_file_names_in_one_build(tmp_path):
    def write(project):
        for relative, (content, _) in BUILD_PAGES.items():
            target = project / relative
            if isinstance(content, Path):
                target.symlink_to(content)
            else:
                target.write_bytes(content.encode("utf-8"))
    nav = ["index.md", "temaer/rusmidler.md", "crlf.md", "bom.md", "tom.md", "nul.md", "titel.md", "alias.md", "link.md"]
    result = build(tmp_path, config={"nav": nav}, prepare=write)
    assert_clean_failure(result, *(expected for _, expected in BUILD_PAGES.values() if expected))
    for quiet in ("crlf.md", "bom.md", "skjult"):
        assert not any(quiet in line for line in error_lines(result)), result.output[-3000:]


def test_a_page_that_is_not_utf8(tmp_path):
    def latin1(project):
        (project / "docs" / "side.md").write_bytes(page().replace("Tekst.", "Børn.").encode("latin-1"))
    result = build(tmp_path, pages={"docs/side.en.md": twin()}, config={"nav": NAV}, prepare=latin1)
    assert_clean_failure(result, "docs/side.md:9:2: Filen er ikke gemt som UTF-8 (byte 0xF8 kan ikke læses).")


def test_a_deleted_settings_schema(tmp_path):
    result = build(tmp_path, prepare=lambda project: (project / "data/schema/settings.schema.json").unlink())
    assert_clean_failure(result, "data/schema/settings.schema.json:1: Skemaet for mkdocs.yml (extra → ungvejen) findes ikke.")


def test_a_deleted_data_schema(tmp_path):
    result = build(tmp_path, prepare=lambda project: (project / "data/schema/contacts.schema.json").unlink())
    assert_clean_failure(result, "data/schema/contacts.schema.json:1: Skemaet for data/contacts.yml findes ikke.")


def test_a_data_file_made_into_a_folder(tmp_path):
    def folder(project):
        (project / "data" / "tags.yml").unlink()
        (project / "data" / "tags.yml" / "gammel").mkdir(parents=True)
    assert_clean_failure(build(tmp_path, prepare=folder), "data/tags.yml:1: data/tags.yml er en mappe, ikke en fil.")


def test_a_recursive_alias_in_a_data_file(tmp_path):
    def recursive(project):
        path = project / "data" / "contacts.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("themes: [alle]", "themes: &t [alle, *t]"), encoding="utf-8")
    assert_clean_failure(build(tmp_path, prepare=recursive), "data/contacts.yml:9:23: Aliaset '*t' henviser til sig selv")


def test_a_title_that_is_a_number(tmp_path):
    """title: 2026 was reported, then the build ended in an AttributeError in search_index.py."""
    pages = {"docs/side.md": page(GOOD_FRONT.replace("title: Side", "title: 2026")), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:2:8: Feltet 'title' skal være tekst.")
    # Not strict (mkdocs serve): the page is built with the title as text, nothing breaks.
    loose = run_build(tmp_path / "project", tmp_path / "loose", strict=False)
    assert loose.ok and "Traceback" not in loose.output, loose.output[-3000:]
    assert "<title>2026 – Lille testside</title>" in (tmp_path / "loose" / "side" / "index.html").read_text(encoding="utf-8")


def test_lists_where_words_belong_in_front_matter(tmp_path):
    """theme: [rusmidler] and audiences: [[unge]] ended in a TypeError (unhashable list)."""
    front = ("title: Side\ndescription: En side til test.\naudiences: [[unge]]\ntheme: [rusmidler]\n"
             "tags: [[hash]]\nreviewed: 2026-11-20\n")
    pages = {"docs/side.md": page(front), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:4:13: Målgruppe nr. 1 skal være et ord, ikke en liste.",
                         "docs/side.md:5:8: Feltet 'theme' skal være ét tema-id (en tekst), ikke en liste.",
                         "docs/side.md:6:8: Søgeord nr. 1 skal være et ord, ikke en liste.")
    loose = run_build(tmp_path / "project", tmp_path / "loose", strict=False)
    assert loose.ok and "Traceback" not in loose.output, loose.output[-3000:]


def test_an_event_title_written_over_several_lines_builds(tmp_path):
    events = """\
        timezone: Europe/Copenhagen
        events:
          - id: temaaften
            title:
              da: >
                Temaaften om
                rusmidler
              en: Theme evening
            start: "2031-02-05 19:00"
            end: "2031-02-05 20:30"
            place: {da: "Skolen", en: "The school"}
            audiences: [foraeldre]
        """
    result = build(tmp_path, data={"data/events.yml": events})
    assert result.ok and "Traceback" not in result.output, result.output[-3000:]
    ics = (tmp_path / "site" / "arrangementer" / "temaaften.ics").read_bytes().decode("utf-8")
    assert "SUMMARY:Temaaften om rusmidler\r\n" in ics and "X-WR-CALNAME:Temaaften om rusmidler\r\n" in ics


# -- shortcodes in code, and markers that do not parse --------------------------------------------

CODE_BODY = """\
# Side

Sådan skriver du en kontakt:

```markdown
<!-- ung:kontakt -->
<!-- ung:kontakt ssp-test -->
```

Eller indrykket:

    <!-- ung:kontakter tema=sport -->

Eller i en linje: `<!-- ung:kontakt ukendt -->`.

<!-- ung:kontakt ssp-test -->
"""


def test_shortcodes_in_code_are_shown_as_code(tmp_path):
    """A shortcode in a code block or `inline code` (the editors' guide shows them) used to be
    checked – and its mistakes stopped the build. It is code: shown, not read."""
    pages = {"docs/side.md": page(body=CODE_BODY), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert result.ok and "Traceback" not in result.output, result.output[-3000:]
    html = (tmp_path / "site" / "side" / "index.html").read_text(encoding="utf-8")
    for marker in ("&lt;!-- ung:kontakt --&gt;", "&lt;!-- ung:kontakt ssp-test --&gt;",
                   "&lt;!-- ung:kontakter tema=sport --&gt;", "&lt;!-- ung:kontakt ukendt --&gt;"):
        assert marker in html, marker
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count('class="ung-contact ') == 1  # the one outside code


def test_a_marker_that_does_not_parse_stops_the_build(tmp_path):
    """`<!-- ung:kontakter tema=rus>midler -->` used to be ignored without a word."""
    body = "# Side\n\n<!-- ung:kontakter tema=rus>midler -->\n\nTekst.\n"
    pages = {"docs/side.md": page(body=body), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:9: Shortcoden kan ikke læses: der står '>' inde i den.")


def test_a_marker_markdown_passes_on_is_never_dropped_silently(tmp_path):
    """Backticks inside a raw HTML block are not code for Markdown: the marker there is read."""
    body = ('# Side\n\n<div class="boks">\n`<!-- ung:kontakt ukendt -->`\n</div>\n\n'
            '<div class="boks">\n`<!-- ung:kontakt ssp-test -->`\n</div>\n')
    pages = {"docs/side.md": page(body=body), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:10: Ukendt kontakt-id 'ukendt' i ung:kontakt.")
    loose = run_build(tmp_path / "project", tmp_path / "loose", strict=False)
    html = (tmp_path / "loose" / "side" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count('class="ung-contact ') == 1 and "ung:kontakt ssp-test" not in article


def test_an_alias_bomb_in_a_title_stops_the_build_quickly(tmp_path):
    """MkDocs reads the front matter itself (an alias bomb is cheap to build, but not to turn
    into text); the page's title must not be made from it."""
    bomb = "".join(f"  - &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]\n" for n in range(1, 8))
    front = "title:\n  - &l0 [a, a, a, a, a, a, a, a, a, a]\n" + bomb + "description: En side til test.\naudiences: [fagpersoner]\nreviewed: 2026-11-20\n"
    pages = {"docs/side.md": page(front)}
    started = time.perf_counter()
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert time.perf_counter() - started < 120
    assert_clean_failure(result, "docs/side.md:", "Aliaser (*navn) står for for mange værdier")
