"""YAML that remembers where each value came from, so errors can name the line.

`load_yaml(text, file)` returns the data and a `Positions` map from a path such as
("contacts", 2, "phone") to its 1-based line and column. A syntax error or a key written
twice becomes a `Problem`, never an exception with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

KeyPath = tuple  # a value's place in the data: ("contacts", 2, "phone")


@dataclass
class Positions:
    lines: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: KeyPath) -> tuple[int, int]:
        """The position of the value at `path`, or of its nearest parent that exists."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, (1, 0))


class YamlSyntaxProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _walk(node, path: KeyPath, positions: Positions, problems: list[Problem], file: str, offset: int):
    positions.lines[path] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(Problem(
                    file, key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1,
                    f"Feltet '{key}' står to gange.", "Slet den ene af dem.",
                ))
            seen.add(key)
            _walk(value_node, path + (key,), positions, problems, file, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), positions, problems, file, offset)


class _ImpossibleDate(Exception):
    def __init__(self, node):
        self.node = node


def _construct_timestamp(loader, node):
    """Report an impossible date (2026-13-01) at its line instead of crashing."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        # PyYAML raises a bare ValueError without a position; editors need the line.
        raise _ImpossibleDate(node) from None


class _Loader(yaml.SafeLoader):
    """The pure-Python SafeLoader: its messages and marks are what our problems are written for."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser, about ten times faster: used first; any error is re-read by _Loader,
    whose messages and marks the editor-facing problems are written for."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _parse(text: str, loader_class):
    """Compose once and build the data from the same node tree."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


UNCLOSED_QUOTE = ("Et citationstegn på denne linje bliver ikke lukket.",
                  "Sæt det afsluttende citationstegn (\" eller ') på samme linje som det første.")
GENERAL_SYNTAX_FIX = "Tjek kolon, indrykning (mellemrum, ikke tabulator) og at citationstegn og [ ] er lukket."



def _read_hints() -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    """(where, words, message, fix) from yaml_hints.yml – the editors' texts are data, not code."""
    rows = yaml.safe_load((Path(__file__).parent / "yaml_hints.yml").read_text(encoding="utf-8"))
    return tuple((row["in"], tuple(row["when"]), *(UNCLOSED_QUOTE if row["message"] == "unclosed-quote"
                                                  else (row["message"], row["fix"]))) for row in rows)


# PyYAML's English problem texts, in words an editor can act on.
_SYNTAX_HINTS = _read_hints()


def _hint(problem: str, context: str) -> tuple[str | None, str]:
    said = {"problem": problem, "context": context}
    for where, words, message, fix in _SYNTAX_HINTS:
        if any(word in said[where] for word in words):
            return message, fix
    return None, GENERAL_SYNTAX_FIX


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> Problem:
    problem, context = (error.problem or "").strip(), (error.context or "").strip()
    runaway = _runaway_quote(text, error.problem_mark)
    if runaway:
        (message, fix), mark = UNCLOSED_QUOTE, runaway
    else:
        message, fix = _hint(problem, context)
        mark = _mark_of(error, context)
    # A mistake without a Danish hint keeps PyYAML's own words, so it can still be looked up.
    text = f"YAML kan ikke læses: {message}" if message else f"YAML kan ikke læses ({problem or 'ugyldig YAML'})."
    line = (mark.line + 1 if mark else 1) + line_offset
    return Problem(file, line, mark.column + 1 if mark else 0, text, fix)


def _mark_of(error: yaml.MarkedYAMLError, context: str):
    """Where the editor made the mistake: for an unclosed quote or bracket, or a key without
    its colon, that is where it started (the context), not where PyYAML noticed (often the
    next line or the end of the file)."""
    opened_earlier = ("quoted scalar" in context or "simple key" in context
                      or context.startswith("while parsing a flow"))
    if error.context_mark and opened_earlier:
        return error.context_mark
    return error.problem_mark or error.context_mark


def _runaway_quote(text: str, problem_mark):
    """An unclosed quote swallows the lines below it until the next quote in the file and the
    error shows up there; the quoted value that runs over lines up to the error is the culprit."""
    if problem_mark is None:
        return None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > problem_mark.line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and token.start_mark.line < token.end_mark.line == problem_mark.line):
                return token.start_mark
    except yaml.YAMLError:
        pass
    return None


def load_yaml(text: str, file: str, line_offset: int = 0) -> tuple[object, Positions, list[Problem]]:
    """Parse YAML; `line_offset` shifts line numbers (front matter starts below `---`)."""
    try:
        try:
            node, data = _parse(text, _FastLoader)
        except (yaml.YAMLError, _ImpossibleDate):
            node, data = _parse(text, _Loader)
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxProblem(_syntax_problem(error, text, file, line_offset)) from None
    except _ImpossibleDate as impossible:
        mark = impossible.node.start_mark
        raise YamlSyntaxProblem(Problem(
            file, mark.line + 1 + line_offset, mark.column + 1, f"'{impossible.node.value}' er ikke en rigtig dato.",
            "Tjek måned (01–12) og dag, og skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-28.",
        )) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxProblem(Problem(file, 1 + line_offset, 0, f"YAML kan ikke læses ({error}).",
                                        "Tjek filens opbygning.")) from None
    positions = Positions()
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), positions, problems, file, line_offset)
    return data, positions, problems


def positions_only(text: str, file: str) -> Positions:
    """Where each value of a YAML file stands, without building its data.

    For mkdocs.yml: its custom tags (`!ENV`, `!!python/name:`) cannot be built by a safe
    loader, but composing the node tree needs no constructor. MkDocs has already read the
    values; we only need their lines. A file that cannot be composed gives no positions.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return Positions()
    positions = Positions()
    if node is not None:
        _walk(node, (), positions, [], file, 0)
    return positions
