"""Issue 2: the home page in both languages loads cleanly and axe finds nothing."""

import pytest

from conftest import axe_violations


@pytest.mark.parametrize("path", ["/", "/en/"])
@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_home_page_loads_cleanly_and_passes_axe(new_page, base_url, path, viewport):
    page = new_page(viewport)
    page.goto(base_url + path, wait_until="networkidle")
    assert page.console_messages_seen == []
    assert page.failed_requests_seen == []
    assert axe_violations(page) == []
