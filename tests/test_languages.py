"""Issue 2: adding a language is configuration plus files – a right-to-left language works."""

from htmlkit import parse
from sitekit import make_project, run_build


def test_a_third_right_to_left_language(tmp_path):
    project = make_project(
        tmp_path,
        pages={"docs/index.ar.md": """
            ---
            title: الصفحة الرئيسية
            description: موقع اختبار صغير بثلاث لغات لاختبار الكتابة من اليمين إلى اليسار.
            audiences: [unge]
            reviewed: 2026-11-20
            ---
            # الصفحة الرئيسية

            اقرأ عن [المخدرات](temaer/rusmidler.md).
            """},
        data={"data/tags.yml": "da: [forside]\nen: [front page]\n"},
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("    - locale: en\n", "    - locale: ar\n      name: العربية\n      build: true\n    - locale: en\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.ok, result.output
    for page in ("ar/index.html", "ar/temaer/rusmidler/index.html"):
        document = parse(tmp_path / "site" / page)
        assert document.first("html").attrs["lang"] == "ar", page
        assert document.first("body").attrs["dir"] == "rtl", page
    danish = parse(tmp_path / "site" / "index.html")
    assert danish.first("html").attrs["lang"] == "da"
    assert danish.first("body").attrs["dir"] == "ltr"
