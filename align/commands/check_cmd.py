"""The `fidelity check` command."""
