"""Hook: leave the theme's source maps out of the site.

Material ships a `.map` beside each of its minified scripts and stylesheets (about 1 MB in
all). They are for developers reading Material's own sources; a public site has no use for
them, and publishing them only makes every release bigger. They are taken out of the files
MkDocs copies, so they are never written.
"""


def on_files(files, config):
    for file in list(files):
        if file.src_uri.endswith(".map"):
            files.remove(file)
    return files
