"""``privacy-console policy show``: the rules the console counts with."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from console.cli.args import command
from console.cli.output import emit_json
from console.policy import load_catalogue


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("policy", help="show the policy catalogue")
    psub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    command(psub, "show", common, show_policy, "print rights, windows, checklists, clocks, categories")
    command(psub, "check", common, check_policy, "load and validate a catalogue, print a summary")


def show_policy(args: argparse.Namespace) -> int:
    cat = load_catalogue(args.policy)
    if args.json:
        data = asdict(cat)
        data.pop("raw", None)
        emit_json(data)
        return 0
    org = cat.organisation
    print(f"{org.name} — {org.policy_source}\nCatalogue: {cat.source}\nTime zone: {org.time_zone}; due soon: "
          f"{cat.due_soon_hours} h before a deadline\n")
    print("Rights (company window; identity checks):")
    for r in cat.rights:
        items = "; ".join(i.label + ("" if i.required else " (if data-related)") for i in r.checklist) or "none required"
        extra = ", second verifier" if r.second_verifier else ""
        extra += "" if r.company_window else ", the law's clock alone where one runs"
        print(f"  {r.id:<24} {r.window.describe():<10} {items}{extra}")
    print(f"  parental items (under {cat.child_age_threshold}): " + "; ".join(i.label for i in cat.parental_checklist))
    print("\nLaw clocks:")
    for c in cat.law_clocks:
        ext = f", extendable by {c.extension.describe()}" if c.extension else ""
        print(f"  {c.id:<18} {c.label} [{', '.join(c.jurisdictions)}]{ext}")
    print(f"  breach             {cat.breach.authority_rule}")
    print("\nCalendars (receipt dates and holidays per jurisdiction):")
    for j in cat.jurisdictions:
        holidays = "/".join(x for x in (j.holiday_country, j.holiday_subdiv) if x) or "weekends only"
        print(f"  {j.id:<8} {j.time_zone or org.time_zone}, holidays {holidays}")
    print("\nData categories (legal basis; retention):")
    for cat_ in cat.categories:
        print(f"  {cat_.id:<14} {cat_.legal_basis[:60]}…; {cat_.retention.text}")
    print("\nInternational transfers safeguarded by: " + ", ".join(cat.transfers.safeguards))
    return 0


def check_policy(args: argparse.Namespace) -> int:
    from console.policy.catalogue import check_calendars

    cat = load_catalogue(args.policy)
    check_calendars(cat)
    summary = {"catalogue": cat.source, "rights": len(cat.rights), "law_clocks": len(cat.law_clocks),
               "categories": len(cat.categories), "organisation": cat.organisation.name}
    if args.json:
        emit_json({"ok": True, **summary})
    else:
        print(f"OK: {cat.source}: {summary['rights']} rights, {summary['law_clocks']} law clocks, "
              f"{summary['categories']} data categories for {summary['organisation']}")
    return 0
