"""The report's tables as CSV files, one per table, for spreadsheets and other tools."""

from __future__ import annotations

import csv
from pathlib import Path

from scormkit.atomic import replacing
from scormkit.report.figures import Figures
from scormkit.report.tables import tables


def write_csv(found: Figures, folder: Path) -> list[Path]:
    """Write one `<table>.csv` per table into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables(found):
        dest = folder / f"{table.name}.csv"
        with replacing(dest) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.columns)
            writer.writerows(["" if v is None else v for v in row] for row in table.rows)
        written.append(dest)
    return written
