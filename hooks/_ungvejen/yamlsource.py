"""YAML that remembers where each value came from, so errors can name the line.

`load_yaml(text, file)` returns the data and a `Positions` map from a path such as
("contacts", 2, "phone") to its 1-based line and column. A syntax error or a key written
twice becomes a `Problem`, never an exception with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .problems import Problem

Path = tuple


@dataclass
class Positions:
    lines: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path) -> tuple[int, int]:
        """The position of the value at `path`, or of its nearest parent that exists."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, (1, 0))


class YamlSyntaxProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _walk(node, path: Path, positions: Positions, problems: list[Problem], file: str, offset: int):
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


def load_yaml(text: str, file: str, line_offset: int = 0) -> tuple[object, Positions, list[Problem]]:
    """Parse YAML; `line_offset` shifts line numbers (front matter starts below `---`)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 0
        what = (error.problem or "ugyldig YAML").strip()
        raise YamlSyntaxProblem(Problem(
            file, line, column, f"YAML kan ikke læses ({what}).",
            "Tjek kolon, indrykning (mellemrum, ikke tabulator) og at citationstegn og [ ] er lukket.",
        )) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxProblem(Problem(file, 1 + line_offset, 0, f"YAML kan ikke læses ({error}).",
                                        "Tjek filens opbygning.")) from None
    positions = Positions()
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), positions, problems, file, line_offset)
    return data, positions, problems
