"""Hook: review dates on every page, and a warning when a page is past its review date.

Near the end of the content: "Sidst gennemgået 20. november 2026 · Næste gennemgang senest
20. maj 2027" (Babel, in the page's language), from partials/ung/review-date.html. The due
date was worked out once, when the front matter was read (the page's record in the build
state). A page past its due date is a build warning (an error when
`extra.ungvejen.overdue_is_error`). Because a static page does not change until the next
build, review.js swaps in "Denne side kan være forældet" in the browser once the due date
has passed.
"""

from mkdocs.exceptions import PluginError

from _ungvejen.build import build_state
from _ungvejen.formatting import long_date
from _ungvejen.problems import Problem


def on_page_content(html, page, config, files):
    state = build_state(config)
    record = state.record(page)
    if record is None or record.due is None:
        return html
    due = record.due
    if record.overdue:
        problem = Problem(record.source, 1, 0, f"Siden skulle have været gennemgået senest {due.isoformat()}.",
                          "Læs siden igennem, ret det, der er forældet, og sæt reviewed: til dagens dato.")
        if state.settings.overdue_is_error:
            raise PluginError(str(problem))
        state.warn(problem)
    language = state.language
    t = state.translator(language)
    return html + state.render("review-date.html", strings=language,
                               reviewed=long_date(record.meta["reviewed"], language), due=long_date(due, language),
                               due_iso=due.isoformat(), ui_language=language,
                               outdated=t("review.outdated", date=long_date(due, language)))
