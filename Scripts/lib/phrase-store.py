#!/usr/bin/env python3
"""Writes a git fast-import stream of one variant, bio.md, with VERSIONS versions (deterministic).

usage: phrase-store.py VERSIONS | git fast-import
Each version is a ~600-byte bio, re-wrapped at one of three widths in turn; "Principal Engineer"
is in versions 25%..50% and 75%..100% (so it appears, disappears and returns), never split across
a line, so `git log -S` and `biostore trace` must name the same three commits.
"""
import sys
import textwrap

versions = int(sys.argv[1])
out = sys.stdout.buffer
base = 1_400_000_000
for i in range(versions):
    title = "Principal Engineer" if versions // 4 <= i < versions // 2 or i >= 3 * versions // 4 else "Product Manager"
    words = (f"Glenn K. Lockwood is a {title.replace(' ', '_')} at Microsoft, revision {i}, where he supports "
             "the largest AI supercomputers through workload-driven systems design and applied research "
             "in extreme-scale parallel computing for high-performance computing, with expertise in "
             "scalable architectures, performance modeling and emerging technologies for storage. ") * 2
    text = "\n".join(textwrap.wrap(words, (60, 72, 80)[i % 3])).replace("_", " ") + "\n"
    data = text.encode()
    when = base + i * 3600
    message = f"Revision {i}\n".encode()
    out.write(f"commit refs/heads/main\nmark :{i + 1}\n".encode())
    out.write(f"author Bench <bench@example.org> {when} -0700\n".encode())
    out.write(f"committer Bench <bench@example.org> {when} -0700\n".encode())
    out.write(f"data {len(message)}\n".encode() + message)
    out.write(f"M 100644 inline bio.md\ndata {len(data)}\n".encode() + data + b"\n")
