"""_ungvejen.problems: one line per problem, and one report that stops the build."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from _ungvejen.problems import Problem, ProblemReport


def test_problem_reads_as_file_line_column_message_and_fix():
    problem = Problem("data/contacts.yml", 14, 9, "Id'et 'x' er brugt to gange.", "Giv hvert punkt sit eget id.")
    assert str(problem) == ("data/contacts.yml:14:9: Id'et 'x' er brugt to gange. "
                            "Sådan retter du: Giv hvert punkt sit eget id.")


def test_problem_without_column_or_fix():
    assert str(Problem("docs/x.md", 1, 0, "Siden mangler front matter.")) == "docs/x.md:1: Siden mangler front matter."


def test_problems_sort_by_file_then_line_then_column():
    problems = [Problem("b.yml", 1, 1, "x"), Problem("a.yml", 10, 1, "x"), Problem("a.yml", 2, 5, "x"),
                Problem("a.yml", 2, 3, "x")]
    assert [(p.file, p.line, p.column) for p in sorted(problems)] == [
        ("a.yml", 2, 3), ("a.yml", 2, 5), ("a.yml", 10, 1), ("b.yml", 1, 1)]


def test_report_lists_each_problem_once_sorted_and_counted():
    first = Problem("data/a.yml", 3, 1, "Tredje linje.", "Ret den.")
    second = Problem("data/a.yml", 1, 0, "Første linje.")
    report = ProblemReport([first, second, first], "Fejl i datafilerne")
    assert isinstance(report, PluginError)
    assert report.problems == [second, first]
    assert str(report) == ("Fejl i datafilerne (2):\n"
                           "  data/a.yml:1: Første linje.\n"
                           "  data/a.yml:3:1: Tredje linje. Sådan retter du: Ret den.")
