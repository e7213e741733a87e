"""Gradient Lab's window and tabs (PySide6 + pyqtgraph): they show and control, the engine computes."""

__version__ = "0.2.0"
