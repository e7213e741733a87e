"""Your image page: a picture of your own (opened or dropped), squeezed to 64×64 like the training pictures and
classified by the trained model."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from engine.lab import logistic as logistic_lab
from gui.tabs.training.cat.page import Page
from gui.widgets.image_grid import array_from_qimage, pixmap_from_array
from gui.widgets.panel_helpers import ERROR_STYLE, muted, wrapped

IMAGE_SIZE = logistic_lab.IMAGE_SHAPE[:2]


class DropFrame(QFrame):
    """A frame that accepts a dropped picture file: emits dropped(path)."""

    dropped = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    @staticmethod
    def _local_file(event):
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return next((u.toLocalFile() for u in urls if u.isLocalFile()), "")

    def dragEnterEvent(self, event):
        if self._local_file(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event):
        if self._local_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event):
        path = self._local_file(event)
        if path:
            event.acceptProposedAction()
            self.dropped.emit(path)


class OwnPage(Page):
    """Open image… or drop one; the picture, what the model sees (64×64) and the model's answer."""

    chosen = Signal()  # a picture was read: the panel shows this page

    def __init__(self, state, class_name: Callable[[int], str]):
        super().__init__(state)
        self.class_name = class_name
        self.picture = QPixmap()  # the picture as the user gave it
        self.error = ()  # (file name, the reader's reason) when the last file was not a picture
        self.drop_frame = DropFrame()
        self.drop_frame.dropped.connect(self.classify_file)
        self.own_open_button = QPushButton()
        self.own_open_button.clicked.connect(self.open_image)
        self.own_hint = muted(wrapped())
        top = QHBoxLayout()
        top.addWidget(self.own_open_button)
        top.addWidget(self.own_hint, 1)
        self.own_original = QLabel()
        self.own_original.setMinimumSize(QSize(200, 200))
        self.own_original.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.own_original.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.own_small = QLabel()
        self.own_small.setFixedSize(QSize(192, 192))
        self.own_small.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.own_small.setFrameShape(QFrame.Shape.StyledPanel)
        self.own_original_caption, self.own_small_caption = muted(QLabel()), muted(QLabel())
        original, small = QVBoxLayout(), QVBoxLayout()
        original.addWidget(self.own_original, 1)
        original.addWidget(self.own_original_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        small.addWidget(self.own_small)
        small.addWidget(self.own_small_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        small.addStretch(1)
        pictures = QHBoxLayout()
        pictures.addLayout(original, 1)
        pictures.addLayout(small)
        self.own_result = wrapped()
        font = self.own_result.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.own_result.setFont(font)
        self.own_detail, self.own_error = wrapped(), wrapped()
        self.own_error.setStyleSheet(ERROR_STYLE)
        column = QVBoxLayout(self.drop_frame)
        column.addLayout(top)
        column.addWidget(self.own_error)
        column.addLayout(pictures, 1)
        column.addWidget(self.own_result)
        column.addWidget(self.own_detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drop_frame)
        self.retranslate()

    def retranslate(self):
        self.own_open_button.setText(self.tr("Open image…"))
        self.own_open_button.setToolTip(self.tr("Choose a PNG or JPEG picture to classify"))
        self.own_hint.setText(self.tr("…or drop a picture file here. It is resized to 64×64 pixels, "
                                      "like the training pictures, and given to the trained model."))
        self.own_original_caption.setText(self.tr("your picture"))
        self.own_small_caption.setText(self.tr("what the model sees (64×64)"))
        self.refresh()

    def explanation(self):
        return self.tr(
            "<h3>Your own picture</h3><p>The picture is squeezed to 64×64 pixels (as in the lessons), "
            "flattened to 12,288 values / 255 and put through ŷ = σ(w·x + b).</p>"
            "<p>Expect mistakes: the model was trained on 209 small pictures and reaches 70 % on new "
            "ones.</p>")

    def open_image(self):
        formats = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Picture to classify"), self.state.own_path,
                                              self.tr("Pictures (%1)").replace("%1", formats))
        if path:
            self.classify_file(path)

    def classify_file(self, path) -> bool:
        """Read a picture (Qt's image reader), squeeze it to 64×64 RGB, keep it and classify it."""
        path = str(path)
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            self.error = (Path(path).name, reader.errorString())
            self.show_error()
            return False
        self.error = ()
        small = image.scaled(IMAGE_SIZE[1], IMAGE_SIZE[0], Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        self.state.own_image = array_from_qimage(small)
        self.state.own_path = path
        self.picture = QPixmap.fromImage(image)
        self.chosen.emit()
        self.refresh()
        return True

    def show_error(self):
        self.own_error.setText(self.tr("Cannot read %1 as a picture: %2").replace("%1", self.error[0])
                               .replace("%2", self.error[1]) if self.error else "")

    def refresh(self):
        s = self.state
        self.show_error()
        if s.own_image is None:
            self.own_original.setPixmap(QPixmap())
            self.own_original.setText(self.tr("Drop a picture here"))
            self.own_small.setPixmap(QPixmap())
            self.own_result.setText("")
            self.own_detail.setText("")
            return
        self.own_original.setText("")
        room = self.own_original.size().boundedTo(QSize(420, 420)).expandedTo(QSize(180, 180))
        self.own_original.setPixmap(self.picture.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation))
        self.own_small.setPixmap(pixmap_from_array(s.own_image, 3))
        name = Path(s.own_path).name
        if s.model is None:
            self.own_result.setText(self.tr("Train the model first (Start on the left), then the picture "
                                            "is classified."))
            self.own_detail.setText(name)
            return
        label, proba = logistic_lab.classify(s.model, s.own_image)
        self.own_result.setText(self.tr("The model says: %1").replace("%1", self.class_name(label)))
        self.own_detail.setText(self.tr("%1: ŷ = P(cat) = %2 (cat when ŷ > 0.5)").replace("%1", name)
                                .replace("%2", f"{proba:.4f}"))
