"""Hook: review dates on every page, and a warning when a page is past its review date.

Near the end of the content: "Sidst gennemgået 20. november 2026 · Næste gennemgang senest
20. maj 2027" (Babel, in the page's language), from partials/ung/review-date.html. A page
past its due date is a build warning (an error when `extra.ungvejen.overdue_is_error`).
Because a static page does not change until the next build, review.js swaps in "Denne side
kan være forældet" in the browser once the due date has passed.
"""

from mkdocs.exceptions import PluginError

from _ungvejen.formatting import long_date
from _ungvejen.problems import Problem, warn
from _ungvejen.review import due_date, today
from _ungvejen.site import current_language, settings, source_path
from _ungvejen.strings import translator
from _ungvejen.templates import render


def on_page_content(html, page, config, files):
    due = due_date(page.meta, settings(config).get("audiences", {}))
    if due is None:
        return html
    page.meta["review_due"] = due
    if due < today():
        problem = Problem(source_path(page), 1, 0,
                          f"Siden skulle have været gennemgået senest {due.isoformat()}.",
                          "Læs siden igennem, ret det, der er forældet, og sæt reviewed: til dagens dato.")
        if settings(config).get("overdue_is_error"):
            raise PluginError(str(problem))
        warn(problem)
    language = current_language(config)
    t = translator(config)
    line = render(config, "review-date.html", t=t,
                  reviewed=long_date(page.meta["reviewed"], language), due=long_date(due, language),
                  due_iso=due.isoformat(), ui_language=language,
                  outdated=t("review.outdated", date=long_date(due, language)))
    return html + line
