"""YAML that remembers where each value came from, so errors can name the line.

`load_yaml(text, file)` returns the data and a `Positions` map from a path such as
("contacts", 2, "phone") to its 1-based line and column. A syntax error or a key written
twice becomes a `Problem`, never an exception with a traceback.

Aliases (`*navn`, a copy of the value marked `&navn`) are checked while the file is read: an
alias inside its own value (`themes: &t [alle, *t]`) would never end, and a few aliases of
aliases (an "alias bomb") can stand for millions of values; both are a problem at the alias.
So is nesting deeper than any of our files needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

KeyPath = tuple  # a value's place in the data: ("contacts", 2, "phone")

# Values that aliases may add to a file, all aliases together (a copy of a short list on every
# one of 5,000 contacts is 20,000), and the deepest nesting a file may have (ours need 5).
MAX_ALIAS_VALUES = 100_000
MAX_DEPTH = 50


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


class _AliasProblem(yaml.YAMLError):
    """An alias that refers to itself, aliases that add too many values, or too deep nesting.
    `mark` is None when noticed after libyaml read the file: the file is read again by
    _Loader, whose composer notices it at the alias itself."""

    def __init__(self, message: str, fix: str, mark=None):
        super().__init__(message)
        self.message, self.fix, self.mark = message, fix, mark


def _self_alias(anchor: str) -> tuple[str, str]:
    return (f"Aliaset '*{anchor}' henviser til sig selv: det står inde i værdien med '&{anchor}', så den aldrig ender.",
            f"Skriv værdierne ud i stedet for '*{anchor}', eller flyt '*{anchor}' ud af værdien med '&{anchor}'.")


TOO_MANY_ALIAS_VALUES = ("Aliaser (*navn) står for for mange værdier i alt "
                         f"(over {MAX_ALIAS_VALUES:,}".replace(",", ".") + "); filen kan ikke læses.",
                         "Skriv værdierne ud, og brug kun * til at gentage korte lister.")
TOO_DEEP = (f"Værdierne er indrykket eller sat i [ ] / {{ }} for dybt (mere end {MAX_DEPTH} niveauer).",
            "Tjek indrykningen og at hver [ og { bliver lukket; ingen af vores felter ligger så dybt.")


def _scalar_key(node):
    """A key written as a number, true/false or a date is not a text in the data: 1, True."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return _Loader(node.value).get_single_data()
    except (yaml.YAMLError, _UnreadableValue, TypeError):
        return node.value


STR_TAG, MAP_TAG, SEQ_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
MERGE_TAG = "tag:yaml.org,2002:merge"


class _NotPlain(Exception):
    """A `<<:` merge key, a set or another tagged group: left to PyYAML's own constructor."""


