"""The `fidelity fetch` command."""
