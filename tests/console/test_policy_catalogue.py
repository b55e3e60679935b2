"""The shipped catalogue says what the policy promises; a broken one fails naming file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from console.errors import PolicyError, ValidationError
from console.policy import load_catalogue
from console.resources import resource_path

WINDOWS = {"access": (30, "calendar_days"), "rectification": (15, "calendar_days"), "erasure": (30, "calendar_days"),
           "restriction": (7, "calendar_days"), "portability": (30, "calendar_days"), "inquiry": (48, "hours")}
CHECKLISTS = {
    "access": ["Government-issued identification", "Proof of address", "Account verification"],
    "rectification": ["Account verification", "Supporting documentation", "Specific correction details"],
    "erasure": ["Password confirmation", "Written confirmation of intent", "Identity verification"],
    "restriction": ["Account verification", "Specific restriction parameters", "Processing purpose confirmation"],
    "portability": ["Account authentication", "Format specifications", "Transfer destination details"],
}


def test_every_policy_window(catalogue) -> None:
    for right, (amount, unit) in WINDOWS.items():
        w = catalogue.right(right).window
        assert (w.amount, w.unit) == (amount, unit), right


def test_checklists_in_the_policys_words(catalogue) -> None:
    for right, labels in CHECKLISTS.items():
        assert [i.label for i in catalogue.right(right).checklist] == labels


def test_every_right_the_policy_names_is_there(catalogue) -> None:
    ids = {r.id for r in catalogue.rights}
    assert {"transfer_information", "transfer_objection", "consent_withdrawal", "ccpa_know", "ccpa_delete",
            "ccpa_opt_out", "ccpa_non_discrimination", "ccpa_access", "coppa_parental_consent",
            "coppa_parental_access", "inquiry"} <= ids


def test_categories_and_retention(catalogue) -> None:
    assert [c.id for c in catalogue.categories] == ["usage", "account", "profile", "service", "technical",
                                                     "communication", "transaction", "preference"]
    months = {c.id: c.retention.months for c in catalogue.categories}
    assert months["usage"] == 12 and months["transaction"] == 84 and months["communication"] == 36
    assert months["technical"] == 6 and months["account"] == 24
    assert catalogue.category("account").retention.after == "account_closure"


def test_law_clocks(catalogue) -> None:
    clocks = {c.id: c for c in catalogue.law_clocks}
    assert clocks["gdpr.art12"].unit == "months" and clocks["gdpr.art12"].extension.amount == 2
    assert clocks["ccpa.answer"].amount == 45 and not clocks["ccpa.answer"].pausable
    assert clocks["ccpa.acknowledge"].unit == "business_days" and clocks["ccpa.acknowledge"].amount == 10
    assert catalogue.breach.authority_hours == 72


def test_rules_for_a_californian_erasure(catalogue) -> None:
    ids = [r.id for r in catalogue.deadline_rules("erasure", ["EU", "US-CA"])]
    assert ids == ["policy.erasure", "gdpr.art12", "ccpa.answer", "ccpa.acknowledge"]


def test_child_subject_adds_parental_items(catalogue) -> None:
    items = [i.id for i in catalogue.checklist_for("access", child=True)]
    assert items[-3:] == ["age_verification", "parental_consent", "guardian_identity"]


def test_unknown_right_lists_known_ones(catalogue) -> None:
    with pytest.raises(ValidationError, match="Known rights: access"):
        catalogue.right("teleport")


def test_a_right_dropped_from_the_catalogue_is_found_as_none_and_titled_by_its_id(catalogue) -> None:
    assert catalogue.find_right("access").title == catalogue.right("access").title
    assert catalogue.find_right("teleport") is None
    assert catalogue.right_title("teleport") == "teleport"  # an old request still shows what it was


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), target)
    return target


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("rights.toml", 'unit = "calendar_days" }\ndescription = "Correction', 'unit = "weeks" }\ndescription = "Correction',
         r"rights.toml: rights\[1\].window.unit: 'weeks' is not one of"),
        ("organisation.toml", 'time_zone = "Europe/Dublin"', 'time_zone = "Mars/Olympus"', "organisation.time_zone"),
        ("laws.toml", 'applies_to = ["ccpa_opt_out"]', 'applies_to = ["opt_out"]', "law_clocks\\[3\\].applies_to: 'opt_out'"),
        ("rights.toml", 'window = { amount = 7,', 'window = { amount = -7,', r"rights\[3\].window.amount: must be at least 1"),
        ("data.toml", "[[categories]]\nid = \"usage\"", "[[categories]]\nid = 7", r"categories\[0\].id: expected text"),
        ("breach.toml", "authority_hours = 72", "authority_hours = 72\nauthority_hours = 73", "breach.toml: not valid TOML"),
        ("disclosures.toml", 'categories = ["transaction"]', 'categories = ["payments"]',
         r"disclosures.toml: recipients\[0\].categories: 'payments' is not a data category id"),
        ("disclosures.toml", "transfer_routes = []",
         'transfer_routes = [{ id = "r", recipient = "nobody", categories = ["usage"], countries = ["US"], '
         'safeguard = "Standard Contractual Clauses", source = "x" }]',
         r"disclosures.toml: transfer_routes\[0\].recipient: 'nobody' is not a recipient id"),
        ("regimes.toml", 'jurisdictions = ["UK"]', 'jurisdictions = ["GB"]',
         r"regimes.toml: regimes\[2\].jurisdictions: 'GB' is not a jurisdiction id"),
        ("laws.toml", 'time_zone = "Europe/London"', 'time_zone = "Europe/Atlantis"',
         r"jurisdictions\[1\].time_zone: 'Europe/Atlantis' is not a known time zone"),
        ("rights.toml", "company_window = false\ndescription", 'company_window = "no"\ndescription',
         r"company_window: expected true or false"),
    ],
)
def test_malformed_catalogue_names_file_key_and_problem(tmp_path: Path, file: str, old: str, new: str, message: str) -> None:
    folder = _copy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        load_catalogue(folder)


def test_missing_section_is_named(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "breach.toml").unlink()
    with pytest.raises(PolicyError, match=r"\[breach\] is missing"):
        load_catalogue(folder)


def test_another_organisation_loads_its_own(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    org = folder / "organisation.toml"
    org.write_text(org.read_text(encoding="utf-8").replace('name = "Miximonster"', 'name = "Øresund Bikes"'), encoding="utf-8")
    rights = folder / "rights.toml"
    rights.write_text(rights.read_text(encoding="utf-8").replace("window = { amount = 30, unit = \"calendar_days\" }\ndescription = \"Confirmation",
                                                                    "window = { amount = 20, unit = \"calendar_days\" }\ndescription = \"Confirmation"), encoding="utf-8")
    cat = load_catalogue(folder)
    assert cat.organisation.name == "Øresund Bikes"
    assert cat.right("access").window.amount == 20


def test_regime_follows_child_right_and_home_jurisdiction(catalogue) -> None:
    assert catalogue.regime_for("access", ("US-CA",)).id == "ccpa"
    assert catalogue.regime_for("access", ("EU", "US-CA")).id == "gdpr"  # the home jurisdiction decides
    assert catalogue.regime_for("ccpa_delete", ("EU",)).id == "ccpa"  # the right's own law
    assert catalogue.regime_for("access", ("UK",)).id == "uk_gdpr"
    assert catalogue.regime_for("access", ("EU",), child=True).id == "coppa"
    assert "California Privacy Protection Agency" in catalogue.regime_for("ccpa_know", ("US-CA",)).authority


def test_article_15_disclosures_cite_the_policy(catalogue) -> None:
    d = catalogue.disclosures
    assert {r.id for r in d.recipients_of(["transaction"])} >= {"payment_providers", "backup_storage"}
    assert d.automated is not None and not d.automated.solely_automated
    assert [p.id for p in d.profiling_of(["profile"])] == ["personalisation"]
    assert all(r.source for r in d.recipients) and d.routes == ()  # the policy names no destination country


def test_policy_check_names_an_unknown_holiday_subdivision(tmp_path: Path) -> None:
    """Loading checks only the shape (fast start); the full check names the subdivision and the known ones."""
    from console.policy.catalogue import check_calendars

    folder = _copy(tmp_path)
    laws = folder / "laws.toml"
    laws.write_text(laws.read_text(encoding="utf-8").replace('holiday_subdiv = "ENG"', 'holiday_subdiv = "XX"'),
                    encoding="utf-8")
    cat = load_catalogue(folder)
    with pytest.raises(PolicyError, match=r"jurisdiction UK: holiday_subdiv 'XX' is not a subdivision of GB "
                                          r"\(ENG, NIR, SCT, WLS\)"):
        check_calendars(cat)
    check_calendars(load_catalogue())  # the shipped catalogue passes


def test_a_category_or_jurisdiction_dropped_from_the_catalogue_is_found_as_none(catalogue) -> None:
    assert catalogue.find_category("account") is catalogue.category("account")
    assert catalogue.find_jurisdiction("EU") is catalogue.jurisdiction("EU")
    assert catalogue.find_category("astrology") is None and catalogue.find_jurisdiction("ATLANTIS") is None
