"""Editor-facing problems: one line each, with file, line, what is wrong and how to fix it.

Messages are in Danish because the people who read them are the municipality's editors.
A problem never carries a Python traceback: hooks turn a list of problems into one
`PluginError` (data that cannot be used) or into warnings (which stop a strict build;
`BuildState.warn` gives each once per build).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        fix = f" Sådan retter du: {self.fix}" if self.fix else ""
        return f"{where}: {self.message}{fix}"


class ProblemReport(PluginError):
    """Stops the build with every problem listed, one per line."""

    def __init__(self, problems: list[Problem], heading: str):
        self.problems = sorted(set(problems))
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{heading} ({len(self.problems)}):\n{lines}")
