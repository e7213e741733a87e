"""Export of a descent animation: an animated GIF, or numbered PNG files in a folder, behind a progress dialog.

Files appear complete or not at all: each is written to a temporary file in the same folder, then moved into
place with os.replace. Cancelling writes nothing more; errors come back as a message, never an exception.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from engine.files import usual_mode
from gui.settings import remember_folder, save_folder

MAX_EXPORT_FRAMES = 300


class AnimationExport(QObject):
    """Asks where to write and writes the frames that `frame_image(k)` draws (a QImage for step k)."""

    def __init__(self, parent_widget):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget

    def ask_gif(self) -> Path | None:
        """Where to write the GIF (the folder used last time, else the documents folder); None: cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export animation as GIF"),
                                              str(save_folder("animation") / "descent.gif"),
                                              self.tr("Animated GIF (*.gif)"))
        if not path:
            return None
        remember_folder("animation", path)
        return Path(path if path.lower().endswith(".gif") else path + ".gif")

    def ask_png_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget,
                                                  self.tr("Export animation as PNG files into a folder"),
                                                  str(save_folder("animation")))
        if folder:
            remember_folder("animation", folder)
        return Path(folder) if folder else None

    def write(self, target: Path, kind: str, indices, frame_image, frame_ms: int) -> tuple[str, str]:
        """Write the frames of `indices`: an animated GIF at `target` (kind "gif", frame_ms per frame), or
        descent_0000.png … into the folder `target` (kind "png").

        Returns the outcome ("written", "cancelled" or "failed") and what to tell the user.
        """
        progress = QProgressDialog(self.tr("Writing frames…"), self.tr("Cancel"), 0, len(indices),
                                   self.parent_widget)
        progress.setWindowTitle(self.tr("Export animation"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        frames = self._frames(indices, frame_image, progress)
        try:
            if kind == "gif":
                cancelled = self._write_gif(target, frames, frame_ms, progress)
            else:
                cancelled = self._write_pngs(target, frames, progress)
        except (OSError, ValueError) as exc:
            return "failed", self.tr("Could not write %1: %2").replace("%1", str(target)).replace("%2", str(exc))
        finally:
            progress.close()
        if cancelled:
            return "cancelled", self.tr("Export cancelled: nothing was written.")
        return "written", self.tr("Wrote %1 frames to %2").replace("%1", str(len(indices))).replace("%2", str(target))

    @staticmethod
    def _frames(indices, frame_image, progress):
        for n, k in enumerate(indices):
            progress.setValue(n)
            QApplication.processEvents()
            if progress.wasCanceled():
                return
            yield frame_image(int(k))
        progress.setValue(len(indices))

    @staticmethod
    def _write_gif(target: Path, frames, frame_ms: int, progress) -> bool:
        from PIL import Image

        images = []
        for image in frames:
            rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
            pil = Image.frombuffer("RGBA", (rgba.width(), rgba.height()), bytes(rgba.constBits()), "raw",
                                   "RGBA", rgba.bytesPerLine(), 1)
            images.append(pil.convert("RGB").quantize(colors=255, method=Image.Quantize.FASTOCTREE))
        if progress.wasCanceled() or not images:
            return True
        with _replacing(target, ".gif.part") as tmp:
            images[0].save(tmp, format="GIF", save_all=True, append_images=images[1:], duration=frame_ms, loop=0)
        return False

    def _write_pngs(self, folder: Path, frames, progress) -> bool:
        folder.mkdir(parents=True, exist_ok=True)
        for n, image in enumerate(frames):
            with _replacing(folder / f"descent_{n:04d}.png", ".png.part") as tmp:
                if not image.save(tmp, "PNG"):
                    raise OSError(self.tr("the image could not be saved"))
        return progress.wasCanceled()


@contextmanager
def _replacing(final: Path, suffix: str):
    """A temporary file beside `final` that replaces it when the block succeeds and is removed in any case."""
    fd, tmp = tempfile.mkstemp(prefix=".descent-", suffix=suffix, dir=final.parent)
    os.close(fd)
    try:
        yield tmp
        usual_mode(tmp)
        os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
