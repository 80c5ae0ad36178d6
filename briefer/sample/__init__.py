"""The sample workspace (``briefer demo``) and the benchmark workload (``demo --large``).

Sample data lives in a store of its own: every record is flagged ``sample``, the store is
marked as a sample workspace with a fixed "as of" date, and building it refuses any store
that already holds other data.
"""
