"""Read built HTML in tests without a browser: elements with attributes, and visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


class _Finder:
    """find_all / first / with_class over `self.elements` (a document's, or an element's descendants)."""

    elements: list

    def find_all(self, tag: str, **attrs) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def first(self, tag: str, **attrs) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def with_class(self, css_class: str) -> list[Element]:
        return [e for e in self.elements if css_class in (e.attrs.get("class") or "").split()]


@dataclass
class Element(_Finder):
    tag: str
    attrs: dict
    text: str = ""
    # Every element inside this one, in document order: `card.find_all("a")` looks only inside the card.
    elements: list[Element] = field(default_factory=list, repr=False, compare=False)


@dataclass
class Document(_Finder):
    elements: list[Element] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.document = Document()
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.document.elements.append(element)
        for parent in self._open:
            parent.elements.append(element)
        if tag not in {"meta", "link", "img", "input", "br", "hr", "source", "area", "col", "wbr"}:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data


def parse(path_or_text) -> Document:
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    parser = _Parser()
    parser.feed(text)
    return parser.document
