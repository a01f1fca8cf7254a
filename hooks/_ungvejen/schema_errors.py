"""JSON Schema errors in words an editor can act on: file, line, field, what is wrong, the fix.

The data files (data/*.yml) and the settings in mkdocs.yml (`extra.ungvejen`) are checked
against JSON Schemas in data/schema/. A schema may give a field its own fix text (`x-fix`);
otherwise the fix is made from the error (the closest allowed name, how to write a list...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import SchemaError, ValidationError

from . import fast_schema
from .problems import Problem
from .yamlsource import Positions

FIELD_NAMES_DA = MappingProxyType({
    "string": "tekst", "integer": "et helt tal", "number": "et tal", "boolean": "true eller false",
    "array": "en liste", "object": "en gruppe af felter", "null": "tom",
})
FORMAT_NAMES_DA = MappingProxyType({"date": "dato", "email": "e-mailadresse"})


def _whole_value_pattern(validator, pattern, instance, schema):
    """`pattern` as JSON Schema (ECMA-262) reads it: `$` is the end of the value. Python's `$`
    also matches before a last line break, so an id written "ssp-test\n" would pass."""
    yield from Draft202012Validator.VALIDATORS["pattern"](validator, pattern, instance, schema)
    if (isinstance(instance, str) and instance.endswith("\n") and pattern.endswith("$") and not pattern.endswith("\\$")
            and re.search(pattern, instance) and not re.search(pattern[:-1] + r"\Z", instance)):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


SchemaValidator = validators.extend(Draft202012Validator, {"pattern": _whole_value_pattern})


def validator_for(schema: dict) -> SchemaValidator:
    """The Python validator of one of our schemas, checking formats (date, email)."""
    return SchemaValidator(schema, format_checker=SchemaValidator.FORMAT_CHECKER)


def load_validator(schema_file: Path, relative: str, data_file: str) -> tuple[SchemaValidator | None, list[Problem]]:
    """The validator for one data file, or the problem with its schema (`relative`, e.g.
    data/schema/tags.schema.json): deleted, not JSON, or not a JSON Schema."""
    restore = f"Hent skemaet igen med  git checkout -- {relative}  (skemaerne i data/schema/ må ikke slettes eller ændres)."
    try:
        text = schema_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(relative, 1, 0, f"Skemaet for {data_file} findes ikke.", restore)]
    except (OSError, UnicodeDecodeError):
        return None, [Problem(relative, 1, 0, f"Skemaet for {data_file} kan ikke læses.", restore)]
    validator, (line, column, what) = _validator(text)
    if validator is None:
        return None, [Problem(relative, line, column, f"Skemaet for {data_file} {what}.", restore)]
    return validator, []


@lru_cache(maxsize=32)
def _validator(text: str):
    """A schema's text checked once (checking a schema against JSON Schema's own schema takes
    longer than most data files; `mkdocs serve` rebuilds on every edit)."""
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as error:
        return None, (error.lineno, error.colno, f"er ikke gyldig JSON (linje {error.lineno}, kolonne {error.colno})")
    try:
        SchemaValidator.check_schema(schema)
    except SchemaError as error:
        return None, (1, 0, f"er ikke et gyldigt JSON Schema ({error.message})")
    return validator_for(schema), (0, 0, "")


# Letters that look Danish but are not: an id copied from a web page or typed on another
# keyboard ("rusmidlеr" with a Cyrillic е) is shown as the same word; name the odd letter.
DANISH_LETTERS = frozenset("æøåÆØÅéÉ")
SCRIPTS_DA = MappingProxyType({"CYRILLIC": "kyrillisk", "GREEK": "græsk", "ARMENIAN": "armensk",
                               "HEBREW": "hebraisk", "ARABIC": "arabisk", "FULLWIDTH": "bred"})
LOOK_ALIKES = MappingProxyType(dict(zip(
    "аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХІЈЅοαινκρτυεΟΑΒΕΖΗΙΚΜΝΡΤΧΥ",
    "aeopcyxijsdhlqwABEKMHOPCTXIJSoaivkptueOABEZHIKMNPTXY")))


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp", "Mn") and char != " "


def _letter_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    if _is_invisible(char):
        return f"et usynligt tegn ({code} {name})".replace(" )", ")")
    script = SCRIPTS_DA.get(name.split(" ")[0]) if name else None
    return f"{script} {char} ({code})" if script else f"{char} ({code})"


def foreign_letters(value) -> str:
    """' Ordet har tegn, der ikke er danske: kyrillisk е (U+0435).' – or "" for plain text."""
    if not isinstance(value, str):
        return ""
    odd = [char for char in dict.fromkeys(value)
           if not (char.isascii() and char.isprintable()) and char not in DANISH_LETTERS]
    if not odd:
        return ""
    return f" Ordet har tegn, der ikke er danske bogstaver: {', '.join(map(_letter_name, odd))}."


def plain_letters(value: str) -> str:
    """The word with look-alike letters replaced and invisible characters removed."""
    out = []
    for char in value:
        if char.isascii() or char in DANISH_LETTERS:
            out.append(char)
        elif char in LOOK_ALIKES:
            out.append(LOOK_ALIKES[char])
        elif not _is_invisible(char):
            folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char))
            out.append("".join(c for c in folded if not unicodedata.combining(c)))
    return "".join(out)


def look_alike_fix(value, options) -> str:
    """'Skriv 'rusmidler' med almindelige bogstaver. ' when that is an allowed word."""
    if not isinstance(value, str) or not foreign_letters(value):
        return ""
    plain = plain_letters(value)
    return f"Skriv '{plain}' med almindelige bogstaver (slet ordet og skriv det igen). " if plain in options else ""


def as_json(value):
    """YAML turns unquoted dates into date objects; the schemas speak JSON."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _field_name(path) -> str:
    names = [str(part) if not isinstance(part, int) else f"nr. {part + 1}" for part in path]
    return " → ".join(names) or "filen"


