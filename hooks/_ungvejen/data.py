"""Editors' data files (data/*.yml): load, validate against data/schema/, check references.

Everything an editor can get wrong is collected as a `Problem` naming file, line, field and
fix, and all of them are reported together in one `ProblemReport`. Data is loaded once per
change of the files (hooks run once per language; `mkdocs serve` rebuilds on every edit).
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from .problems import Problem, ProblemReport
from .schema_errors import as_json, foreign_letters, load_validator, look_alike_fix, schema_problems
from .yamlsource import Positions, YamlSyntaxProblem, load_yaml

DATA_FILES = ("themes", "tags", "contacts", "materials", "events", "glossary")
# Read and checked when they exist: a site without a drugs A–Z needs no data/substances.yml
# (a page that asks for it with <!-- ung:stoffer --> is reported instead); without
# data/synonyms.yml the search has no slang or synonyms.
OPTIONAL_DATA_FILES = ("substances", "synonyms")
ALL_THEMES = "alle"
URGENCY_ORDER = MappingProxyType({"akut": 0, "snart": 1, "raad": 2})
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
SHORT_NUMBERS = frozenset({"112", "114", "1888"})
LISTS_WITH_IDS = MappingProxyType({"substances": ("substances", "myths")})  # else the list named like the file


@dataclass
class SiteData:
    themes: dict[str, dict] = field(default_factory=dict)
    contacts: dict[str, dict] = field(default_factory=dict)
    materials: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    tags: dict[str, list[str]] = field(default_factory=dict)
    substances: list[dict] = field(default_factory=list)   # the drugs A–Z, in the file's order
    myths: list[dict] = field(default_factory=list)
    has_substances: bool = False                             # data/substances.yml exists
    glossary: list[dict] = field(default_factory=list)
    pupil: dict[str, dict] = field(default_factory=dict)  # material id -> its pupil material (data/elevmateriale/)
    synonyms: list[dict] = field(default_factory=list)

    # (theme, audience) -> the contacts_for answer. The data is read once and not changed
    # afterwards, so a list is worked out once: every page's help bar and every contact list
    # asks again, and with thousands of contacts each answer is a walk through all of them.
    _contact_lists: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def contacts_for(self, theme: str | None = None, audience: str | None = None) -> tuple[dict, ...]:
        """Contacts that fit a theme and an audience, most urgent first, file order within."""
        key = (theme, audience)
        if key not in self._contact_lists:
            chosen = [
                contact for contact in self.contacts.values()
                if (theme is None or ALL_THEMES in contact["themes"] or theme in contact["themes"])
                and (audience is None or audience in contact["audiences"])
            ]
            self._contact_lists[key] = tuple(sorted(chosen, key=lambda contact: URGENCY_ORDER[contact["urgency"]]))
        return self._contact_lists[key]

    def helpbar_contacts(self) -> tuple[dict, ...]:
        key = "helpbar"  # not a (theme, audience) pair: never mixed up with one
        if key not in self._contact_lists:
            self._contact_lists[key] = tuple(contact for contact in self.contacts_for() if contact.get("helpbar"))
        return self._contact_lists[key]

    def upcoming_events(self, now: dt.datetime, theme: str | None = None) -> list[dict]:
        return sorted(
            (event for event in self.events
             if event["end_at"] > now and (theme is None or event.get("theme") == theme)),
            key=lambda event: event["start_at"],
        )

    def synonyms_for(self, language: str) -> dict[str, dict]:
        """Search slang (data/synonyms.yml) for one language: typed word -> what it adds,
        `find` (other words searched too) and `first` (Pagefind filter values "group.position" of
        the pages ranked first, the first page listed first)."""
        table: dict[str, dict] = {}
        for number, entry in enumerate(self.synonyms, start=1):
            finds = list(entry.get("find", {}).get(language) or [])
            for word in entry["words"].get(language) or []:
                target = table.setdefault(word, {"find": [], "first": []})
                target["find"] += [found for found in finds if found != word and found not in target["find"]]
                target["first"] += [f"{number}.{position}" for position in range(1, len(entry.get("pages") or []) + 1)]
        return {word: {key: value for key, value in target.items() if value} for word, target in table.items()}

    def synonym_pages(self, source: str, language: str) -> tuple[list[str], list[str]]:
        """For a page (its docs/ path, `faa-hjaelp-nu.md` or `faa-hjaelp-nu.en.md`): the words
        that lead to it first (data/synonyms.yml `pages`), and its filter values "group.position"."""
        words, groups = [], []
        for number, entry in enumerate(self.synonyms, start=1):
            for position, page in enumerate(entry.get("pages") or [], start=1):
                if source in (page, page.removesuffix(".md") + f".{language}.md"):
                    words += entry["words"].get(language) or []
                    groups.append(f"{number}.{position}")
        return words, groups

    def search_words(self, language: str) -> set[str]:
        theme_words = {word for theme in self.themes.values() for word in theme["search_words"].get(language, [])}
        return theme_words | set(self.tags.get(language, []))


def phone_digits(number: str) -> str:
    return re.sub(r"[\s-]", "", str(number))


def is_danish_phone(number: str) -> bool:
    digits = phone_digits(number)
    return bool(re.fullmatch(r"\d{8}", digits) or digits in SHORT_NUMBERS or re.fullmatch(r"116\d{3}", digits))


def _load_file(root: Path, name: str, relative: str | None = None) -> tuple[dict | None, Positions, list[Problem]]:
    """data/<name>.yml (or the file `relative` to the project), checked by data/schema/<name>.schema.json."""
    relative = relative or f"data/{name}.yml"
    path = root / relative
    if not path.exists():
        return None, Positions(), [Problem(relative, 1, 0, "Filen findes ikke.", f"Opret {relative} (se README).")]
    if path.is_dir():
        return None, Positions(), [Problem(relative, 1, 0, f"{relative} er en mappe, ikke en fil.",
                                           f"Slet mappen (flyt det, der ligger i den), og læg filen {relative} tilbage.")]
    if not path.is_file():  # a device or a pipe: reading it would never end
        return None, Positions(), [Problem(relative, 1, 0, f"{relative} er ikke en almindelig fil.",
                                           f"Slet den, og læg filen {relative} tilbage som en almindelig tekstfil.")]
    schema_file = f"data/schema/{name}.schema.json"
    validator, schema_problems_ = load_validator(root / schema_file, schema_file, relative)
    try:
        data, positions, problems = load_yaml(path.read_text(encoding="utf-8"), relative)
    except YamlSyntaxProblem as syntax:
        return None, Positions(), [syntax.problem] + schema_problems_
    except UnicodeDecodeError as error:
        return None, Positions(), [_not_utf8(relative, path, error)] + schema_problems_
    except OSError as error:
        return None, Positions(), [Problem(relative, 1, 0, f"Filen kan ikke læses ({error.strerror}).",
                                           "Tjek at filen findes og må læses.")] + schema_problems_
    if validator is None:
        return None, positions, problems + schema_problems_
    data = as_json(data)
    if not isinstance(data, dict):
        return None, positions, problems + [_not_a_mapping(relative, data, validator.schema)]
    problems += schema_problems(validator, data, relative, positions)
    return data, positions, problems


def _not_utf8(relative: str, path: Path, error: UnicodeDecodeError) -> Problem:
    """Name the line and column of the first byte that is not UTF-8."""
    try:
        before = path.read_bytes()[:error.start]
    except OSError:
        before = b""
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return Problem(relative, line, column if before else 0, "Filen er ikke gemt som UTF-8.", "Gem filen som UTF-8 i din editor.")


def _not_a_mapping(file: str, data, schema: dict) -> Problem:
    """An empty file, or a list or a text at the top: name the fields the file must start with."""
    fields = "  og  ".join(f"{key}:" for key in schema.get("required", []))
    if data is None:
        what = "Filen er tom."
    elif isinstance(data, list):
        what = "Filen begynder med en liste (linjer med -) i stedet for med sine felter."
    else:
        what = "Filen begynder med en tekst i stedet for med sine felter."
    return Problem(file, 1, 0, what, f"Skriv  {fields}  helt ude til venstre øverst, og punkterne indrykket under.")


def _check_ids(items: list[dict], key: str, file: str, positions: Positions) -> list[Problem]:
    problems, seen = [], {}
    for index, item in enumerate(items):
        # An id that is not a text (a list, say) is already reported by the schema.
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if item["id"] in seen:
            line, column = positions.of((key, index, "id"))
            problems.append(Problem(file, line, column, f"Id'et '{item['id']}' er brugt to gange (også i nr. {seen[item['id']] + 1}).",
                                    "Giv hvert punkt sit eget id."))
        seen.setdefault(item["id"], index)
    return problems


def _inside_docs(root: Path, relative: str) -> bool:
    """A path from data/ (themes' page, a material's lesson or file) must stay inside docs/:
    '/etc/passwd' or '../../x' would be read, linked or listed from outside the site."""
    docs = (root / "docs").resolve()
    try:
        return (docs / relative).resolve().is_relative_to(docs)
    except (OSError, RuntimeError, ValueError):
        return False


def _parse_local_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=COPENHAGEN)
    except (TypeError, ValueError):
        return None


def _texts(value) -> list[tuple[int, str]]:
    """The text items of a list, with their positions. Anything else the schema has already
    reported; a text where a list belongs must not be read letter by letter."""
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, str)]


def _cross_check(root: Path, raw: dict, positions: dict[str, Positions]) -> list[Problem]:
    problems: list[Problem] = []
    themes = raw.get("themes") or {}
    theme_ids = {theme["id"] for theme in themes.get("themes", []) or []
                 if isinstance(theme, dict) and isinstance(theme.get("id"), str)}

    def where(name, path):
        return (f"data/{name}.yml", *positions[name].of(path))

    def unknown_theme(name, path, value):
        if raw.get("themes") is None:
            return  # themes.yml could not be read (reported already): every theme would look unknown
        if not isinstance(value, str) or value in theme_ids:
            return  # not a text: the schema reports it
        file, line, column = where(name, path)
        problems.append(Problem(file, line, column, f"Ukendt tema '{value}'.{foreign_letters(value)}",
                                look_alike_fix(value, theme_ids) + f"Brug et id fra data/themes.yml: {', '.join(sorted(theme_ids))}."))

    for index, theme in enumerate(themes.get("themes", []) or []):
        page = theme.get("page") if isinstance(theme, dict) else None
        if isinstance(page, str) and not _inside_docs(root, page):
            file, line, column = where("themes", ("themes", index, "page"))
            problems.append(Problem(file, line, column, f"Siden {page} ligger ikke i docs/.",
                                    "Skriv stien til siden regnet fra mappen docs/, fx temaer/rusmidler.md (uden / og .. foran)."))
        elif isinstance(page, str) and not (root / "docs" / page).is_file():
            file, line, column = where("themes", ("themes", index, "page"))
            problems.append(Problem(file, line, column, f"Siden docs/{page} findes ikke.",
                                    "Ret stien, eller opret siden."))

    for index, entry in enumerate((raw.get("synonyms") or {}).get("synonyms", []) or []):
        for position, page in _texts(entry.get("pages") if isinstance(entry, dict) else None):
            if not _inside_docs(root, page) or not (root / "docs" / page).is_file():
                file, line, column = where("synonyms", ("synonyms", index, "pages", position))
                problems.append(Problem(file, line, column, f"Siden docs/{page} findes ikke.",
                                        "Skriv stien til en side regnet fra mappen docs/, fx faa-hjaelp-nu.md."))

    contacts = (raw.get("contacts") or {}).get("contacts", []) or []
    for index, contact in enumerate(contacts):
        if not isinstance(contact, dict):
            continue
        for channel in ("phone", "sms"):
            if channel in contact and isinstance(contact[channel], str) and not is_danish_phone(contact[channel]):
                file, line, column = where("contacts", ("contacts", index, channel))
                problems.append(Problem(file, line, column, f"'{contact[channel]}' er ikke et gyldigt dansk telefonnummer.",
                                        "Skriv 8 cifre (fx \"24 43 07 55\") eller et kort nummer: 112, 114, 1888 eller 116 xxx."))
        opening = contact.get("opening")
        for position, entry in enumerate(opening.get("times") or [] if isinstance(opening, dict) else []):
            if isinstance(entry, dict) and isinstance(entry.get("from"), str) and isinstance(entry.get("to"), str) \
                    and re.fullmatch(r"\d\d:\d\d", entry["from"]) and entry["to"] <= entry["from"]:
                file, line, column = where("contacts", ("contacts", index, "opening", "times", position, "to"))
                problems.append(Problem(file, line, column, f"Åbningstiden slutter ({entry['to']}), før den begynder ({entry['from']}).",
                                        "Ret 'to', så den ligger efter 'from'. Åbent over midnat: skriv to tider, fx til \"24:00\" og fra \"00:00\"."))
        for position, theme in _texts(contact.get("themes")):
            if theme != ALL_THEMES:
                unknown_theme("contacts", ("contacts", index, "themes", position), theme)

    for index, material in enumerate((raw.get("materials") or {}).get("materials", []) or []):
        if not isinstance(material, dict):
            continue
        if material.get("theme"):
            unknown_theme("materials", ("materials", index, "theme"), material["theme"])
        for key in ("lesson", "file"):
            target = material.get(key)
            if isinstance(target, str) and not _inside_docs(root, target):
                file, line, column = where("materials", ("materials", index, key))
                problems.append(Problem(file, line, column, f"Filen {target} ligger ikke i docs/.",
                                        "Skriv stien regnet fra mappen docs/, fx filer/plakat.pdf (uden / og .. foran), "
                                        "og læg filen dér."))
            elif isinstance(target, str) and not (root / "docs" / target).is_file():
                file, line, column = where("materials", ("materials", index, key))
                problems.append(Problem(file, line, column, f"Filen docs/{target} findes ikke.",
                                        "Ret stien (den regnes fra mappen docs/), eller læg filen dér."))

    problems += _check_substances(raw, positions, theme_ids, unknown_theme)

    for index, event in enumerate((raw.get("events") or {}).get("events", []) or []):
        if not isinstance(event, dict):
            continue
        if event.get("theme"):
            unknown_theme("events", ("events", index, "theme"), event["theme"])
        times = {}
        for key in ("start", "end"):
            if isinstance(event.get(key), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", event[key]):
                times[key] = _parse_local_time(event[key])
                if times[key] is None:
                    file, line, column = where("events", ("events", index, key))
                    problems.append(Problem(file, line, column, f"'{event[key]}' er ikke en rigtig dato og tid.",
                                            "Tjek dag, måned og klokkeslæt (fx \"2027-02-03 19:00\")."))
        if times.get("start") and times.get("end") and times["end"] <= times["start"]:
            file, line, column = where("events", ("events", index, "end"))
            problems.append(Problem(file, line, column, "Arrangementet slutter, før det begynder.",
                                    "Ret 'end', så det ligger efter 'start'."))
    return problems


def _check_substances(raw: dict, positions: dict[str, Positions], theme_ids: set[str], unknown_theme) -> list[Problem]:
    """Where to get help for a substance: contact ids from contacts.yml, a theme from themes.yml."""
    problems: list[Problem] = []
    substances = raw.get("substances")
    contacts = raw.get("contacts")
    if not isinstance(substances, dict):
        return problems
    contact_ids = {contact["id"] for contact in (contacts or {}).get("contacts", []) or []
                   if isinstance(contact, dict) and isinstance(contact.get("id"), str)}
    for index, substance in enumerate(substances.get("substances", []) or []):
        help_ = substance.get("help") if isinstance(substance, dict) else None
        if not isinstance(help_, dict):
            continue
        if contacts is not None:  # contacts.yml could not be read (reported already)
            for position, contact in _texts(help_.get("contacts")):
                if contact not in contact_ids:
                    line, column = positions["substances"].of(("substances", index, "help", "contacts", position))
                    problems.append(Problem("data/substances.yml", line, column,
                                            f"Ukendt kontakt '{contact}' i 'substances → nr. {index + 1} → help → contacts'."
                                            f"{foreign_letters(contact)}",
                                            look_alike_fix(contact, contact_ids)
                                            + f"Brug et id fra data/contacts.yml: {', '.join(sorted(contact_ids))}."))
        if help_.get("theme"):
            unknown_theme("substances", ("substances", index, "help", "theme"), help_["theme"])
    return problems


def _build(raw: dict) -> SiteData:
    site = SiteData()
    site.themes = {theme["id"]: theme for theme in raw["themes"]["themes"]}
    site.contacts = {contact["id"]: contact for contact in raw["contacts"]["contacts"]}
    site.materials = list(raw["materials"]["materials"])
    site.synonyms = list((raw.get("synonyms") or {}).get("synonyms") or [])
    site.tags = {language: list(raw["tags"].get(language) or []) for language in ("da", "en")}
    if raw.get("substances") is not None:
        site.has_substances = True
        site.substances = list(raw["substances"]["substances"])
        site.myths = list(raw["substances"].get("myths") or [])
    site.glossary = list(raw["glossary"]["glossary"])
    for event in raw["events"]["events"]:
        site.events.append({**event, "start_at": _parse_local_time(event["start"]), "end_at": _parse_local_time(event["end"])})
    return site


@contextmanager
def _no_cycle_collection():
    """Reading and checking the files makes hundreds of thousands of objects, none of them
    garbage yet; Python's cycle collector would walk them all again and again while they are
    made, and the time would grow faster than the files (5,000 contacts: 3 × slower). It runs
    again as soon as the data is read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_site_data(root: Path) -> SiteData:
    """Validated data for the project at `root`; raises ProblemReport listing every problem.

    Read once per build (hooks/load_data.py keeps the result in the build state).
    """
    raw, positions, problems = {}, {}, []
    with _no_cycle_collection():
        for name in DATA_FILES + OPTIONAL_DATA_FILES:
            if name in OPTIONAL_DATA_FILES and not (root / "data" / f"{name}.yml").exists():
                raw[name], positions[name] = None, Positions()
                continue
            raw[name], positions[name], file_problems = _load_file(root, name)
            problems += file_problems
            if raw[name] is not None:
                for key in LISTS_WITH_IDS.get(name, (name,)):
                    problems += _check_ids(raw[name].get(key, []) if isinstance(raw[name].get(key), list) else [],
                                           key, f"data/{name}.yml", positions[name])
        # A value the schema has already reported (a path of the wrong form) is one mistake: one line.
        reported = {(problem.file, problem.line, problem.column) for problem in problems}
        problems += [problem for problem in _cross_check(root, raw, positions)
                     if (problem.file, problem.line, problem.column) not in reported]
        pupil, pupil_problems = _load_pupil_material(root, raw, positions)
        problems += pupil_problems
    if problems:
        raise ProblemReport(problems, "Fejl i datafilerne i data/ – ret dem, så bygger siden igen")
    site = _build(raw)
    site.pupil = pupil
    return site


