"""The Gradient field tab's one state object: the surface (or typed text), the grid and arrows, the picked point."""
from __future__ import annotations

from dataclasses import dataclass

from engine.lab import field as field_lab

SURFACE_KEYS = ("sphere", "ellipse", "saddle", "rosenbrock", "himmelblau", field_lab.CUSTOM_KEY)


@dataclass
class FieldState:
    """What the user chose; widgets write it, settings restore it, the pages draw from it."""

    key: str = "sphere"
    text: str = "x0**2 + x1**2"  # the last typed function that could be read
    step: float = 0.25
    scale: str = "proportional"  # or "equal"
    spacing: str = "auto"  # or "linear" / "log"
    ascent: bool = False  # True: draw +∇f (where f rises fastest) instead of −∇f
    point: tuple[float, float] | None = (0.0, 2.0)

    @property
    def sign(self) -> int:
        """+1 for the arrows of ∇f, −1 for the book's −∇f."""
        return 1 if self.ascent else -1

    def use_defaults(self) -> tuple[float, float, float, float]:
        """This surface's own grid step and arrow scaling; returns its opening view."""
        d = field_lab.field_defaults(self.key)
        self.step, self.scale = d.step, d.scale
        return d.view
