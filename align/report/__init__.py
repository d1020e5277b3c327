"""HTML reports (self-contained pages) rendered from the JSON result."""
