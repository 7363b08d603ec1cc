"""Reports as PDF through WeasyPrint (imported when a PDF is made, not at start-up)."""

from __future__ import annotations


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Render a complete HTML document (inline SVG charts included) to PDF bytes."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
