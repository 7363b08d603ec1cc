"""Views of the experiments workspace (thin: forms in, services do the work)."""
