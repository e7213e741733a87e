"""`engine.datasets` is `engine.data.datasets` (kept importable for tools outside the code)."""
import sys

from engine.data import datasets as _datasets

sys.modules[__name__] = _datasets
