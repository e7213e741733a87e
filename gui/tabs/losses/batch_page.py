"""The Losses tab's mini-batch page: the batch's cross-entropy with label t and with one-hot t is one number."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from engine.lab import losses as loss_lab
from gui.tabs.losses.tables import read_only_table, set_cells


class BatchPage(QWidget):
    """N random outputs and labels, each sample's −log y[n, t_n], and the two averages."""

    def __init__(self, state):
        super().__init__()
        self.state = state
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        row = QHBoxLayout()
        self.size_label = QLabel()
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, 100)
        self.size_spin.setValue(state.batch_size)
        self.size_spin.valueChanged.connect(self.on_size_chosen)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.on_new_batch)
        self.size_label.setBuddy(self.size_spin)  # its accessible name
        row.addWidget(self.size_label)
        row.addWidget(self.size_spin)
        row.addWidget(self.new_button)
        row.addStretch(1)
        self.table = read_only_table()
        self.mean_label = QLabel()
        self.mean_label.setWordWrap(True)
        self.mean_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.mean_label)
        self.retranslate()

    def retranslate(self):
        self.intro.setText(self.tr(
            "Mini-batch cross-entropy is the average over N samples: E = −1/N Σ_n Σ_k t_nk log y_nk. "
            "With label t it is −1/N Σ_n log y[n, t_n]: the same number."))
        self.size_label.setText(self.tr("Batch size N"))
        self.new_button.setText(self.tr("New random batch"))
        self.new_button.setToolTip(self.tr("Draw N new random outputs and targets"))
        self.size_spin.setToolTip(self.tr("How many samples in the mini-batch"))
        self.table.setAccessibleName(self.tr("The mini-batch: outputs, labels and losses"))
        self.refresh()

    def on_size_chosen(self, n):
        self.state.batch_size = int(n)
        self.refresh()

    def on_new_batch(self):
        self.state.batch_seed += 1
        self.refresh()

    def refresh(self):
        """Show the state's batch: its size in the box, its samples and both averages."""
        self.size_spin.blockSignals(True)
        self.size_spin.setValue(self.state.batch_size)
        self.size_spin.blockSignals(False)
        y, t = self.state.batch()
        r = loss_lab.batch_losses(y, t)
        set_cells(self.table, [self.tr("label t_n"), self.tr("y[n, t_n]"), self.tr("−log(y + 1e-7)")],
                  [[str(tn), f"{y[n, tn]:.4f}", f"{loss:.4f}"]
                   for n, (tn, loss) in enumerate(zip(t, r["per_sample"], strict=True))])
        self.mean_label.setText(
            self.tr("Average with label t: %1<br>Average with one-hot t: %2")
            .replace("%1", f"<b>{r['mean_label']:.10f}</b>").replace("%2", f"<b>{r['mean_one_hot']:.10f}</b>"))
