"""Views of the progression workflow, one module per area."""
