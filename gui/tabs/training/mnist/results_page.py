"""Results page: the confusion matrix C of the test set and the misclassified test digits, most confident first.

C[i, j] counts the test images of digit i the net calls j (engine.training.model_report computes it); this page
only shows state.report.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.image_grid import ImageGrid
from gui.widgets.panel_helpers import Retranslated, muted, wrapped
from gui.widgets.plots import COLORS


def confusion_table():
    """A fixed 10×10 table of counts, just wide enough for "1135", without scroll bars."""
    table = QTableWidget(10, 10)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setHorizontalHeaderLabels([str(d) for d in range(10)])
    table.setVerticalHeaderLabels([str(d) for d in range(10)])
    for header in (table.horizontalHeader(), table.verticalHeader()):
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(10)
    table.horizontalHeader().setDefaultSectionSize(table.fontMetrics().horizontalAdvance("00000") + 4)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return table


class ResultsPage(Retranslated, QWidget):
    def __init__(self, state):
        super().__init__()
        self.state = state
        self._shown_report = None  # the report on screen (drawn again only when it changes)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.summary = wrapped()
        top = QHBoxLayout()
        box = QVBoxLayout()
        self.confusion_title = QLabel()
        bold = self.confusion_title.font()
        bold.setBold(True)
        self.confusion_title.setFont(bold)
        self.confusion_table = confusion_table()
        self.confusion_axes = muted(wrapped())
        self.confusion_title.setBuddy(self.confusion_table)  # its accessible name
        box.addWidget(self.confusion_title)
        box.addWidget(self.confusion_axes)
        box.addWidget(self.confusion_table)
        box.addStretch(1)
        top.addLayout(box)
        gallery = QVBoxLayout()
        self.gallery_title = wrapped()
        self.gallery_title.setFont(bold)
        self.gallery = ImageGrid(scale=1.5, caption_lines=2)
        self.gallery.setMinimumWidth(150)
        gallery.addWidget(self.gallery_title)
        gallery.addWidget(self.gallery, 1)
        top.addLayout(gallery, 1)
        v.addWidget(self.summary)
        v.addLayout(top, 1)
        self.retranslate()

    def retranslate(self):
        self.confusion_title.setText(self.tr("Confusion matrix (test set)"))
        self.confusion_axes.setText(self.tr("Rows: the true digit · columns: the net's answer"))
        self.gallery_title.setText(self.tr("Misclassified test digits, most confident first"))
        self.gallery.setToolTip(self.tr("Caption: true digit → the net's answer, and how sure it was"))
        self._shown_report = None  # redraw the results in the new language
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>Where the net goes wrong</h3><p>C[i, j] counts the test images of digit i that the net "
            "calls j. The diagonal holds the right answers; large numbers off it show which digits look "
            "alike to the net (4 and 9, 3 and 5, 7 and 2).</p><p>Accuracy = trace(C) / 10,000.</p>"
            "<p>Many misclassified digits are hard for people too.</p>")

    def refresh(self):
        report = self.state.report
        if report is not None and report is self._shown_report:
            return
        self._shown_report = report
        if report is None:
            self.confusion_table.clearContents()
            self.gallery.set_images(np.zeros((0, 28, 28)), [])
            self.summary.setText(self.tr("Train the net (Start) or load a model to see where it goes wrong."))
            return
        C = report["confusion"]
        self.show_confusion(C)
        self.show_gallery(report["wrong"])
        right = int(np.trace(C))
        self.summary.setText(self.tr("%1 of %2 test images right (accuracy %3), %4 wrong; the %5 the net was "
                                     "surest about are shown.")
                             .replace("%1", f"{right:,}").replace("%2", f"{report['test_size']:,}")
                             .replace("%3", f"{report['test_acc']:.4f}")
                             .replace("%4", f"{report['test_size'] - right:,}")
                             .replace("%5", str(len(report["wrong"][0]))))

    def show_confusion(self, C):
        """Counts coloured by how often: the diagonal green, the mistakes red in proportion to the largest."""
        off = C - np.diag(np.diag(C))
        most = max(int(off.max()), 1)
        right, wrong = QColor(COLORS[2]), QColor(COLORS[3])
        for i in range(10):
            for j in range(10):
                item = QTableWidgetItem(str(int(C[i, j])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                color = QColor(right if i == j else wrong)
                color.setAlphaF(0.45 if i == j else 0.6 * C[i, j] / most)
                item.setBackground(QBrush(color))
                item.setToolTip(self.tr("%1 test images of a %2 classified as %3").replace("%1", str(int(C[i, j])))
                                .replace("%2", str(i)).replace("%3", str(j)))
                self.confusion_table.setItem(i, j, item)

    def show_gallery(self, wrong):
        """The misclassified test digits: index, the net's answer and its confidence."""
        (_, _), (x_test, t_test) = self.state.data
        idx, predicted, confidence = wrong
        images = x_test[idx].reshape(-1, 28, 28)
        shown = list(zip(idx, predicted, confidence, strict=True))
        captions = [f"{int(t_test[k])} → {int(p)}\n{c:.0%}" for k, p, c in shown]
        tips = [self.tr("Test image %1: a %2; the net says %3 (%4 sure)").replace("%1", str(int(k)))
                .replace("%2", str(int(t_test[k]))).replace("%3", str(int(p))).replace("%4", f"{c:.1%}")
                for k, p, c in shown]
        self.gallery.set_images(images, captions, tooltips=tips)
