"""fidelity: align French translations with their English originals and check them."""

__version__ = "0.1.0"
TOOL_NAME = "fidelity"
