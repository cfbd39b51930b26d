"""The benchmark (bench/README.md): `make bench`, or `python bench/run.py` for a quick look."""
