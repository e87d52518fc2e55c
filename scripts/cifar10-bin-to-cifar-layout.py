#!/usr/bin/env python3
"""Converts the CIFAR-10 binary version (cifar-10-batches-bin: data_batch_1..5.bin, test_batch.bin; each record
is 1 label byte then 3072 bytes: the 32x32 red plane, green plane, blue plane) into the layout the reference
pipeline loads: <out>/cifar/train/<id>_<label>.png and <out>/cifar/test/<id>_<label>.png (RGB PNGs)."""
import argparse
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cifar_layout import LayoutWriter, png_bytes  # noqa: E402

LABELS = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
SIDE = 32
PLANE = SIDE * SIDE
RECORD = 1 + 3 * PLANE


def convert_batches(paths, writer, limit):
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        if len(data) % RECORD != 0:
            raise SystemExit(f"error: {path} is {len(data)} bytes, not a whole number of {RECORD}-byte CIFAR-10 records")
        for at in range(0, len(data), RECORD):
            if limit is not None and writer.count >= limit:
                return
            label = data[at]
            if label >= len(LABELS):
                raise SystemExit(f"error: {path} record {at // RECORD} has label {label}; CIFAR-10 labels are 0-9")
            r, g, b = (data[at + 1 + c * PLANE: at + 1 + (c + 1) * PLANE] for c in range(3))
            # Planes to interleaved RGB: slice assignment keeps this fast in pure Python.
            rgb = bytearray(3 * PLANE)
            rgb[0::3], rgb[1::3], rgb[2::3] = r, g, b
            writer.write(LABELS[label], png_bytes(SIDE, SIDE, rgb, 3))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="folder holding data_batch_*.bin and test_batch.bin")
    parser.add_argument("out", help="output folder; images go to <out>/cifar/{train,test}")
    parser.add_argument("--limit", type=int, help="at most this many images per split")
    args = parser.parse_args()
    train = sorted(glob.glob(os.path.join(args.source, "data_batch_*.bin")))
    test = sorted(glob.glob(os.path.join(args.source, "test_batch*.bin")))
    if not train and not test:
        raise SystemExit(f"error: no data_batch_*.bin or test_batch.bin in {args.source}")
    for split, paths in (("train", train), ("test", test)):
        writer = LayoutWriter(args.out, split)
        convert_batches(paths, writer, args.limit)
        print(f"{split}: {writer.count} images in {writer.folder}")


if __name__ == "__main__":
    main()
