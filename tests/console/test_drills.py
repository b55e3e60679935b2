"""Response drills: a scenario run on the real clocks, kept out of every real figure, and reported."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from console.errors import TransitionError, ValidationError
from console.incidents import commands, drills, notifications, queries, register, scenarios
from console.incidents.drill_report import drill_report, drill_report_spec
from console.incidents.letters import authority_report


def pdf_text(data: bytes, tmp_path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def test_shipped_scenarios_are_valid_and_realistic(catalogue) -> None:
    found = scenarios.list_scenarios(catalogue)
    assert len(found) >= 3
    for sc in found:
        assert sc.expected is not None and sc.injects and sc.description and sc.natures
        assert sc.people_count and sc.people_count > 0
        assert [i.after_minutes for i in sc.injects] == sorted(i.after_minutes for i in sc.injects)
    assert {sc.expected.risk for sc in found if sc.expected} == {"no_risk", "risk", "high_risk"}


def test_a_bad_scenario_names_file_and_key(tmp_path: Path, catalogue) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text('[scenario]\nid = "x"\ntitle = "X"\n[incident]\ntitle = "T"\nnatures = ["secrecy"]\n')
    with pytest.raises(ValidationError, match="mine.toml: incident.natures: 'secrecy' is not one of"):
        scenarios.find_scenario(str(bad), catalogue)
    with pytest.raises(ValidationError, match="No drill scenario 'volcano'"):
        scenarios.find_scenario("volcano", catalogue)


def test_full_drill_from_start_to_report(ctx, clock, tmp_path: Path) -> None:
    start = clock.now
    status = drills.start_drill(ctx, "ransomware-support-server")
    ref = status.reference
    assert ref.startswith("DRILL-2026-") and status.incident.is_drill
    assert status.incident.became_aware_at == start
    assert status.incident.authority_due_at == start + timedelta(hours=72)  # the same clock as a real breach
    assert status.incident.detected_at == start - timedelta(minutes=50)
    assert status.released == () and status.next_inject is not None and status.next_inject.after_minutes == 45
    assert "exercise" in status.incident.timeline[-1].text

    clock.advance(hours=1, minutes=30)
    assert [i.after_minutes for i in drills.drill_status(ctx, ref).released] == [45]
    commands.advance(ctx, ref, note="Ransomware confirmed on SUP-FS-02")
    clock.advance(hours=2)
    notifications.assess(ctx, ref, "high_risk", "38 GB copied out; a sample is published")
    commands.advance(ctx, ref, note="Server isolated; attacker VPN account disabled")
    clock.advance(hours=30)  # decision at 33 h 30 min: within the 48 h target
    notifications.decide(ctx, ref, authority=True, people=True, reason="Publication makes phishing likely")
    clock.advance(hours=40)  # authority report at 73 h 30 min: the 72 h target is missed
    authority_report(ctx, ref)
    mid = drills.drill_status(ctx, ref)
    assert mid.met == (True, True, True, False)
    assert len(mid.released) == 4 and mid.next_inject is None

    done = drills.finish_drill(ctx, ref, debrief="Legal sign-off took a day; pre-approve the notice template.")
    assert done.finished_at == clock.now and done.elapsed == timedelta(hours=73, minutes=30)
    elapsed = {m.key: m.elapsed for m in done.milestones}
    assert elapsed == {"triage": timedelta(hours=1, minutes=30), "containment": timedelta(hours=3, minutes=30),
                       "decision": timedelta(hours=33, minutes=30), "authority_report": timedelta(hours=73, minutes=30)}
    with pytest.raises(TransitionError, match="already finished"):
        drills.finish_drill(ctx, ref)
    with pytest.raises(TransitionError, match="drill .* is finished"):
        commands.log_entry(ctx, ref, "late note")

    clock.advance(days=3)  # reading later does not move the drill's own clock
    later = drills.drill_status(ctx, ref)
    assert later.elapsed == done.elapsed and later.met == done.met

    pdf = drill_report(ctx, ref)
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
    text = pdf_text(pdf, tmp_path)
    for needle in ("Breach response drill report", "Exercise", "Ransomware on the customer-support file server",
                   "Triage", "Containment", "Decision to notify", "Authority report ready", "1 h 30 min",
                   "3 h 30 min", "33 h 30 min", "73 h 30 min", "Missed", "Met", "3 of 4 milestones met",
                   "pre-approve the notice template", "Firewall logs show 38 GB"):
        assert needle in text, needle
    spec = drill_report_spec(later, ctx.catalogue)
    assert spec.reference == ref


def test_drills_never_count_in_real_figures_or_the_register(ctx, clock) -> None:
    real = commands.open_incident(ctx, commands.NewIncident(
        title="Invoices sent to old addresses", became_aware_at=clock.now - timedelta(hours=5))).reference
    drill = drills.start_drill(ctx, "lost-encrypted-laptop").reference
    custom = drills.start_drill(ctx, scenarios.custom_scenario("Tabletop: payroll file on a USB stick")).reference
    assert custom.startswith("DRILL-") and drill != custom
    assert real == "BR-2026-0001"  # drills draw no numbers from the breach sequence
    counts = queries.incident_counts(ctx)
    assert counts["open"] == 1 and counts["all"] == 1 and counts["drills"] == 2
    assert [r.reference for r in queries.list_incidents(ctx).rows] == [real]
    assert [v.reference for v in queries.register_views(ctx)] == [real]
    csv_text = register.register_csv(ctx)
    assert real in csv_text and "DRILL-" not in csv_text
    listed = queries.list_incidents(ctx, queries.IncidentFilter(drills="include")).rows
    assert {r.reference for r in listed} == {real, drill, custom}
    assert sum(r.is_drill for r in listed) == 2


def test_a_real_incident_is_no_drill(ctx, clock) -> None:
    ref = commands.open_incident(ctx, commands.NewIncident(title="Real", became_aware_at=clock.now)).reference
    with pytest.raises(ValidationError, match="real incident, not a drill"):
        drills.drill_status(ctx, ref)
    with pytest.raises(ValidationError, match="real incident, not a drill"):
        drills.finish_drill(ctx, ref)


def test_a_scenario_file_of_your_own(ctx, tmp_path: Path) -> None:
    own = tmp_path / "vendor-leak.toml"
    own.write_text("""
