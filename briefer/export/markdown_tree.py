"""Markdown in item text → an ElementTree, through the ``markdown`` package's own parser.

A small extension captures the parser's tree after its last tree processor instead of
serialising it to HTML, and switches off raw HTML: ``<b>`` typed by a user (or pasted from a
web page) stays literal text and is never interpreted.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Text with none of these characters or line starts has no Markdown to parse: it is one
# paragraph of plain text (with hard line breaks), and the parser is skipped for speed.
_SYNTAX = re.compile(r"[*_`\[\]<>#\\!&|~]|^\s*(?:[-+]\s|\d+[.)]\s|>)|\n\s*\n|\S {2,}\n", re.M)


class _Capture(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self.md.captured_tree = root  # type: ignore[attr-defined]


class _TreeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for registry, name in (
            (md.preprocessors, "html_block"),
            (md.inlinePatterns, "html"),
            (md.inlinePatterns, "entity"),
            (md.postprocessors, "raw_html"),
        ):
            if name in registry:
                registry.deregister(name)
        # After 'unescape' (priority 0), so backslash escapes are already resolved.
        md.treeprocessors.register(_Capture(md), "briefer_capture", -10)


class MarkdownTrees:
    """A reusable parser (building one costs more than parsing a paragraph)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists", "nl2br", _TreeExtension()])

    def html(self, text: str) -> str:
        """HTML for a live preview; raw HTML in the text is shown as text, never rendered."""
        self._md.reset()
        return self._md.convert(text)

    def parse(self, text: str) -> ET.Element:
        """The document's block elements as children of a ``div`` element."""
        if not _SYNTAX.search(text):
            root = ET.Element("div")
            paragraph = ET.SubElement(root, "p")
            lines = text.strip().split("\n")
            paragraph.text = lines[0]
            for line in lines[1:]:
                ET.SubElement(paragraph, "br").tail = line
            return root
        self._md.reset()
        self._md.convert(text)
        return self._md.captured_tree  # type: ignore[attr-defined]
