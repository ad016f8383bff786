"""Every size, count and time limit scormkit applies to what it reads, in one place.

Each default is far above anything a real course meets (the flagship spec is about 90 KB and
7,000 values), so a limit is only ever reached by a mistake or an attack; the message then
names the limit. Imports nothing of ours, so every stage may read it.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

# Spec and observation results files: checked before parsing, regular files only.
SPEC_FILE_BYTES = 8 * MIB
RESULTS_FILE_BYTES = 1 * MIB
# Values a document may hold once its aliases are expanded ("billion laughs"), and YAML
# nodes composed before that (a huge file is refused while it is being read).
MAX_VALUES = 100_000
MAX_NODES = 200_000
# Deeper than any spec needs, and shallow enough that no reader runs out of stack.
MAX_DEPTH = 100
# Situations (scene, variables, lives, points) the role-play proofs of one spec may explore
# together; the flagship's role-play takes 148. A spec of several huge role-plays is refused
# at the one that runs out, instead of taking minutes.
PROOF_STATES = 100_000
# YAML syntax problems found in one file before reading stops: each is found by reading the
# file again, so the time grows with their number; the characters read again in all stay
# under SYNTAX_REREAD_CHARS (a 1 MB file gets 8 problems, one of the largest gets 1).
MAX_SYNTAX_PROBLEMS = 20
SYNTAX_REREAD_CHARS = 8 * MIB

# Talking to an LRS (observe, report): seconds to connect, seconds to wait for each read,
# and the largest reply read into memory.
NETWORK_CONNECT_SECONDS = 10.0
NETWORK_READ_SECONDS = 30.0
LRS_REPLY_BYTES = 16 * MIB

# The preview's local LMS: largest request body, largest stored state document, seconds a
# client may take to send its request.
HTTP_BODY_BYTES = 8 * MIB
STORED_DOCUMENT_BYTES = 1 * MIB
HTTP_REQUEST_SECONDS = 10.0

# `scormkit report`: learners' records held in memory at once. Past this, the least recently
# seen are written to a temporary SQLite file in batches and read back when they come again,
# so memory stays flat however many learners the statements name (about 2.5 KB each).
REPORT_LEARNERS_IN_MEMORY = 5_000


def size_text(count: int) -> str:
    """`16777216` -> `16 MB`: a byte count as people read it in a message."""
    if count >= MIB and count % MIB == 0:
        return f"{count // MIB} MB"
    if count >= KIB and count % KIB == 0:
        return f"{count // KIB} KB"
    return f"{count} bytes"
