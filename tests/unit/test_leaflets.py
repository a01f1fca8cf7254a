"""_ungvejen.leaflets: a parents' leaflet keeps to one page by listing fewer contacts."""

from __future__ import annotations

from _ungvejen.leaflets import LEAFLET_CONTACTS, LEAFLET_CONTACTS_AT_LEAST, fit_on_one_page
from _ungvejen.printing import PrintResult


def printer(room: int):
    """A stand-in for WeasyPrint: the "PDF" is the number of contacts; one page holds `room`."""
    printed = []

    def print_with(count: int) -> PrintResult:
        printed.append(count)
        return PrintResult(bytes([count]), 1 if count <= room else 2)

    return print_with, printed


def test_all_contacts_up_to_the_most_when_they_fit():
    print_with, printed = printer(room=20)
    leaflet = fit_on_one_page(print_with, available=3)
    assert (leaflet.contacts_shown, leaflet.fits, printed) == (3, True, [3])
    leaflet = fit_on_one_page(print_with, available=500)
    assert (leaflet.contacts_shown, leaflet.fits) == (LEAFLET_CONTACTS, True)


def test_fewer_contacts_when_the_text_leaves_less_room():
    print_with, printed = printer(room=LEAFLET_CONTACTS - 2)
    leaflet = fit_on_one_page(print_with, available=50)
    assert (leaflet.contacts_shown, leaflet.fits) == (LEAFLET_CONTACTS - 2, True)
    assert leaflet.pdf == bytes([LEAFLET_CONTACTS - 2])
    assert printed == [LEAFLET_CONTACTS, LEAFLET_CONTACTS - 1, LEAFLET_CONTACTS - 2]


def test_never_fewer_than_the_least_the_text_must_give_way():
    print_with, printed = printer(room=1)
    leaflet = fit_on_one_page(print_with, available=50)
    assert (leaflet.contacts_shown, leaflet.fits) == (LEAFLET_CONTACTS_AT_LEAST, False)
    print_with, printed = printer(room=0)
    leaflet = fit_on_one_page(print_with, available=2)
    assert (leaflet.contacts_shown, leaflet.fits, printed) == (2, False, [2])