def _did_you_mean(value, options) -> str:
    """Editors misspell (phnoe, forældre, akut!): name the closest allowed word, if any."""
    look_alike = look_alike_fix(value, [str(option) for option in options])
    if look_alike:
        return look_alike
    guess = difflib.get_close_matches(str(value), [str(option) for option in options], n=1)
    return f"Mente du '{guess[0]}'? " if guess else ""


def _shown(value) -> str:
    """A value as the editor wrote it: true, not True; nothing, not None."""
    if value is None:
        return "tom"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value)


def _type_fix(wanted: str, instance, path) -> str:
    """How to write a value of the wanted type, shown with the editor's own field and value."""
    key = path[-1] if path and isinstance(path[-1], str) else "feltet"
    if instance is None and wanted == "array":
        return f"Skriv punkterne under  {key}:  (en linje med - for hvert), eller en liste, fx  {key}: [...]"
    if wanted == "object":
        return "Skriv felterne (navn: værdi) indrykket under punktet, som i de andre punkter."
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
        # The names from the data itself: the message quotes only text names ('phnoe', not 1).
        instance = error.instance if isinstance(error.instance, dict) else {}
        unknown = next((name for name in instance if name not in schema.get("properties", {})), "?")
        path = path + (unknown,)
        name = str(unknown).lower() if isinstance(unknown, bool) else str(unknown)
        message = f"Ukendt felt '{name}' i {_field_name(path[:-1])}.{foreign_letters(unknown)}"
        fix = (_did_you_mean(unknown, schema.get("properties", {}))
               + f"Ret stavningen eller slet feltet. Tilladte felter: {allowed}.")
    elif validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        message = (f"Feltet '{_field_name(path)}' skal være {' eller '.join(FIELD_NAMES_DA.get(w, w) for w in wanted)}, "
                   f"men er {_shown(error.instance)}.")
        fix = fix or _type_fix(wanted[0], error.instance, path)
    elif validator in ("enum", "const"):
        options = error.validator_value if validator == "enum" else [error.validator_value]
        message = f"'{error.instance}' er ikke en gyldig værdi for '{_field_name(path)}'.{foreign_letters(error.instance)}"
        fix = _did_you_mean(error.instance, options) + (fix or f"Brug en af: {', '.join(map(str, options))}.")
    elif validator == "anyOf" and "x-message" in schema:  # the schema says what is missing
        message = f"{_field_name(path)} {schema['x-message']}"
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
        message = f"'{error.instance}' har ikke den rigtige form i '{_field_name(path)}'.{foreign_letters(error.instance)}"
    elif validator in ("minItems", "minLength", "minProperties"):
        message = f"Feltet '{_field_name(path)}' er tomt."
        fix = fix or "Udfyld feltet."
    elif validator in ("minimum", "maximum"):
        limit = f"mindst {error.validator_value}" if validator == "minimum" else f"højst {error.validator_value}"
        message = f"Værdien {error.instance!r} i '{_field_name(path)}' er uden for det tilladte (skal være {limit})."
    else:
        message = f"Fejl i '{_field_name(path)}': {error.message}."
    line, column = positions.of(path)
    return Problem(file, line, column, message, fix or "Se beskrivelsen i data/schema/.")


def _leaf_errors(errors):
    """anyOf/oneOf errors carry their own sub-errors; report the combinator itself, once."""
    return [error for error in errors if error.parent is None]


def schema_problems(validator, data, file: str, positions: Positions) -> list[Problem]:
    """Every schema error in `data`, one Danish problem each, in the order of the file."""
    if fast_schema.passes(validator.schema, data):
        return []
    errors = sorted(validator.iter_errors(data), key=lambda error: [
        (0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path])
    return [_describe(error, file, positions) for error in _leaf_errors(errors)]
