"""Benchmark: a response letter with a 10,000-row table, rendered, signed and verified.

Prints times, sizes and peak memory; never part of the test pass/fail.
Run: ``.venv/bin/python bench/bench_documents.py [--rows 10000] [--tracemalloc]``.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402

from console.documents import (  # noqa: E402 - after the path fix so a checkout runs as is
    DocumentSpec,
    Heading,
    KeyValue,
    Paragraph,
    Table,
    certificate_pem,
    create_self_signed,
    render_pdf,
    sign_pdf,
    verify_pdf,
)

CATEGORIES = ("usage", "account", "profile", "technical", "communication", "transaction")


def _rows(count: int) -> list[tuple[object, ...]]:
    """Realistic mix: short cells, and a detail column that wraps on one row in three."""
    return [
        (
            f"{i:06d}",
            date(2026, 1 + i % 12, 1 + i % 28).isoformat(),
            CATEGORIES[i % len(CATEGORIES)],
            f"crm-{i % 7}.nordlys.internal",
            ("Login from the Øresund office, Łódź VPN, device Müller-Ærø " * (1 + i % 3)).strip(),
        )
        for i in range(count)
    ]


def _spec(rows: int) -> DocumentSpec:
    return DocumentSpec(
        title="Response to your data access request",
        reference="DSR-2026-0042",
        organisation="Nordlys Analytics ApS",
        organisation_lines=("Øresundsvej 12, 2300 København S", "privacy@nordlys.example"),
        recipient_lines=("Zofia Łódźka-Müller", "ul. Piotrkowska 104/7", "90-006 Łódź"),
        subject="Your request for a copy of your personal data",
        blocks=(
            Paragraph("Dear Ms Łódźka-Müller,"),
            Paragraph("This letter lists every record we hold about you."),
            KeyValue((("Received", "2 November 2026"), ("Right", "Access (GDPR Art. 15)"))),
            Heading("Records"),
            Table(("#", "Date", "Category", "System", "Detail"), _rows(rows)),
        ),
        closing=("Yours sincerely,", "Ærø Jensen", "Data Protection Officer"),
    )


def _timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    print(f"{label:<28} {elapsed:8.3f} s")
    return result, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also trace Python allocations (slower)"
    )
    args = parser.parse_args()
    if args.tracemalloc:
        tracemalloc.start()

    spec = _spec(args.rows)
    p12, _ = _timed("create EC certificate", lambda: create_self_signed(
        "Ærø Jensen", "Nordlys Analytics ApS", "dpo@nordlys.example", passphrase="bench"))  # fmt: skip
    pdf, render_s = _timed(f"render {args.rows:,} rows", lambda: render_pdf(spec))
    signed, sign_s = _timed("sign (PAdES, EC P-256)", lambda: sign_pdf(
        pdf, p12, "bench", reason="Access request", location="København",
        signer_name="Ærø Jensen", reference="DSR-2026-0042"))  # fmt: skip
    root = certificate_pem(p12, "bench")
    report, verify_s = _timed("verify", lambda: verify_pdf(signed, trust_roots=[root]))

    pages = int(PdfFileReader(io.BytesIO(signed)).root["/Pages"]["/Count"])
    print(f"{'pages':<28} {pages:8d}")
    print(f"{'PDF size unsigned':<28} {len(pdf) / 1e6:8.2f} MB")
    print(
        f"{'PDF size signed':<28} {len(signed) / 1e6:8.2f} MB  (+{len(signed) - len(pdf):,} bytes)"
    )
    print(f"{'render per 1,000 rows':<28} {render_s / args.rows * 1000:8.3f} s")
    print(f"{'render per page':<28} {render_s / pages * 1000:8.2f} ms")
    print(f"{'sign / render':<28} {sign_s / render_s:8.3f}")
    print(f"{'verify bottom line':<28} {report.bottom_line!s:>8}")
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{'peak RSS (whole process)':<28} {peak_rss_mb:8.1f} MB")
    if args.tracemalloc:
        _, peak = tracemalloc.get_traced_memory()
        print(f"{'peak Python allocations':<28} {peak / 1e6:8.1f} MB")


if __name__ == "__main__":
    main()
