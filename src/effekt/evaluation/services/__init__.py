"""Services of the experiments workspace (`<entity>_<action>`, keyword-only, typed)."""
