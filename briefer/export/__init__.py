"""Exporting a briefing: Word (.docx, styled by the reference document) and Markdown.

``assemble`` turns a briefing into a plain :class:`document.ExportDocument` (no ORM, no
session: it can be handed to a worker thread); ``docx_writer`` and ``md_writer`` render that
same document, so the window's preview, the Markdown and the Word file never disagree.
"""
