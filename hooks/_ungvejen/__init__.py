"""Shared code for UngVejen's MkDocs hooks.

Knows no MkDocs events: hooks call into it, and talk to each other only through it.
Loaded as a top-level package because MkDocs imports hook modules by file path
(`hooks/` is on sys.path while a hook module is imported).
"""
