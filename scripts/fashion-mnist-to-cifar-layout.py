#!/usr/bin/env python3
"""Converts Fashion-MNIST (idx files, gzipped or not; Debian: apt-get install dataset-fashion-mnist) into the
layout the CIFAR-10 reference pipeline loads: <out>/cifar/train/<id>_<label>.png and <out>/cifar/test/...

Images are written as RGB by default (the grey value in all three channels), because the pipeline decodes
images as 3-channel colour and its network takes 28*28*3 inputs; --grey writes 1-channel PNGs instead."""
import argparse
import gzip
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cifar_layout import LayoutWriter, png_bytes  # noqa: E402

LABELS = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankleboot"]
SPLITS = {"train": "train", "test": "t10k"}


def read_idx(folder, stem):
    """Reads <stem> or <stem>.gz; returns (dimensions, payload bytes)."""
    for name in (stem + ".gz", stem):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = f.read()
            break
    else:
        raise SystemExit(f"error: {stem}(.gz) not found in {folder}; install it with: apt-get install dataset-fashion-mnist")
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        raise SystemExit(f"error: {path} is not an unsigned-byte idx file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    payload = data[4 + 4 * ndim:]
    expected = 1
    for d in dims:
        expected *= d
    if len(payload) != expected:
        raise SystemExit(f"error: {path} holds {len(payload)} bytes of data, expected {expected}")
    return dims, payload


def convert(source, out, limit, grey):
    for split, prefix in SPLITS.items():
        (count, rows, cols), images = read_idx(source, f"{prefix}-images-idx3-ubyte")
        (label_count,), labels = read_idx(source, f"{prefix}-labels-idx1-ubyte")
        if label_count != count:
            raise SystemExit(f"error: {count} {split} images but {label_count} labels")
        writer = LayoutWriter(out, split)
        size = rows * cols
        for i in range(count if limit is None else min(limit, count)):
            pixels = images[i * size:(i + 1) * size]
            if not grey:
                rgb = bytearray(3 * size)
                rgb[0::3] = rgb[1::3] = rgb[2::3] = pixels
                pixels = rgb
            writer.write(LABELS[labels[i]], png_bytes(cols, rows, pixels, 1 if grey else 3))
        print(f"{split}: {writer.count} images in {writer.folder}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="output folder; images go to <out>/cifar/{train,test}")
    parser.add_argument("--source", default="/usr/share/datasets/fashion-mnist", help="folder of the idx files")
    parser.add_argument("--limit", type=int, help="at most this many images per split")
    parser.add_argument("--grey", action="store_true", help="write 1-channel PNGs")
    args = parser.parse_args()
    convert(args.source, args.out, args.limit, args.grey)


if __name__ == "__main__":
    main()
