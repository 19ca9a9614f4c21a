"""Benchmarks: runnable scripts (python benchmarks/bench_*.py); a package so tests and scripts can import them."""
