#!/usr/bin/env python3
"""Writes a git fast-import stream for a synthetic store of COMMITS commits (deterministic).

usage: scale-store.py COMMITS | git fast-import
50 variants, v00 busy (every fifth commit) and v01..v49 in turn; one commit per version, an hour
apart; an engagement tag (`Variant:` trailer, no id: the tagged commit) on every tenth commit.
"""
import sys

commits = int(sys.argv[1])
out = sys.stdout.buffer
base = 1_400_000_000
for i in range(commits):
    variant = "v00" if i % 5 == 0 else f"v{1 + i % 49:02d}"
    text = (f"Version {i} of {variant}. " * 8 + "A bio goes on for a while here.\n").encode()
    when = base + i * 3600
    message = f"Update {variant} ({i})\n".encode()
    out.write(f"commit refs/heads/main\nmark :{i + 1}\n".encode())
    out.write(f"author Bench <bench@example.org> {when} -0700\n".encode())
    out.write(f"committer Bench <bench@example.org> {when} -0700\n".encode())
    out.write(f"data {len(message)}\n".encode() + message)
    out.write(f"M 100644 inline {variant}.md\ndata {len(text)}\n".encode() + text + b"\n")
    if i % 10 == 0:
        tag = f"Engagement {i}\n\nVariant: {variant}\nDate: 2020-01-01\n".encode()
        out.write(f"tag engagements/e{i}\nfrom :{i + 1}\n".encode())
        out.write(f"tagger Bench <bench@example.org> {when} -0700\n".encode())
        out.write(f"data {len(tag)}\n".encode() + tag + b"\n")
