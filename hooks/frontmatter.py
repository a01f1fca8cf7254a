"""Hook: check every page's front matter and report mistakes with file and line.

Problems are warnings (one line each, all pages at once) so `mkdocs serve` keeps running
while an editor fixes them, and the strict build stops. Broken front matter is removed
from the page so it is not shown as text.
"""

from _ungvejen.data import load_site_data
from _ungvejen.frontmatter import FENCE, check, split
from _ungvejen.problems import warn
from _ungvejen.site import project_root, settings, source_path


def on_page_markdown(markdown, page, config, files):
    file = source_path(page)
    source = page.file.content_string
    front = split(source, file)
    data = load_site_data(project_root(config))
    audiences = set(settings(config).get("audiences", {}))
    tags = {word.lower() for word in data.search_words("da") | data.search_words("en")}
    for problem in check(front, file, audiences, set(data.themes), tags):
        warn(problem)
    if page.meta.get("noindex"):
        page.meta["sitemap"] = False
    if front.problems and not front.meta:
        # MkDocs could not read it either and passed it on as text: drop it from the page.
        return FENCE.sub("", markdown, count=1)
    return markdown
