"""_ungvejen.schema_errors: JSON Schema errors as Danish problems at the line of the field."""

from __future__ import annotations

import datetime as dt

from jsonschema import Draft202012Validator

from _ungvejen.schema_errors import as_json, schema_problems
from _ungvejen.yamlsource import load_yaml

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["items"],
    "properties": {
        "items": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "kind"],
                "anyOf": [{"required": ["phone"]}, {"required": ["email"]}],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z-]+$", "x-fix": "Brug kun a-z og bindestreg."},
                    "kind": {"enum": ["person", "service"]},
                    "phone": {"type": "string"},
                    "email": {"type": "string", "format": "email"},
                    "minutes": {"type": "integer", "minimum": 5, "maximum": 600},
                    "tags": {"type": "array", "uniqueItems": True},
                    "helpbar": {"type": "boolean"},
                    "verified": {"type": "string", "format": "date"},
                    "zone": {"const": "Europe/Copenhagen"},
                    "name": {"type": "object", "required": ["da"], "description": "Navnet på dansk.",
                             "properties": {"da": {"type": "string", "minLength": 1}}},
                },
            },
        },
        "lesson": {"oneOf": [{"required": ["page"]}, {"required": ["file"]}]},
    },
}
FILE = "data/x.yml"
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems_in(text: str):
    data, positions, _ = load_yaml(text, FILE)
    return schema_problems(VALIDATOR, as_json(data), FILE, positions)


def one(text: str):
    [problem] = problems_in(text)
    return problem


GOOD_ITEM = "  - id: a\n    kind: person\n    phone: '112'\n"


def test_valid_data_has_no_problems():
    assert problems_in("items:\n" + GOOD_ITEM) == []


def test_as_json_turns_dates_into_text():
    assert as_json({"a": [dt.date(2026, 11, 28), {"b": dt.datetime(2026, 1, 2, 3, 4)}], "c": 1}) == {
        "a": ["2026-11-28", {"b": "2026-01-02T03:04:00"}], "c": 1}


def test_required_field():
    problem = one("items:\n  - kind: person\n    phone: '112'\n")
    assert (problem.line, problem.column) == (2, 5)
    assert problem.message == "Feltet 'id' mangler i items → nr. 1."
    assert problem.fix == "Brug kun a-z og bindestreg."  # the field's own x-fix


def test_required_field_without_x_fix_uses_its_description():
    problem = one("items:\n" + GOOD_ITEM + "    name: {en: Name}\n")
    assert problem.message == "Feltet 'da' mangler i items → nr. 1 → name."
    assert problem.fix == "Tilføj linjen  da: ...  (se data/schema/)."
    assert problem.line == 5


def test_unknown_field_with_did_you_mean():
    problem = one("items:\n  - id: a\n    kind: person\n    phone: '112'\n    phnoe: '112'\n")
    assert (problem.line, problem.column) == (5, 12)
    assert problem.message == "Ukendt felt 'phnoe' i items → nr. 1."
    assert problem.fix.startswith("Mente du 'phone'? Ret stavningen eller slet feltet. Tilladte felter: id, kind, phone,")


def test_type_errors_and_their_fixes():
    problem = one("items:\n" + GOOD_ITEM + "    helpbar: ja\n")
    assert problem.message == "Feltet 'items → nr. 1 → helpbar' skal være true eller false, men er 'ja'."
    assert (problem.line, problem.fix) == (5, "Skriv true eller false.")
    problem = one("items:\n  - id: a\n    kind: person\n    phone: 24430755\n")
    assert problem.message == "Feltet 'items → nr. 1 → phone' skal være tekst, men er 24430755."
    assert problem.fix == 'Sæt citationstegn om værdien, fx  phone: "24430755"'
    problem = one("items:\n  - id: a\n    kind: person\n    phone: ['112', '114']\n")
    assert problem.fix == "Skriv kun én værdi uden [ ], fx  phone: 112"
    problem = one("items:\n" + GOOD_ITEM + "    tags: hash\n")
    assert problem.fix == "Skriv en liste i firkantede klammer, fx  tags: [hash]"
    problem = one("items:\n" + GOOD_ITEM + "    minutes: '90 min'\n")
    assert problem.message == "Feltet 'items → nr. 1 → minutes' skal være et helt tal, men er '90 min'."
    assert problem.fix == "Skriv et tal uden enhed og uden citationstegn, fx 90."


