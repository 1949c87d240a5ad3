"""``python -m kg.train ner [OPTIONS]``: rebuild a model the project trains (needs ../shared)."""

from __future__ import annotations

import os
import sys

# one thread, so that two runs give the same weights and the other users keep the second core
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "ner":
        print("usage: python -m kg.train ner [--shared ../shared] [--work build/ner] [--fresh]", file=sys.stderr)
        sys.exit(2)
    from kg.train.ner import main

    sys.exit(main(sys.argv[2:]))