[scenario]
id = "vendor-leak"
title = "Mailing vendor leaks a list"
summary = "Our newsletter vendor reports an exposed database."

[incident]
title = "Newsletter vendor database exposed"
natures = ["confidentiality"]
categories = ["account", "preference"]
people_count = 9000
detected_minutes_before = 120

[[injects]]
after_minutes = 10
text = "The vendor's notice arrives: 9,000 of our subscribers are in the exposed table."

[expected]
risk = "risk"
authority = true
people = false
""", encoding="utf-8")
    status = drills.start_drill(ctx, str(own))
    assert status.scenario_id == "vendor-leak" and status.incident.people_count == 9000
    assert status.expected is not None and status.expected.authority


def test_a_finished_drill_has_no_running_clock(ctx, clock) -> None:
    """Once a drill is finished nothing is due: no alert, not in the running or overdue lists."""
    from console.incidents import drills, queries

    started = drills.start_drill(ctx, "ransomware-support-server")
    ref = started.reference
    drills.finish_drill(ctx, ref, "Debrief: went well")
    clock.advance(days=4)
    running = queries.list_incidents(ctx, queries.IncidentFilter(queue="clock_running", drills="include")).rows
    overdue = queries.list_incidents(ctx, queries.IncidentFilter(queue="overdue", drills="include")).rows
    assert ref not in [r.reference for r in running + overdue]
    assert ref not in [a.reference for a in queries.clock_alerts(ctx)]
