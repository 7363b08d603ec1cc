"""The monitoring pages (overvågning): runs, municipality results and work lists."""
