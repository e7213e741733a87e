"""Under the Descent tab's map: Step / Play / Reset / Run to end, the speed, the arrows switch, the export menu,
and the status: the step shown (with x and f(x) for a single run) and what is worth saying about the runs."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gui.tabs.descent.common import ArrowKeysToSlider, fmt, fmt_pair
from gui.tabs.descent.state import SPEED_RANGE
from gui.widgets.panel_helpers import Retranslated
from gui.widgets.plots import COLORS

MESSAGE_COLORS = {"overflow": COLORS[3], "diverging": COLORS[3], "escaping": COLORS[1], "stalled": COLORS[3],
                  "stationary": COLORS[2], "rounding": COLORS[1]}
ROUNDING_LINK = "derivatives:error"  # the message's link: Derivatives → Error against h, at the book's h = 1e-50


class Transport(Retranslated, QWidget):
    """The player's buttons and the status lines. The tab connects the buttons; `show_status` fills the lines."""

    def __init__(self):
        super().__init__()
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.step_button, self.play_button = QPushButton(), QPushButton()
        self.reset_button, self.end_button = QPushButton(), QPushButton()
        for b in (self.step_button, self.play_button, self.reset_button, self.end_button):
            top.addWidget(b)
        bottom = QHBoxLayout()
        self.speed_label = QLabel()
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(*SPEED_RANGE)
        self.speed_slider.installEventFilter(ArrowKeysToSlider(self.speed_slider))
        self.speed_slider.valueChanged.connect(self._show_speed)
        self.speed_value = QLabel()
        self.speed_value.setMinimumWidth(70)
        self.arrows_check = QCheckBox()
        self.export_button = QPushButton()  # a push button's size leaves room for its menu's arrow
        self.export_menu = QMenu(self.export_button)
        self.export_gif_action = self.export_menu.addAction("")
        self.export_png_action = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        self.speed_label.setBuddy(self.speed_slider)  # its accessible name
        for w, stretch in ((self.speed_label, 0), (self.speed_slider, 1), (self.speed_value, 0),
                           (self.arrows_check, 0), (self.export_button, 0)):
            bottom.addWidget(w, stretch)
        v.addLayout(top)
        v.addLayout(bottom)
        self.step_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message_label.linkActivated.connect(self.open_link)
        v.addWidget(self.step_label)
        messages = QScrollArea()
        messages.setWidget(self.message_label)
        messages.setWidgetResizable(True)
        messages.setFrameShape(QScrollArea.Shape.NoFrame)
        messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        messages.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 6)
        v.addWidget(messages)
        self.playing = False
        self.retranslate()

    def show_choices(self, state):
        """The speed and the arrows switch as the state has them (no handler runs)."""
        with QSignalBlocker(self.speed_slider), QSignalBlocker(self.arrows_check):
            self.speed_slider.setValue(state.speed)
            self.arrows_check.setChecked(state.arrows)
        self._show_speed(self.speed_slider.value())

    def set_playing(self, playing: bool):
        self.playing = playing
        if playing:
            self.play_button.setText(self.tr("Pause (Space)"))
            self.play_button.setToolTip(self.tr("Stop the animation here (key Space)"))
        else:
            self.play_button.setText(self.tr("Play (Space)"))
            self.play_button.setToolTip(self.tr("Animate the descent step by step (key Space)"))

    def show_status(self, state, descent):
        """The step line, the messages, and which buttons can do something."""
        runs = descent.runs()
        self.step_label.setText(self.tr("Step %1 of %2").replace("%1", str(state.index))
                                .replace("%2", str(state.step_num)) + self._readout(runs, state.index))
        self.message_label.setText(self.messages_html(descent.messages(state.index)))
        self.end_button.setEnabled(not descent.at_end(state.index))
        self.step_button.setEnabled(bool(runs))
        self.play_button.setEnabled(bool(runs))

    def show_message(self, text: str, warning: bool = False):
        """A line of its own in the messages (an export's outcome)."""
        self.message_label.setText(f'<span style="color:{COLORS[3]}">{text}</span>' if warning else text)

    @staticmethod
    def _readout(runs, k):
        if len(runs) != 1:
            return ""
        r = runs[0]
        j = r.last(k)
        return f"   ·   x = {fmt_pair(r.xs[j])},  f(x) = {fmt(r.fs[j])}"

    def messages_html(self, messages):
        """Each engine.lab.descent.Message in words, coloured by kind."""
        what = {"gradient": self.tr("the gradient"), "x": self.tr("x"), "f": self.tr("f(x)")}
        lines = []
        for m in messages:
            v = m.values
            if m.kind == "rounding":
                text = self.tr("%1: from step %2, x is so large (about %3) that x + h == x for h = 1e-4: the "
                               "numerical gradient comes out (0, 0) and x stops, although f = %4. That is the "
                               "rounding error of <a href=\"%5\">Derivatives → Error against h</a> (h = 1e-50), "
                               "reached from the other side.")
                text = (text.replace("%5", ROUNDING_LINK).replace("%4", fmt(v["f"]))
                        .replace("%3", f"{v['size']:.1e}").replace("%2", str(m.step)))
            elif m.kind == "overflow":
                text = self.tr("%1: step %2 would overflow (%3 becomes inf or nan), so the run stops here. "
                               "The learning rate is far too large.")
                text = text.replace("%3", what[v["what"]]).replace("%2", str(m.step))
            elif m.kind == "diverging":
                text = self.tr("%1 diverges: f grew from %2 to %3 and the path has left the view. "
                               "The learning rate is too large: each step overshoots the minimum.")
                text = text.replace("%3", fmt(v["f"])).replace("%2", fmt(v["f0"]))
            elif m.kind == "escaping":
                text = self.tr("%1 left the view going downhill (f fell from %2 to %3): this function has no "
                               "minimum in that direction.")
                text = text.replace("%3", fmt(v["f"])).replace("%2", fmt(v["f0"]))
            elif m.kind == "stalled":
                text = self.tr("%1 barely moves: in %2 steps x moved only %3. The learning rate η = %4 is too small.")
                text = text.replace("%4", f"{v['lr']:g}").replace("%3", f"{v['moved']:.2g}")
                text = text.replace("%2", str(m.step))
            else:
                text = self.tr("%1 reached a point where ∇f ≈ 0 (|∇f| = %2) at step %3.")
                text = text.replace("%3", str(m.step)).replace("%2", f"{v['grad_norm']:.2g}")
            text = text.replace("%1", f"<b>{m.name}</b>")
            lines.append(f'<span style="color:{MESSAGE_COLORS[m.kind]}">{text}</span>')
        return "<br>".join(lines)

    def open_link(self, link: str):
        """The rounding message's link: the Derivatives tab's Error against h page at h = 1e-50."""
        window = self.window()
        if link == ROUNDING_LINK and hasattr(window, "show_lesson"):
            window.show_lesson({"tab": "derivatives", "page": "error", "state": {"h": 1e-50}})

    def _show_speed(self, value):
        self.speed_value.setText(self.tr("%1 steps/s").replace("%1", str(value)))

    def retranslate(self):
        self.step_button.setText(self.tr("Step →"))
        self.step_button.setToolTip(self.tr("One update: the gradient and the step are drawn, then the point "
                                            "moves (key →)"))
        self.reset_button.setText(self.tr("Reset (R)"))
        self.reset_button.setToolTip(self.tr("Back to the start point, step 0 (key R)"))
        self.end_button.setText(self.tr("Run to end"))
        self.end_button.setToolTip(self.tr("Take all the remaining steps at once"))
        self.speed_label.setText(self.tr("Speed"))
        self.speed_slider.setToolTip(self.tr("Playback speed in steps per second"))
        self.arrows_check.setText(self.tr("Arrows"))
        self.arrows_check.setToolTip(self.tr("When paused, draw ∇f's direction (dashed) and the next step (solid) "
                                             "at each point"))
        self.export_button.setText(self.tr("Export animation"))
        self.export_button.setToolTip(self.tr("Write the run, frame by frame, as an animated GIF or PNG files"))
        self.export_gif_action.setText(self.tr("Animated GIF…"))
        self.export_png_action.setText(self.tr("PNG sequence in a folder…"))
        self.set_playing(self.playing)
        self._show_speed(self.speed_slider.value())
