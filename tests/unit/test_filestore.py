"""_ungvejen.filestore: made files are hard links to a read-only store, or files of their own."""

from __future__ import annotations

import os
import stat

from _ungvejen.filestore import MadeFileStore, content_key


def test_a_made_file_is_a_link_to_the_store_and_the_same_bytes_are_stored_once(tmp_path):
    store, site = MadeFileStore(tmp_path / "store"), tmp_path / "site"
    site.mkdir()
    store.place(b"BEGIN:VCARD\r\n", site / "a.vcf")
    store.place(b"BEGIN:VCARD\r\n", site / "b.vcf")
    assert (site / "a.vcf").read_bytes() == (site / "b.vcf").read_bytes() == b"BEGIN:VCARD\r\n"
    assert os.path.samefile(site / "a.vcf", tmp_path / "store" / content_key(b"BEGIN:VCARD\r\n"))
    assert os.path.samefile(site / "a.vcf", site / "b.vcf")
    assert not stat.S_IMODE((tmp_path / "store" / content_key(b"BEGIN:VCARD\r\n")).stat().st_mode) & 0o222, "read-only"
    assert len(list((tmp_path / "store").iterdir())) == 1


def test_placing_new_bytes_over_an_old_link_never_changes_the_store(tmp_path):
    store, site = MadeFileStore(tmp_path / "store"), tmp_path / "site"
    site.mkdir()
    store.place(b"old", site / "x.ics")
    store.place(b"new", site / "x.ics")
    assert (site / "x.ics").read_bytes() == b"new"
    assert (tmp_path / "store" / content_key(b"old")).read_bytes() == b"old"


def test_without_a_usable_store_the_file_is_written_as_a_file_of_its_own(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the store should be", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    for store in (MadeFileStore(blocked / "store"), MadeFileStore(None)):
        store.place(b"pdf", site / "lektion.pdf")
        assert (site / "lektion.pdf").read_bytes() == b"pdf"
        assert (site / "lektion.pdf").stat().st_nlink == 1
