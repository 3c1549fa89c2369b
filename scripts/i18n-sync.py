#!/usr/bin/env python3
"""Brings a translation in line with the English catalogue after the English changed.

assets/i18n/en.ftl is generated from the sources (UPDATE_CATALOGUE=1 cargo test --test i18n),
and a message's id comes from its English words: a changed text is a new id. For each language
given (default: all), this script
  - drops the messages English no longer has,
  - puts the rest in English's order, under English's group comments (`## src/...`),
  - keeps the language's own header comment,
  - and writes the messages still to translate, in English, to --missing DIR/<code>.ftl.
Usage: scripts/i18n-sync.py [--missing DIR] [CODE...]
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, "assets", "i18n")
MESSAGE = re.compile(r"^([a-z][a-z0-9-]*) =(.*)$")


def parse(path):
    """(header lines, [(group, id, text of the whole entry)])."""
    header, entries, group = [], [], None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        match = MESSAGE.match(line)
        if match:
            block = [line]
            # A block or a selector goes on while lines are indented (or close it with `}`).
            while i + 1 < len(lines) and lines[i + 1][:1] in (" ", "}", "*", "["):
                i += 1
                block.append(lines[i])
            entries.append((group, match.group(1), "\n".join(block)))
        elif line.startswith("## "):
            group = line
        elif line.startswith("#") and not entries and group is None:
            header.append(line)
        i += 1
    return header, entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", help="write what is left to translate here")
    parser.add_argument("codes", nargs="*")
    args = parser.parse_args()
    _, english = parse(os.path.join(I18N, "en.ftl"))
    codes = args.codes or sorted(
        name[:-4] for name in os.listdir(I18N) if name.endswith(".ftl") and name != "en.ftl"
    )
    for code in codes:
        path = os.path.join(I18N, f"{code}.ftl")
        header, translated = parse(path)
        have = {entry_id: text for _, entry_id, text in translated}
        out, missing, group = header[:], [], None
        for entry_group, entry_id, text in english:
            if entry_id not in have:
                missing.append(text)
                continue
            if entry_group != group:
                group = entry_group
                out += ["", group, ""]
            out.append(have[entry_id])
        dropped = len(have) - (len(english) - len(missing))
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out).rstrip("\n") + "\n")
        if args.missing and missing:
            os.makedirs(args.missing, exist_ok=True)
            with open(os.path.join(args.missing, f"{code}.ftl"), "w", encoding="utf-8") as f:
                f.write("\n".join(missing) + "\n")
        print(f"{code}: {len(english) - len(missing)} kept, {dropped} dropped, "
              f"{len(missing)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
