"""Plans: time to prepare the review of real plan documents (parse, then resolve every unit name).

Usage::

    .venv/bin/python bench/bench_plan_import.py ../shared/data/plans-dev [--rounds 3]

Runs on a fresh SQLite database in a temporary folder with the unit directory synced (as bench_plans.py).
For each document of the folder (.txt, .docx, .pdf): the median over `--rounds` of the seconds spent in
`pending_import` (what the upload view does before showing the review page), the number of distinct names
resolved, and the seconds of parsing alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_plans import setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from toandan.plans.importer import import_document, read_document
        from toandan.plans.review import pending_import

        total = 0.0
        for path in sorted(p for p in args.directory.iterdir() if p.suffix in {".txt", ".docx", ".pdf"}):
            data = path.read_bytes()
            parse, prepare = [], []
            for _ in range(args.rounds):
                start = time.perf_counter()
                draft = import_document(data, path.name)
                parse.append(time.perf_counter() - start)
                text = read_document(data, path.name)
                start = time.perf_counter()
                pending = pending_import(draft, text, path.name)
                prepare.append(time.perf_counter() - start)
            names = len(pending["resolutions"])
            total += statistics.median(prepare)
            print(
                f"{path.name[:40]:40} parse {statistics.median(parse):6.3f} s  "
                f"resolve+prepare {statistics.median(prepare):6.3f} s  names {names}"
            )
        print(f"total resolve+prepare (medians): {total:.2f} s")


if __name__ == "__main__":
    main()
