"""Services of module 1: work that spans several models. Keyword-only, typed."""
