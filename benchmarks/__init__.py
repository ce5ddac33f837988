"""articlekit's own benchmark runners (not part of the installed package).

Run from the repository root, with the peers installed from the ``bench`` extra::

    python -m benchmarks.body ../shared/bench/readability --repeat 3 --memory

Shared pieces, for this and later runners (quotes, metadata):

- `benchmarks.datasets`: load a dataset folder (readability-style or Zyte layout) as pages.
- `benchmarks.htmltext`: the visible text of an HTML fragment (for expected.html and for
  extractors that return HTML).
- `benchmarks.metrics`: the 4-token-shingle precision/recall/F1 and a lost/leaked diff.
- `benchmarks.timing`: interleaved best-of-N timing and peak RSS in a child interpreter.
- `benchmarks.extractors`: body extractors (articlekit and the peers) behind one signature.
- `benchmarks.report`: text and Markdown tables, the worst-pages report, the plot.
"""