def _load_pupil_material(root: Path, raw: dict, positions: dict[str, Positions]) -> tuple[dict[str, dict], list[Problem]]:
    """Each material's pupil material (`pupil_material: elevmateriale/x.yml`, a file in data/),
    validated by data/schema/pupil-material.schema.json."""
    found, problems = {}, []
    for index, material in enumerate((raw.get("materials") or {}).get("materials", []) or []):
        target = material.get("pupil_material") if isinstance(material, dict) else None
        if not isinstance(target, str) or not re.fullmatch(r"elevmateriale/[a-z0-9-]+\.yml", target):
            continue  # absent, or the wrong form (the schema reports it)
        if not (root / "data" / target).is_file():
            line, column = positions["materials"].of(("materials", index, "pupil_material"))
            problems.append(Problem("data/materials.yml", line, column, f"Filen data/{target} findes ikke.",
                                    "Ret stien (den regnes fra mappen data/), eller opret filen."))
            continue
        data, _, file_problems = _load_file(root, "pupil-material", f"data/{target}")
        file_problems += _unknown_phones(root / "data" / target, f"data/{target}", raw)
        problems += file_problems
        if data is not None and not file_problems:
            found[material.get("id")] = data
    return found, problems


def _unknown_phones(path: Path, relative: str, raw: dict) -> list[Problem]:
    """`[tlf:id]` in pupil material must name a contact with a phone number in data/contacts.yml."""
    with_phone = {contact["id"] for contact in (raw.get("contacts") or {}).get("contacts", []) or []
                  if isinstance(contact, dict) and contact.get("phone")}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # reported by the loader
    return [Problem(relative, text.count("\n", 0, match.start()) + 1, 0,
                    f"[tlf:{match[1]}] er ikke en kontakt med et telefonnummer.",
                    f"Brug et id fra data/contacts.yml med et nummer: {', '.join(sorted(with_phone))}.")
            for match in re.finditer(r"\[tlf:([^\]]*)\]", text) if match[1] not in with_phone]
