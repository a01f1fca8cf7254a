"""Editors' data files (data/*.yml): load, validate against data/schema/, check references.

Everything an editor can get wrong is collected as a `Problem` naming file, line, field and
fix, and all of them are reported together in one `ProblemReport`. Data is loaded once per
change of the files (hooks run once per language; `mkdocs serve` rebuilds on every edit).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from jsonschema import Draft202012Validator

from .problems import Problem, ProblemReport
from .yamlsource import Positions, YamlSyntaxProblem, load_yaml

DATA_FILES = ("themes", "tags", "contacts", "materials", "events")
ALL_THEMES = "alle"
URGENCY_ORDER = {"akut": 0, "snart": 1, "raad": 2}
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
SHORT_NUMBERS = {"112", "114", "1888"}
FIELD_NAMES_DA = {
    "string": "tekst", "integer": "et helt tal", "number": "et tal", "boolean": "true eller false",
    "array": "en liste", "object": "en gruppe af felter", "null": "tom",
}
FORMAT_NAMES_DA = {"date": "dato", "email": "e-mailadresse"}


@dataclass
class SiteData:
    themes: dict[str, dict] = field(default_factory=dict)
    contacts: dict[str, dict] = field(default_factory=dict)
    materials: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    tags: dict[str, list[str]] = field(default_factory=dict)

    def contacts_for(self, theme: str | None = None, audience: str | None = None) -> list[dict]:
        """Contacts that fit a theme and an audience, most urgent first, file order within."""
        chosen = [
            contact for contact in self.contacts.values()
            if (theme is None or ALL_THEMES in contact["themes"] or theme in contact["themes"])
            and (audience is None or audience in contact["audiences"])
        ]
        return sorted(chosen, key=lambda contact: URGENCY_ORDER[contact["urgency"]])

    def helpbar_contacts(self) -> list[dict]:
        return [contact for contact in self.contacts_for() if contact.get("helpbar")]

    def upcoming_events(self, now: dt.datetime, theme: str | None = None) -> list[dict]:
        return sorted(
            (event for event in self.events
             if event["end_at"] > now and (theme is None or event.get("theme") == theme)),
            key=lambda event: event["start_at"],
        )

    def search_words(self, language: str) -> set[str]:
        theme_words = {word for theme in self.themes.values() for word in theme["search_words"].get(language, [])}
        return theme_words | set(self.tags.get(language, []))


def phone_digits(number: str) -> str:
    return re.sub(r"[\s-]", "", str(number))


def is_danish_phone(number: str) -> bool:
    digits = phone_digits(number)
    return bool(re.fullmatch(r"\d{8}", digits) or digits in SHORT_NUMBERS or re.fullmatch(r"116\d{3}", digits))


def _jsonable(value):
    """YAML turns unquoted dates into date objects; the schemas speak JSON."""
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _field_name(path) -> str:
    names = [str(part) if not isinstance(part, int) else f"nr. {part + 1}" for part in path]
    return " → ".join(names) or "filen"


def _did_you_mean(value, options) -> str:
    """Editors misspell (phnoe, forældre, akut!): name the closest allowed word, if any."""
    guess = difflib.get_close_matches(str(value), [str(option) for option in options], n=1)
    return f"Mente du '{guess[0]}'? " if guess else ""


def _type_fix(wanted: str, instance, path) -> str:
    """How to write a value of the wanted type, shown with the editor's own field and value."""
    key = path[-1] if path and isinstance(path[-1], str) else "feltet"
    if wanted == "string" and isinstance(instance, list) and instance:
        return f"Skriv kun én værdi uden [ ], fx  {key}: {instance[0]}"
    if wanted == "string":
        return f"Sæt citationstegn om værdien, fx  {key}: \"{instance}\""
    if wanted == "array":
        return f"Skriv en liste i firkantede klammer, fx  {key}: [{instance}]"
    if wanted in ("integer", "number"):
        return "Skriv et tal uden enhed og uden citationstegn, fx 90."
    if wanted == "boolean":
        return "Skriv true eller false."
    return "Se beskrivelsen i data/schema/."


