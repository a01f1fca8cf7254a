"""Hook: load and validate the editors' data files (data/*.yml) before anything is built.

All data problems are reported at once, each with file, line, field and fix, and stop the
build (a `PluginError`, so no traceback). Later hooks read the same validated, cached data.
"""

from _ungvejen.data import load_site_data
from _ungvejen.problems import forget_warnings
from _ungvejen.site import is_first_language_build, project_root


def on_config(config):
    if is_first_language_build(config):
        forget_warnings()
        load_site_data(project_root(config), revalidate=True)
    return config
