"""``privacy-console drill ...``: response drills from a scenario, on the real clocks."""

from __future__ import annotations

import argparse
from typing import Any

from console.cli.app import context
from console.cli.args import command
from console.cli.incident import signing_from
from console.cli.output import emit_json, table
from console.context import Context
from console.errors import ValidationError
from console.files import write_out
from console.incidents import drills, scenarios
from console.incidents.docutil import duration


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("drill", help="response drills: scenarios, start, status, finish")
    rs = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    command(rs, "scenarios", common, cmd_scenarios, "the scenarios shipped with the console")

    st = command(rs, "start", common, cmd_start, "start a drill from a scenario (id or TOML file)")
    st.add_argument("scenario", nargs="?", help="scenario id (see 'drill scenarios') or the path of your own")
    st.add_argument("--custom", metavar="TITLE", help="an ad-hoc drill with this title instead of a scenario")
    st.add_argument("--description", default="", help="with --custom: the facts handed to the team")

    command(rs, "status", common, cmd_status, "milestones against targets, injects released so far", "reference")

    fi = command(rs, "finish", common, cmd_finish, "end the drill and write its report", "reference")
    fi.add_argument("--debrief", default="", help="what went well, what to improve")
    fi.add_argument("--out", help="write the drill report PDF here")
    fi.add_argument("--cert", metavar="P12", help="sign with this PKCS#12 file instead of the configured certificate")
    fi.add_argument("--no-sign", action="store_true", help="an unsigned report even if a certificate is configured")


def status_json(status: drills.DrillStatus) -> dict[str, Any]:
    """Milestones with seconds, so scripts compare numbers rather than parse '4 h 05 min'."""
    return {
        "reference": status.reference, "scenario": status.scenario_id, "scenario_title": status.scenario_title,
        "started_at": status.started_at, "finished_at": status.finished_at,
        "elapsed_seconds": int(status.elapsed.total_seconds()),
        "authority_due_at": status.incident.authority_due_at, "status": status.incident.status,
        "milestones": [{"key": m.key, "title": m.title, "target_hours": m.target_hours, "reached_at": m.reached_at,
                        "elapsed_seconds": None if m.elapsed is None else int(m.elapsed.total_seconds()),
                        "met": ok} for m, ok in zip(status.milestones, status.met, strict=True)],
        "released_injects": status.released, "next_inject": status.next_inject, "expected": status.expected,
        "debrief": status.debrief,
    }


def _print(status: drills.DrillStatus, args: argparse.Namespace, ctx: Context) -> int:
    if args.json:
        emit_json(status_json(status))
        return 0
    tz = ctx.catalogue.organisation.tz
    state = "finished" if status.finished_at else "running"
    print(f"{status.reference}  DRILL: {status.scenario_title}  [{state}, {duration(status.elapsed)}]")
    print(f"  incident {status.incident.title}  [{status.incident.status}]")
    rows = [[m.title, f"{m.target_hours} h", m.reached_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if m.reached_at else "-",
             duration(m.elapsed) if m.elapsed is not None else "-", {True: "met", False: "missed", None: "open"}[ok]]
            for m, ok in zip(status.milestones, status.met, strict=True)]
    table(rows, ["milestone", "target", "reached", "from awareness", "result"])
    for i in status.released:
        print(f"  inject +{i.after_minutes} min: {i.text}")
    if status.next_inject and not status.finished_at:
        print(f"  next inject at +{status.next_inject.after_minutes} min")
    return 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    ctx = context(args)
    found = scenarios.list_scenarios(ctx.catalogue)
    if args.json:
        emit_json(found)
        return 0
    table([[s.id, s.title, str(len(s.injects))] for s in found], ["id", "title", "injects"])
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.custom and args.scenario:
        raise ValidationError("Give a scenario or --custom TITLE, not both.")
    if args.custom:
        scenario: str | scenarios.Scenario = scenarios.custom_scenario(args.custom, args.description)
    elif args.scenario:
        scenario = args.scenario
    else:
        raise ValidationError("Name a scenario (see 'privacy-console drill scenarios') or give --custom TITLE.")
    return _print(drills.start_drill(ctx, scenario), args, ctx)


def cmd_status(args: argparse.Namespace) -> int:
    ctx = context(args)
    return _print(drills.drill_status(ctx, args.reference), args, ctx)


def cmd_finish(args: argparse.Namespace) -> int:
    from console.incidents.drill_report import drill_report

    ctx = context(args)
    signing = signing_from(args, ctx) if args.out else None
    status = drills.finish_drill(ctx, args.reference, args.debrief)
    if args.out:
        write_out(args.out, drill_report(ctx, args.reference, signing=signing))
        if not args.json:
            print(f"Wrote the drill report to {args.out}")
    return _print(status, args, ctx)