def _describe(error, file: str, positions: Positions) -> Problem:
    """Turn one JSON Schema error into a Danish one-line problem with a fix."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    fix = schema.get("x-fix", "")
    validator = error.validator
    if validator == "required":
        missing = re.search(r"'([^']+)'", error.message).group(1)
        message = f"Feltet '{missing}' mangler i {_field_name(path)}."
        field_schema = schema.get("properties", {}).get(missing, {})
        fix = field_schema.get("x-fix") or fix or f"Tilføj linjen  {missing}: ...  ({field_schema.get('description', 'se data/schema/')})."
    elif validator == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {}))
        extra = re.findall(r"'([^']+)'", error.message)
        unknown = next((name for name in extra if name not in schema.get("properties", {})), extra[0] if extra else "?")
        path = path + (unknown,)
        message = f"Ukendt felt '{unknown}' i {_field_name(path[:-1])}."
        fix = (_did_you_mean(unknown, schema.get("properties", {}))
               + f"Ret stavningen eller slet feltet. Tilladte felter: {allowed}.")
    elif validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        message = (f"Feltet '{_field_name(path)}' skal være {' eller '.join(FIELD_NAMES_DA.get(w, w) for w in wanted)}, "
                   f"men er {error.instance!r}.")
        fix = fix or _type_fix(wanted[0], error.instance, path)
    elif validator in ("enum", "const"):
        options = error.validator_value if validator == "enum" else [error.validator_value]
        message = f"'{error.instance}' er ikke en gyldig værdi for '{_field_name(path)}'."
        fix = _did_you_mean(error.instance, options) + (fix or f"Brug en af: {', '.join(map(str, options))}.")
    elif validator == "anyOf":
        message = f"{_field_name(path)} har hverken telefon, sms, e-mail, hjemmeside eller chat."
        fix = "Tilføj mindst én måde at komme i kontakt på: phone, sms, email, url eller chat_url."
    elif validator == "oneOf":
        message = f"{_field_name(path)} skal have enten 'lesson' (en side) eller 'file' (en fil) – præcis én af dem."
        fix = "Skriv lesson: undervisning/side.md, hvis PDF'en skal laves ud fra en side, ellers file: filer/navn.pdf."
    elif validator == "format":
        kind = FORMAT_NAMES_DA.get(error.validator_value, error.validator_value)
        message = f"'{error.instance}' er ikke en gyldig {kind} i '{_field_name(path)}'."
    elif validator == "pattern":
        message = f"'{error.instance}' har ikke den rigtige form i '{_field_name(path)}'."
    elif validator in ("minItems", "minLength"):
        message = f"Feltet '{_field_name(path)}' er tomt."
        fix = fix or "Udfyld feltet."
    elif validator in ("minimum", "maximum"):
        limit = f"mindst {error.validator_value}" if validator == "minimum" else f"højst {error.validator_value}"
        message = f"Værdien {error.instance!r} i '{_field_name(path)}' er uden for det tilladte (skal være {limit})."
    else:
        message = f"Fejl i '{_field_name(path)}': {error.message}."
    line, column = positions.of(path)
    return Problem(file, line, column, message, fix or "Se beskrivelsen i data/schema/.")


def _load_file(root: Path, name: str) -> tuple[dict | None, Positions, list[Problem]]:
    relative = f"data/{name}.yml"
    path = root / relative
    if not path.exists():
        return None, Positions(), [Problem(relative, 1, 0, "Filen findes ikke.", f"Opret {relative} (se README).")]
    try:
        data, positions, problems = load_yaml(path.read_text(encoding="utf-8"), relative)
    except YamlSyntaxProblem as syntax:
        return None, Positions(), [syntax.problem]
    except UnicodeDecodeError:
        return None, Positions(), [Problem(relative, 1, 0, "Filen er ikke gemt som UTF-8.", "Gem filen som UTF-8 i din editor.")]
    schema = json.loads((root / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    data = _jsonable(data)
    if not isinstance(data, dict):
        return None, positions, problems + [_not_a_mapping(relative, data, schema)]
    errors = sorted(validator.iter_errors(data), key=lambda error: list(map(str, error.absolute_path)))
    problems += [_describe(error, relative, positions) for error in _leaf_errors(errors)]
    return data, positions, problems


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


def _leaf_errors(errors):
    """anyOf/oneOf errors carry their own sub-errors; report the combinator itself, once."""
    return [error for error in errors if error.parent is None]


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
        problems.append(Problem(file, line, column, f"Ukendt tema '{value}'.",
                                f"Brug et id fra data/themes.yml: {', '.join(sorted(theme_ids))}."))

    for index, theme in enumerate(themes.get("themes", []) or []):
        page = theme.get("page") if isinstance(theme, dict) else None
        if isinstance(page, str) and not (root / "docs" / page).is_file():
            file, line, column = where("themes", ("themes", index, "page"))
            problems.append(Problem(file, line, column, f"Siden docs/{page} findes ikke.",
                                    "Ret stien, eller opret siden."))

    contacts = (raw.get("contacts") or {}).get("contacts", []) or []
    for index, contact in enumerate(contacts):
        if not isinstance(contact, dict):
            continue
        for channel in ("phone", "sms"):
            if channel in contact and isinstance(contact[channel], str) and not is_danish_phone(contact[channel]):
                file, line, column = where("contacts", ("contacts", index, channel))
                problems.append(Problem(file, line, column, f"'{contact[channel]}' er ikke et gyldigt dansk telefonnummer.",
                                        "Skriv 8 cifre (fx \"24 43 07 55\") eller et kort nummer: 112, 114, 1888 eller 116 xxx."))
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
            if isinstance(target, str) and not (root / "docs" / target).is_file():
                file, line, column = where("materials", ("materials", index, key))
                problems.append(Problem(file, line, column, f"Filen docs/{target} findes ikke.",
                                        "Ret stien (den regnes fra mappen docs/), eller læg filen dér."))

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


def _build(raw: dict) -> SiteData:
    site = SiteData()
    site.themes = {theme["id"]: theme for theme in raw["themes"]["themes"]}
    site.contacts = {contact["id"]: contact for contact in raw["contacts"]["contacts"]}
    site.materials = list(raw["materials"]["materials"])
    site.tags = {language: list(raw["tags"].get(language) or []) for language in ("da", "en")}
    for event in raw["events"]["events"]:
        site.events.append({**event, "start_at": _parse_local_time(event["start"]), "end_at": _parse_local_time(event["end"])})
    return site


_cache: dict = {}


def load_site_data(root: Path, revalidate: bool = False) -> SiteData:
    """Validated data for the project at `root`; raises ProblemReport listing every problem.

    The data hook revalidates once at the start of every build (and `mkdocs serve` rebuild);
    every other call in the build – several per page – gets the cached result without
    touching the disk.
    """
    if not revalidate and _cache.get("root") == str(root):
        return _cache["data"]
    raw, positions, problems = {}, {}, []
    for name in DATA_FILES:
        raw[name], positions[name], file_problems = _load_file(root, name)
        problems += file_problems
        if raw[name] is not None:
            key = name
            problems += _check_ids(raw[name].get(key, []) if isinstance(raw[name].get(key), list) else [],
                                   key, f"data/{name}.yml", positions[name])
    problems += _cross_check(root, raw, positions)
    if problems:
        raise ProblemReport(problems, "Fejl i datafilerne i data/ – ret dem, så bygger siden igen")
    data = _build(raw)
    _cache.update(root=str(root), data=data)
    return data
