"""_ungvejen.editor_notes: `!!! redaktoer` blocks are taken out of a page and kept for the report."""

from _ungvejen.editor_notes import EditorNote, split

PAGE = """# Tilgængelighed

Tekst før.

!!! redaktoer "Til redaktøren"
    Indsæt linket til erklæringen
    fra WAS-værktøjet.

Tekst efter.
"""


def test_a_note_is_removed_and_every_other_line_keeps_its_number():
    markdown, notes = split(PAGE, first_line=7)
    assert notes == [EditorNote(11, "Til redaktøren", "Indsæt linket til erklæringen fra WAS-værktøjet.")]
    assert "redaktoer" not in markdown and "WAS" not in markdown
    assert markdown.split("\n")[8] == "Tekst efter." and len(markdown.split("\n")) == len(PAGE.split("\n"))


def test_collapsible_and_untitled_notes_are_removed_too():
    markdown, notes = split("???+ redaktoer\n    Ring til SSP om åbningstider.\nSlut.\n")
    assert [note.text for note in notes] == ["Ring til SSP om åbningstider."] and notes[0].title == ""
    assert markdown == "\n\nSlut.\n"


def test_other_admonitions_and_notes_in_code_are_left_alone():
    source = ('!!! note "Til læseren"\n    Bliv.\n\n```markdown\n!!! redaktoer "Eksempel"\n    Vises som kode.\n```\n'
              '~~~\n!!! redaktoer\n~~~\n')
    markdown, notes = split(source)
    assert notes == [] and markdown == source


def test_a_note_at_the_end_of_the_page():
    markdown, notes = split("Tekst.\n\n!!! redaktoer \"Mangler\"\n    Åbningstider fra kommunen.")
    assert notes[0].line == 3 and markdown == "Tekst.\n\n\n"
