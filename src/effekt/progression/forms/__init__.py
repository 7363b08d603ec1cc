"""Forms of the progression workflow."""
