"""One module per CLI command; `align.cli` registers them on the typer app."""
