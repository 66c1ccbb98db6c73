"""Benchmarks (``python -m bench``): start-up, the officers table over 100,000 officers, and the
Excel import; each figure is printed with its ratio to a baseline measured in the same run."""
