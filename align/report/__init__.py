"""HTML reports (self-contained pages) rendered from the JSON result."""

from align.report.render import (
    ReportError,
    render_index,
    render_post,
    write_document,
    write_index,
    write_reports,
)

__all__ = [
    "ReportError",
    "render_index",
    "render_post",
    "write_document",
    "write_index",
    "write_reports",
]
