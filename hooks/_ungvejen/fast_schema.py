"""A first, fast pass of data against its JSON Schema: valid, or look closer.

The Python validator (jsonschema) takes about a second for 5,000 contacts; jsonschema-rs,
compiled, a few milliseconds. Its answer is only a yes or a no: on a no – or on data it cannot
take, such as a field named by a number – the Python validator finds the errors and
schema_errors.py words them for the editor, exactly as before. So the fast pass must never say
yes where Python says no:
- formats (date, email) are checked by the Python validator's own format checkers;
- no reference is fetched: a schema that refers to anything outside itself gets no fast pass;
- the patterns in data/schema/ are written to mean the same in both regex engines (no `\\s`
  where the two disagree); tests/unit/test_fast_schema.py holds them to it, code point by code
  point, and holds the whole corpus of careless data to the same problems with and without it.
"""

from __future__ import annotations

import json
from functools import lru_cache

from jsonschema import Draft202012Validator

_FORMATS = Draft202012Validator.FORMAT_CHECKER


def passes(schema: dict, data) -> bool:
    """True only when `data` is valid against `schema`; False means: ask the Python validator."""
    validator = _compiled(json.dumps(schema, sort_keys=True))
    if validator is None:
        return False
    try:
        return validator.is_valid(data)
    except (ValueError, TypeError, OverflowError, UnicodeError):
        return False  # data JSON has no word for (a number as a field name, a set, a lone surrogate)


def _refuse(uri: str):
    raise ValueError(f"the build fetches nothing: {uri}")


def _python_format(name: str):
    return lambda value: _FORMATS.conforms(value, name)


@lru_cache(maxsize=32)
def _compiled(schema_text: str):
    """The compiled validator of a schema (by its text), or None when it cannot be compiled."""
    try:
        import jsonschema_rs
    except ImportError:  # a machine set up before the fast pass came: everything still works, slower
        return None
    try:
        return jsonschema_rs.Draft202012Validator(
            json.loads(schema_text), validate_formats=True, ignore_unknown_formats=False,
            formats={name: _python_format(name) for name in _FORMATS.checkers},
            retriever=_refuse)
    except Exception:  # noqa: BLE001 – any schema it cannot compile is left to the Python validator
        return None
