"""Hook: give every link in the content its full address for print.

The print stylesheet writes a link's address after its text, so a printed page (a handout,
a lesson plan) still says where to go. Relative links mean nothing on paper, so each
internal link gets `data-print-href` with its absolute https://www.ungvejen.dk/... address.
"""

import re
from urllib.parse import urljoin

LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>[^"#][^"]*)"')
SKIP = ("http://", "https://", "mailto:", "tel:", "sms:", "#")


def on_page_content(html, page, config, files):
    if not config.site_url:
        return html
    base = urljoin(config.site_url, page.url)

    def absolute(match):
        href = match["href"]
        if href.startswith(SKIP) or "data-print-href" in match["before"]:
            return match.group(0)
        return f'{match.group(0)} data-print-href="{urljoin(base, href)}"'

    return LINK.sub(absolute, html)
