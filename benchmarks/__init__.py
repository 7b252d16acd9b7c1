"""Benchmarks (`make bench` -> `python -m benchmarks`): every benchmarks/*_bench.py main()."""
