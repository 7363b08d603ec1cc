"""Services of the monitoring pages: runs in the background, stored results, charts."""
