"""The `fidelity align` command."""
