"""Shared by the dataset converters: write labelled images in the layout the reference pipeline reads,
<out>/cifar/{train,test}/<id>_<label>.png, using only the standard library (PNG = zlib + struct)."""
import os
import struct
import zlib


def png_bytes(width, height, pixels, channels):
    """Encode 8-bit pixels (row-major, `channels` interleaved bytes per pixel) as a PNG.
    channels 1 = greyscale (colour type 0), 3 = RGB (colour type 2). Filter 0 on every row: simple and exact."""
    if channels not in (1, 3):
        raise ValueError("channels must be 1 or 3")
    if len(pixels) != width * height * channels:
        raise ValueError("pixel buffer does not match the image size")
    stride = width * channels
    raw = b"".join(b"\x00" + bytes(pixels[y * stride:(y + 1) * stride]) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    colour_type = 0 if channels == 1 else 2
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


class LayoutWriter:
    """Writes <out>/cifar/<split>/<id>_<label>.png; ids count from 0 within each split, as in the demo's cifar.tgz."""

    def __init__(self, out_dir, split):
        self.folder = os.path.join(out_dir, "cifar", split)
        os.makedirs(self.folder, exist_ok=True)
        self.count = 0

    def write(self, label, png):
        if "_" in label or "/" in label:
            raise ValueError(f"label {label!r} may not contain '_' or '/': the pipeline splits file names on '_'")
        with open(os.path.join(self.folder, f"{self.count}_{label}.png"), "wb") as f:
            f.write(png)
        self.count += 1
