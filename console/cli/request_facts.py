"""``privacy-console request erasure-record | correction | answer | restriction-record | facts``: record what was done,
before any letter says it was done."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from console.cli.args import instant as _when
from console.cli.output import emit_json
from console.context import Context
from console.requests import facts
from console.timefmt import human


def register(rs: argparse._SubParsersAction, common: argparse.ArgumentParser,
             open_context: Callable[[argparse.Namespace], Context]) -> None:
    """``open_context`` is the request command's (it also notes the zone its times print in)."""
    er = rs.add_parser("erasure-record", parents=[common],
                       help="record what was erased (how) or retained (why) in one system and category")
    er.add_argument("reference")
    er.add_argument("--system", required=True, help="the system the data was in (as 'data fetch' named it)")
    er.add_argument("--category", required=True, help="data category id (see 'policy show')")
    what = er.add_mutually_exclusive_group(required=True)
    what.add_argument("--erased", action="store_true", help="the data was erased (say how with --method)")
    what.add_argument("--retained", action="store_true",
                      help="the data is kept; the legal reason comes from the catalogue's retention rules")
    er.add_argument("--method", help="how it was erased, e.g. 'rows deleted; backups expire after 30 days'")
    er.add_argument("--ground", help="retained: a special circumstance the policy names (e.g. 'Dispute resolution')")
    er.add_argument("--at", type=_when, help="when it was done (ISO 8601 with zone; default: now)")
    er.set_defaults(func=cmd_erasure, open_context=open_context)

    co = rs.add_parser("correction", parents=[common], help="record one correction made in one system")
    co.add_argument("reference")
    co.add_argument("--system", required=True)
    co.add_argument("--field", required=True)
    co.add_argument("--to", dest="new", help="the value the field now holds")
    co.add_argument("--from", dest="old", help="the value before (default: as the gathered records show it)")
    co.add_argument("--description", help="what was changed, where a before/after does not fit")
    co.add_argument("--at", type=_when, help="when it was done (ISO 8601 with zone; default: now)")
    co.set_defaults(func=cmd_correction, open_context=open_context)

    an = rs.add_parser("answer", parents=[common], help="record the answer to an inquiry, or the decision on a request")
    an.add_argument("reference")
    an.add_argument("--text", required=True, help="the answer or the explanation, as the letter will print it")
    an.add_argument("--decision", choices=facts.DECISIONS, help="for requests answered by a decision")
    an.set_defaults(func=cmd_answer, open_context=open_context)

    rr = rs.add_parser("restriction-record", parents=[common],
                       help="record when the restriction of processing took effect (the letter's 'restricted since')")
    rr.add_argument("reference")
    rr.add_argument("--at", type=_when, help="when it took effect (ISO 8601 with zone; default: now)")
    rr.add_argument("--how", help="how it was applied, e.g. 'profiling flag set in the CRM'")
    rr.set_defaults(func=cmd_restriction, open_context=open_context)

    fa = rs.add_parser("facts", parents=[common], help="what was recorded as done for a request")
    fa.add_argument("reference")
    fa.set_defaults(func=cmd_facts, open_context=open_context)


def _context(args: argparse.Namespace) -> Context:
    return args.open_context(args)


def _print(recorded: facts.Facts, args: argparse.Namespace) -> int:
    if args.json:
        emit_json(recorded)
        return 0
    for e in recorded.erasures:
        print(f"{e.outcome:<8}  {e.category:<13} in {e.system}: {e.method or e.legal_reason}  "
              f"({human(e.done_at)}, {e.done_by})")
    for c in recorded.corrections:
        change = f"{c.old_value or '?'} -> {c.new_value}" if c.new_value is not None else ""
        print(f"corrected {c.field} in {c.system}: {change} {c.description or ''}".rstrip()
              + f"  ({human(c.done_at)}, {c.done_by})")
    if recorded.answer:
        a = recorded.answer
        print(f"answer    {a.decision + ': ' if a.decision else ''}{a.text}  ({human(a.answered_at)}, {a.answered_by})")
    if recorded.restriction:
        r = recorded.restriction
        print(f"restricted since {human(r.applied_at)}{': ' + r.how if r.how else ''}  ({r.applied_by})")
    if not (recorded.erasures or recorded.corrections or recorded.answer or recorded.restriction):
        print("nothing recorded yet")
    return 0


def cmd_erasure(args: argparse.Namespace) -> int:
    ctx = _context(args)
    return _print(facts.record_erasure(ctx, args.reference, args.system, args.category, erased=args.erased,
                                       method=args.method, ground=args.ground, at=args.at), args)


def cmd_correction(args: argparse.Namespace) -> int:
    ctx = _context(args)
    return _print(facts.record_correction(ctx, args.reference, args.system, args.field, new=args.new, old=args.old,
                                          description=args.description, at=args.at), args)


def cmd_answer(args: argparse.Namespace) -> int:
    ctx = _context(args)
    return _print(facts.record_answer(ctx, args.reference, args.text, args.decision), args)


def cmd_restriction(args: argparse.Namespace) -> int:
    ctx = _context(args)
    return _print(facts.record_restriction(ctx, args.reference, at=args.at, how=args.how), args)


def cmd_facts(args: argparse.Namespace) -> int:
    ctx = _context(args)
    return _print(facts.facts_for(ctx, args.reference), args)