class _Walk:
    """Walks the node tree once, noting positions; an alias is walked again for each use (its
    values have the alias's paths), so the values aliases add are counted and limited.

    Given the loader, the walk also builds the data, as PyYAML's constructor would: building
    in the same pass saves a second walk through every node (5,000 contacts: a third of the
    time YAML takes). Texts, lists and groups are built here, other values (numbers, dates,
    true/false) by the loader's constructor; anything less plain raises _NotPlain."""

    def __init__(self, positions: Positions, problems: list[Problem], file: str, offset: int, loader=None):
        self.positions, self.problems, self.file, self.offset = positions, problems, file, offset
        self.loader = loader
        self.seen: set[int] = set()
        self.open: set[int] = set()
        self.repeated = 0

    def walk(self, node, path: KeyPath, depth: int = 0):
        if id(node) in self.open:
            raise _AliasProblem(*_self_alias("?"))
        if id(node) in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_VALUES:
                raise _AliasProblem(*TOO_MANY_ALIAS_VALUES)
        if depth > MAX_DEPTH:
            raise _AliasProblem(*TOO_DEEP)
        self.seen.add(id(node))
        offset = self.offset
        self.positions.lines[path] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            self.open.add(id(node))
            seen: set = set()
            built = self._group(node)
            for key_node, value_node in node.value:
                key = _scalar_key(key_node)
                if not isinstance(key_node, yaml.ScalarNode):
                    key = "?"  # a list or a group as a field name: the constructor reports it
                if key in seen:
                    self.problems.append(Problem(
                        self.file, key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1,
                        f"Feltet '{key}' står to gange.", "Slet den ene af dem.",
                    ))
                seen.add(key)
                value = self.walk(value_node, path + (key,), depth + 1)
                if built is not None:
                    built[key_node.value if key_node.tag == STR_TAG else self.loader.construct_object(key_node)] = value
            self.open.discard(id(node))
            return built
        if isinstance(node, yaml.SequenceNode):
            self.open.add(id(node))
            built = self._list(node)
            for index, item in enumerate(node.value):
                value = self.walk(item, path + (index,), depth + 1)
                if built is not None:
                    built.append(value)
            self.open.discard(id(node))
            return built
        if self.loader is None:
            return None
        return node.value if node.tag == STR_TAG else self.loader.construct_object(node)

    def _group(self, node) -> dict | None:
        if self.loader is None:
            return None
        if node.tag != MAP_TAG or any(key.tag == MERGE_TAG or not isinstance(key, yaml.ScalarNode) for key, _ in node.value):
            raise _NotPlain
        return {}

    def _list(self, node) -> list | None:
        if self.loader is None:
            return None
        if node.tag != SEQ_TAG:
            raise _NotPlain
        return []


def _walk(node, path: KeyPath, positions: Positions, problems: list[Problem], file: str, offset: int):
    _Walk(positions, problems, file, offset).walk(node, path)


class _UnreadableValue(Exception):
    """A date or number PyYAML cannot turn into a value: it raises a bare ValueError, without
    a position; editors need the line."""
    def __init__(self, node, message: str = "", fix: str = ""):
        self.node = node
        self.message = message or f"'{node.value}' er ikke en rigtig dato."
        self.fix = fix or "Tjek måned (01–12) og dag, og skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-28."


def _construct_timestamp(loader, node):
    """Report an impossible date (2026-13-01) at its line instead of crashing."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        # PyYAML raises a bare ValueError without a position; editors need the line.
        raise _UnreadableValue(node) from None


def _construct_int(loader, node):
    """A number of thousands of digits is more than Python turns into a number: a bare ValueError."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        raise _UnreadableValue(node, f"Tallet på {len(node.value)} cifre er for langt.",
                              "Sæt citationstegn om det, hvis det er en tekst, eller ret tallet.") from None