def test_enum_with_did_you_mean():
    problem = one("items:\n  - id: a\n    kind: persn\n    phone: '112'\n")
    assert (problem.line, problem.column) == (3, 11)
    assert problem.message == "'persn' er ikke en gyldig værdi for 'items → nr. 1 → kind'."
    assert problem.fix == "Mente du 'person'? Brug en af: person, service."


def test_const():
    problem = one("items:\n" + GOOD_ITEM + "    zone: Europe/Berlin\n")
    assert problem.message == "'Europe/Berlin' er ikke en gyldig værdi for 'items → nr. 1 → zone'."
    assert problem.fix.endswith("Brug en af: Europe/Copenhagen.")


def test_any_of_no_way_to_get_in_touch_is_reported_once():
    problem = one("items:\n  - id: a\n    kind: person\n")
    assert problem.message == "items → nr. 1 har hverken telefon, sms, e-mail, hjemmeside eller chat."
    assert (problem.line, problem.column) == (2, 5)


def test_one_of():
    problem = one("items:\n" + GOOD_ITEM + "lesson: {page: a, file: b}\n")
    assert problem.message == "lesson skal have enten 'lesson' (en side) eller 'file' (en fil) – præcis én af dem."
    assert problem.line == 5


def test_formats():
    problem = one("items:\n" + GOOD_ITEM + "    email: ikke-en-adresse\n")
    assert problem.message == "'ikke-en-adresse' er ikke en gyldig e-mailadresse i 'items → nr. 1 → email'."
    problem = one("items:\n" + GOOD_ITEM + "    verified: '2026-02-30'\n")
    assert problem.message == "'2026-02-30' er ikke en gyldig dato i 'items → nr. 1 → verified'."


def test_pattern_uses_the_fields_fix():
    problem = one("items:\n  - id: Stort_ID\n    kind: person\n    phone: '112'\n")
    assert problem.message == "'Stort_ID' har ikke den rigtige form i 'items → nr. 1 → id'."
    assert (problem.line, problem.column, problem.fix) == (2, 9, "Brug kun a-z og bindestreg.")


def test_empty_list_and_empty_text():
    problem = one("items: []\n")
    assert (problem.message, problem.fix, problem.line) == ("Feltet 'items' er tomt.", "Udfyld feltet.", 1)
    problem = one("items:\n" + GOOD_ITEM + "    name: {da: ''}\n")
    assert problem.message == "Feltet 'items → nr. 1 → name → da' er tomt."


def test_minimum_and_maximum():
    problem = one("items:\n" + GOOD_ITEM + "    minutes: 2\n")
    assert problem.message == "Værdien 2 i 'items → nr. 1 → minutes' er uden for det tilladte (skal være mindst 5)."
    problem = one("items:\n" + GOOD_ITEM + "    minutes: 601\n")
    assert problem.message.endswith("(skal være højst 600).")


def test_other_errors_keep_the_validators_words():
    problem = one("items:\n" + GOOD_ITEM + "    tags: [a, a]\n")
    assert problem.message.startswith("Fejl i 'items → nr. 1 → tags': ")
    assert problem.fix == "Se beskrivelsen i data/schema/."


def test_problems_come_in_the_order_of_the_file():
    text = ("items:\n"
            "  - id: a\n    kind: persn\n    phone: '112'\n"
            "  - id: B\n    kind: person\n    phone: '112'\n")
    assert [p.line for p in problems_in(text)] == [3, 5]


def test_problems_come_in_the_order_of_the_file_with_numbers_compared_as_numbers():
    schema = {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "integer"}}}}
    text = "items:\n" + "".join(f"  - {'x' if index in (2, 10) else index}\n" for index in range(12))
    data, positions, _ = load_yaml(text, "data/x.yml")
    problems = schema_problems(Draft202012Validator(schema), as_json(data), "data/x.yml", positions)
    assert [problem.line for problem in problems] == [4, 12]
