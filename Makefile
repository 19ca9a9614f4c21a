PY ?= python

.PHONY: test lint bench bench-speed bench-quality seeds

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check src tests benchmarks

bench: bench-speed bench-quality

bench-speed:
	$(PY) benchmarks/bench_speed.py --repeat 3

bench-quality:
	$(PY) benchmarks/bench_extraction.py
	$(PY) benchmarks/bench_geoparse.py
	$(PY) benchmarks/bench_gazetteer.py
	$(PY) benchmarks/bench_time.py
	$(PY) benchmarks/bench_cameo.py

seeds:
	$(PY) ../shared/acceptance/check_seeds.py
