"""The `fidelity corpus` command."""
