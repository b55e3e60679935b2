"""The drill report: time from awareness to each milestone against the targets, and the calls made."""

from __future__ import annotations

from console.context import Context
from console.documents.finish import Signing, finish
from console.documents.spec import Block, DocumentSpec, Heading, KeyValue, Paragraph, Table
from console.incidents import docutil as du
from console.incidents.drills import DrillStatus, drill_status
from console.incidents.letters import drill_banner, timeline_table
from console.policy import Catalogue


def _result(met: bool | None, reached: bool) -> str:
    if met is None:
        return "In progress"
    if met:
        return "Met"
    return "Missed" if reached else "Not reached"


def _yes_no(value: bool | None) -> str:
    return du.EM_DASH if value is None else ("Notify" if value else "Do not notify")


def _decided(value: str | None) -> bool | None:
    return None if value is None else value == "notify"


def drill_report_spec(status: DrillStatus, cat: Catalogue, lang: str = "en") -> DocumentSpec:
    """Pure: a drill's status in, the report's DocumentSpec out (the window can preview it)."""
    org = cat.organisation
    view = status.incident
    missed = sum(1 for m in status.met if m is False)
    met = sum(1 for m in status.met if m is True)
    summary = f"{met} of {len(status.milestones)} milestones met" + (f", {missed} missed" if missed else "")
    blocks: list[Block] = [
        *drill_banner(status.scenario_title, lang),
        Paragraph(du.text("drill_report", "intro", lang)),
        KeyValue([
            ("Scenario", f"{status.scenario_title} ({status.scenario_id})"),
            ("Incident", f"{view.reference}: {view.title}"),
            ("Started", f"{du.when(status.started_at, cat)} by {view.drill.started_by if view.drill else du.EM_DASH}"),
            ("Finished", du.when(status.finished_at, cat) if status.finished_at else "Still running"),
            ("Duration", du.duration(status.elapsed)),
            ("Result", summary),
        ]),
        Heading("Milestones"),
        Table(["Milestone", "Target", "Reached", "Time from awareness", "Result"],
              [[m.title, f"{m.target_hours} h", du.short(m.reached_at, cat), du.duration(m.elapsed),
                _result(ok, m.reached_at is not None)] for m, ok in zip(status.milestones, status.met, strict=True)],
              widths=(2.2, 0.8, 1.6, 1.6, 1.1)),
    ]
    if status.summary:
        blocks[3:3] = [Paragraph(status.summary)]
    exp = status.expected
    rows = [
        ["Risk", du.risk_title(view.risk), du.risk_title(exp.risk) if exp else du.EM_DASH],
        ["Supervisory authority", _yes_no(_decided(view.authority_decision)), _yes_no(exp.authority) if exp else du.EM_DASH],
        ["People affected", _yes_no(_decided(view.people_decision)), _yes_no(exp.people) if exp else du.EM_DASH],
    ]
    blocks += [Heading("Decisions"), Table(["Question", "The team decided", "The scenario expects"], rows,
                                           widths=(1.6, 2, 2))]
    if exp and exp.notes:
        blocks.append(Paragraph(exp.notes, small=True))
    if status.released:
        blocks += [Heading("Injects", 2), Table(
            ["Minute", "Released", "Fact given to the team"],
            [[str(i.after_minutes), du.short(i.released_at, cat), i.text] for i in status.released],
            widths=(0.7, 1.4, 5))]
    blocks += [Heading("Timeline", 2), timeline_table(view, cat)]
    if status.debrief:
        blocks += [Heading("Debrief", 2), Paragraph(status.debrief)]
    return DocumentSpec(
        title=du.text("drill_report", "title", lang), reference=view.reference, organisation=org.name,
        organisation_lines=du.organisation_lines(cat),
        subject=du.text("drill_report", "subject", lang, reference=view.reference, scenario=status.scenario_title),
        blocks=blocks, language=lang, author=org.name, keywords=["breach drill", status.scenario_id],
        issued=status.as_of.astimezone(org.tz).date(), labels=du.labels(lang),
        marking=du.text("drill", "marking", lang),
    )


def drill_report(ctx: Context, reference: str, *, signing: Signing | None = None) -> bytes:
    from console.documents.pdf import render_pdf

    status = drill_status(ctx, reference)
    return finish(render_pdf(drill_report_spec(status, ctx.catalogue)), signing, status.reference,
                  "Breach response drill report", drill=True)
