"""_ungvejen.yamlsource: YAML with positions; every syntax error a Danish Problem at the line
and column where the editor made the mistake."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from _ungvejen.problems import Problem
from _ungvejen.yamlsource import Positions, YamlSyntaxProblem, load_yaml, positions_only

UNCLOSED = "YAML kan ikke læses: Et citationstegn på denne linje bliver ikke lukket."


def syntax_problem(text: str, line_offset: int = 0) -> Problem:
    with pytest.raises(YamlSyntaxProblem) as raised:
        load_yaml(text, "data/x.yml", line_offset=line_offset)
    return raised.value.problem


def test_data_and_positions():
    data, positions, problems = load_yaml("navn: Keld\nliste:\n  - a\n  - b: 2\n", "data/x.yml")
    assert data == {"navn": "Keld", "liste": ["a", {"b": 2}]}
    assert problems == []
    assert positions.lines == {
        (): (1, 1), ("navn",): (1, 7), ("liste",): (3, 3),
        ("liste", 0): (3, 5), ("liste", 1): (4, 5), ("liste", 1, "b"): (4, 8),
    }


def test_dates_are_dates():
    data, _, _ = load_yaml("reviewed: 2026-11-28\n", "f")
    assert data == {"reviewed": dt.date(2026, 11, 28)}


# Built while the positions are noted (texts, lists and groups by our walk, other values by
# PyYAML's constructor; merge keys, sets and other tagged groups by PyYAML alone): the same data.
AS_PYYAML_BUILDS = [
    "a: 1\nb: [x, 2.5, true, ~, 2026-11-28, '2026-11-28']\nc: {d: e}\n",
    "1: eins\ntrue: ja\n2026-11-28: dato\n'1': tekst\n",
    "base: &b {x: 1, y: 2}\nfirst: {<<: *b, y: 3}\nlist: [*b, *b]\n",
    "a: 1\na: 2\n",
    "s: !!set {a, b}\n",
    "o: !!omap [a: 1, b: 2]\n",
    "tagged: !!str 12\nlist: !!seq [a]\nmap: !!map {a: b}\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
    "- a\n- [b, [c, {d: [e]}]]\n",
    "just a text\n",
    "12\n",
]


@pytest.mark.parametrize("text", AS_PYYAML_BUILDS)
def test_the_data_is_what_pyyaml_builds(text):
    data, positions, _ = load_yaml(text, "data/x.yml")
    assert data == yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert positions.lines[()] == (1, 1)


def test_empty_text():
    data, positions, problems = load_yaml("", "f")
    assert (data, positions.lines, problems) == (None, {}, [])


def test_positions_of_falls_back_to_the_nearest_parent():
    positions = Positions({(): (1, 1), ("a",): (2, 3)})
    assert positions.of(("a", 0, "x")) == (2, 3)
    assert positions.of(["a"]) == (2, 3)
    assert positions.of(("b",)) == (1, 1)
    assert Positions().of(("z",)) == (1, 0)


def test_line_offset_shifts_lines():
    _, positions, _ = load_yaml("a: 1\nb: 2\n", "f", line_offset=1)
    assert positions.of(("b",)) == (3, 4)


def test_unclosed_quote_is_reported_at_the_line_it_opens():
    # The quote on line 2 swallows line 3 and PyYAML notices at line 4 ("x" closes it there).
    problem = syntax_problem('a: 1\nb: "hej\nc: 2\nd: "x"\ne: 3\n')
    assert (problem.file, problem.line, problem.column) == ("data/x.yml", 2, 4)
    assert problem.message == UNCLOSED
    assert "afsluttende citationstegn" in problem.fix


def test_unclosed_quote_at_the_end_of_the_file():
    problem = syntax_problem('a: 1\nb: "hej\nc: 2\n')
    assert (problem.line, problem.column, problem.message) == (2, 4, UNCLOSED)


def test_unclosed_single_quote_in_front_matter_counts_the_fence_line():
    problem = syntax_problem("title: 'Hej\ndescription: x\naudiences: ['unge']\n", line_offset=1)
    assert (problem.line, problem.column, problem.message) == (2, 8, UNCLOSED)


def test_tab_indentation():
    problem = syntax_problem("a:\n  b: 1\n\tc: 2\n")
    assert (problem.line, problem.column) == (3, 1)
    assert problem.message == "YAML kan ikke læses: Der er et tabulatortegn (tab) i indrykningen."
    assert problem.fix == "Ryk linjen ind med mellemrum i stedet for tabulator."


def test_duplicate_key_is_a_problem_at_the_second_key():
    data, _, problems = load_yaml("a: 1\nb: 2\n  \na: 3\n", "data/x.yml")
    assert data == {"a": 3, "b": 2}
    assert problems == [Problem("data/x.yml", 4, 1, "Feltet 'a' står to gange.", "Slet den ene af dem.")]


def test_duplicate_key_inside_a_list_item():
    _, _, problems = load_yaml("items:\n  - id: a\n    id: b\n", "f", line_offset=1)
    assert [(p.line, p.column, p.message) for p in problems] == [(4, 5, "Feltet 'id' står to gange.")]


def test_impossible_date():
    problem = syntax_problem("a: 1\nreviewed: 2026-13-01\n")
    assert (problem.line, problem.column) == (2, 11)
    assert problem.message == "'2026-13-01' er ikke en rigtig dato."
    assert "ÅÅÅÅ-MM-DD" in problem.fix


def test_impossible_date_in_front_matter():
    assert syntax_problem("reviewed: 2026-02-30\n", line_offset=1).line == 2


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    ("a: [1, 2\nb: 3\n", 1, 4, "En liste, der starter med [ på denne linje, bliver ikke lukket med ]."),
    ("a: {b: 1\nc: 2\n", 1, 4, "En gruppe, der starter med { på denne linje, bliver ikke lukket rigtigt."),
    ("a: 1\nb: x: y\n", 2, 5, "Et kolon står et sted, hvor det ikke må stå."),
    ("a:\n  b: 1\n c: 2\n", 3, 2, "Indrykningen passer ikke med linjerne over."),
    ("a: 1\nb\nc: 2\n", 2, 1, "Der mangler et kolon efter feltets navn."),
    ("a: 1\n---\nb: 2\n", 2, 1, "Der står en linje med --- midt i filen."),
    ("a: *x\n", 1, 4, "Værdien starter med et tegn, der betyder noget særligt i YAML (fx *, &, @ eller `)."),
    ("a: @x\n", 1, 4, "Værdien starter med et tegn, der betyder noget særligt i YAML (fx *, &, @ eller `)."),
])
def test_syntax_errors_in_danish(text, line, column, message):
    problem = syntax_problem(text)
    assert (problem.line, problem.column, problem.message) == (line, column, f"YAML kan ikke læses: {message}")


def test_unknown_syntax_error_keeps_pyyamls_words():
    problem = syntax_problem("a: 1\n? [\n")
    assert problem.message == "YAML kan ikke læses (expected the node content, but found '<stream end>')."
    assert problem.fix.startswith("Tjek kolon, indrykning")
    assert problem.line == 3


def test_a_syntax_problem_reads_as_one_line():
    text = str(syntax_problem("a:\n\tb: 1\n"))
    assert text == ("data/x.yml:2:1: YAML kan ikke læses: Der er et tabulatortegn (tab) i indrykningen. "
                    "Sådan retter du: Ryk linjen ind med mellemrum i stedet for tabulator.")
    assert "Traceback" not in text


def test_positions_only_reads_files_with_custom_tags():
    text = (
        "site_name: x\n"
        "extra:\n"
        "  ungvejen:\n"
        "    exit_url: !ENV [UNGVEJEN_EXIT_URL, \"https://www.dmi.dk/\"]\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    positions = positions_only(text, "mkdocs.yml")
    assert positions.of(("extra", "ungvejen", "exit_url")) == (4, 15)
    assert positions.of(("extra", "ungvejen", "exit_url", 1)) == (4, 40)
    assert positions.of(("markdown_extensions", 0, "pymdownx.emoji", "emoji_index")) == (7, 20)
    # A safe loader could not build this file's data.
    with pytest.raises(YamlSyntaxProblem):
        load_yaml(text, "mkdocs.yml")


def test_positions_only_of_a_broken_file_is_empty():
    assert positions_only("a: [\n", "mkdocs.yml").lines == {}
    assert positions_only("", "mkdocs.yml").lines == {}


# -- issue 14: hostile YAML gives a problem at its line, never a traceback or a hang -------------

def test_an_alias_that_contains_itself_is_a_problem_at_the_alias():
    problem = syntax_problem("contacts:\n  - id: a\n    themes: &t [alle, *t]\n")
    assert (problem.file, problem.line, problem.column) == ("data/x.yml", 3, 23)
    assert "*t" in problem.message and "sig selv" in problem.message
    assert "Traceback" not in str(problem)


def test_an_alias_inside_its_own_mapping_is_a_problem():
    problem = syntax_problem("a: &m\n  b: 1\n  c: *m\n", line_offset=1)
    assert (problem.line, problem.column) == (4, 6)


def test_an_alias_bomb_is_stopped_at_the_alias_quickly():
    import time

    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 7):
        aliases = ", ".join([f"*a{level - 1}"] * 10)
        levels.append(f"a{level}: &a{level} [{aliases}]")
    started = time.perf_counter()
    problem = syntax_problem("\n".join(levels) + "\n")
    assert time.perf_counter() - started < 5
    assert problem.line in range(2, 8) and problem.column > 0
    assert "for mange" in problem.message


def test_a_few_aliases_are_fine():
    data, positions, problems = load_yaml("a: &l [unge, foraeldre]\nb: *l\nc: *l\n", "f")
    assert data == {"a": ["unge", "foraeldre"], "b": ["unge", "foraeldre"], "c": ["unge", "foraeldre"]}
    assert positions.of(("c",)) == (1, 4) and problems == []


@pytest.mark.parametrize("text", [
    "a: " + "[" * 2000 + "]" * 2000 + "\n",
    "a: " + "[" * 200 + "]" * 200 + "\n",
    "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(300)) + "  " * 300 + "v: 1\n",
])
def test_deep_nesting_is_a_problem(text):
    problem = syntax_problem(text)
    assert problem.line >= 1 and "dybt" in problem.message


def test_a_number_as_field_name_has_its_own_position():
    data, positions, _ = load_yaml("a:\n  1: x\n  2.5: y\n", "f")
    assert data == {"a": {1: "x", 2.5: "y"}}
    assert positions.of(("a", 1)) == (2, 6)
    assert positions.of(("a", 2.5)) == (3, 8)


def test_a_control_character_is_a_problem_at_its_line():
    problem = syntax_problem("a: 1\nb: x\x00y\n")
    assert (problem.line, problem.column) == (2, 5)
    assert problem.message == "Filen indeholder et usynligt styretegn (U+0000), som ikke må stå i en tekstfil."
    assert "\n" not in str(problem)


@pytest.mark.parametrize("tag", ["!ENV [X]", "!!python/object/apply:os.system [ls]", "!ukendt x"])
def test_a_yaml_tag_is_a_problem_in_danish(tag):
    problem = syntax_problem(f"a: 1\nb: {tag}\n")
    assert (problem.line, problem.column) == (2, 4)
    assert problem.message.startswith("YAML kan ikke læses: Mærket '!")
    assert "\n" not in str(problem)


def test_a_number_too_long_for_python_is_a_problem():
    problem = syntax_problem("a: 1\nphone: " + "9" * 5000 + "\n")
    assert (problem.line, problem.column, problem.message) == (2, 8, "Tallet på 5000 cifre er for langt.")