class _Loader(yaml.SafeLoader):
    """The pure-Python SafeLoader: its messages and marks are what our problems are written for.

    Its composer also checks aliases and nesting as it goes, so a problem names the alias."""

    def compose_document(self):
        self._open_anchors: list[str] = []
        self._sizes: dict[int, int] = {}   # id(node) -> values it stands for, aliases expanded
        self._alias_values = 0
        return super().compose_document()

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open_anchors:
                raise _AliasProblem(*_self_alias(event.anchor), mark=event.start_mark)
            node = super().compose_node(parent, index)
            self._alias_values += self._sizes.get(id(node), 1)
            if self._alias_values > MAX_ALIAS_VALUES:
                raise _AliasProblem(*TOO_MANY_ALIAS_VALUES, mark=event.start_mark)
            return node
        if len(self._open_anchors) > MAX_DEPTH:
            raise _AliasProblem(*TOO_DEEP, mark=event.start_mark)
        self._open_anchors.append(event.anchor)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._open_anchors.pop()
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = ()
        self._sizes[id(node)] = 1 + sum(self._sizes.get(id(child), 1) for child in children)
        return node


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser, about ten times faster: used first; any error is re-read by _Loader,
    whose messages and marks the editor-facing problems are written for."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_FastLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _parse(text: str, loader_class, file: str = "", line_offset: int = 0):
    """Compose once, walk the node tree (positions, keys written twice, aliases), then build the
    data from the same tree: walked first, because building merges `<<:` keys into the tree and
    an alias bomb is never built."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        positions = Positions()
        problems: list[Problem] = []
        if node is None:
            return None, None, positions, problems
        try:
            data = _Walk(positions, problems, file, line_offset, loader).walk(node, ())
        except _NotPlain:
            positions, problems = Positions(), []
            _walk(node, (), positions, problems, file, line_offset)
            data = loader.construct_document(node)
        return node, data, positions, problems
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


def _read(text: str, loader_class, file: str, line_offset: int):
    _, data, positions, problems = _parse(text, loader_class, file, line_offset)
    return data, positions, problems


def load_yaml(text: str, file: str, line_offset: int = 0) -> tuple[object, Positions, list[Problem]]:
    """Parse YAML; `line_offset` shifts line numbers (front matter starts below `---`)."""
    try:
        try:
            return _read(text, _FastLoader, file, line_offset)
        except (yaml.YAMLError, _UnreadableValue):
            return _read(text, _Loader, file, line_offset)
    except _AliasProblem as alias:
        mark = alias.mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        raise YamlSyntaxProblem(Problem(file, line + line_offset, column, alias.message, alias.fix)) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        raise YamlSyntaxProblem(Problem(
            file, line + line_offset, column,
            f"Filen indeholder et usynligt styretegn (U+{ord(character):04X}), som ikke må stå i en tekstfil.",
            "Slet tegnet (det kommer ofte med, når tekst kopieres): slet og skriv linjen igen.")) from None
    except yaml.constructor.ConstructorError as error:
        if error.problem and "constructor for the tag" in error.problem:
            mark = error.problem_mark
            tag = re.search(r"'([^']*)'", error.problem)
            tag = (tag.group(1) if tag else "!").replace("tag:yaml.org,2002:", "!!")
            raise YamlSyntaxProblem(Problem(
                file, mark.line + 1 + line_offset, mark.column + 1,
                f"YAML kan ikke læses: Mærket '{tag}' kan ikke bruges i vores filer.",
                "Slet mærket (ordet, der starter med !), og skriv værdien som almindelig tekst.")) from None
        if error.problem and "unhashable key" in error.problem and error.problem_mark:
            mark = error.problem_mark
            raise YamlSyntaxProblem(Problem(
                file, mark.line + 1 + line_offset, mark.column + 1,
                "YAML kan ikke læses: Et feltnavn er en liste eller en gruppe; et feltnavn skal være et ord.",
                "Skriv feltet som  navn: værdi  (fjern [ ] eller { } og ? foran navnet).")) from None
        raise YamlSyntaxProblem(_syntax_problem(error, text, file, line_offset)) from None
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxProblem(_syntax_problem(error, text, file, line_offset)) from None
    except _UnreadableValue as impossible:
        mark = impossible.node.start_mark
        raise YamlSyntaxProblem(Problem(
            file, mark.line + 1 + line_offset, mark.column + 1, impossible.message, impossible.fix)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxProblem(Problem(file, 1 + line_offset, 0, f"YAML kan ikke læses ({' '.join(str(error).split())}).",
                                        "Tjek filens opbygning.")) from None
    except RecursionError:
        raise YamlSyntaxProblem(Problem(file, 1 + line_offset, 0, *TOO_DEEP)) from None


def positions_only(text: str, file: str) -> Positions:
    """Where each value of a YAML file stands, without building its data.

    For mkdocs.yml: its custom tags (`!ENV`, `!!python/name:`) cannot be built by a safe
    loader, but composing the node tree needs no constructor. MkDocs has already read the
    values; we only need their lines. A file that cannot be composed gives no positions.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
        positions = Positions()
        if node is not None:
            _walk(node, (), positions, [], file, 0)
    except (yaml.YAMLError, RecursionError):
        return Positions()
    return positions
