"""``make bench``: side-by-side measurements, printed as a table and written to JSON."""
