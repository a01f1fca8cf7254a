"""Unit tests of hooks/_ungvejen/, one module each, without a MkDocs build."""
