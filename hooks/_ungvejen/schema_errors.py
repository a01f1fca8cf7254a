"""JSON Schema errors in words an editor can act on: file, line, field, what is wrong, the fix.

The data files (data/*.yml) and the settings in mkdocs.yml (`extra.ungvejen`) are checked
against JSON Schemas in data/schema/. A schema may give a field its own fix text (`x-fix`);
otherwise the fix is made from the error (the closest allowed name, how to write a list...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from types import MappingProxyType

from .problems import Problem
from .yamlsource import Positions

FIELD_NAMES_DA = MappingProxyType({
    "string": "tekst", "integer": "et helt tal", "number": "et tal", "boolean": "true eller false",
    "array": "en liste", "object": "en gruppe af felter", "null": "tom",
})
FORMAT_NAMES_DA = MappingProxyType({"date": "dato", "email": "e-mailadresse"})


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
    errors = sorted(validator.iter_errors(data), key=lambda error: [
        (0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path])
    return [_describe(error, file, positions) for error in _leaf_errors(errors)]
