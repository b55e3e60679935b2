"""Letters that answer the request rather than carry data: receipt, extension, rejection,
transfer information, decisions and inquiries; and :func:`letter_spec`, which picks the body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from console.documents.spec import Block, DocumentSpec, Heading, Paragraph
from console.errors import ValidationError
from console.packages import data_letters
from console.packages.content import LetterInput, bullets, document, request_facts
from console.packages.templates import Words
from console.policy import Catalogue
from console.policy.records import LEGAL_BASIS_TITLES
from console.requests.facts import Withdrawal


def receipt(inp: LetterInput) -> list[Block]:
    w, view = inp.words, inp.view
    overdue = view.due_at <= inp.issued  # never promise a date that has passed
    blocks: list[Block] = [Paragraph(w.text("receipt", "intro")),
                           Paragraph(w.text("receipt", "overdue" if overdue else "due"))]
    blocks += request_facts(inp, answered=False)
    blocks.append(Heading(w.text("receipt", "verify_heading")))
    missing = [w.optional("catalogue", f"checklist.{c.item_id}", c.label)
               for c in view.checklist if c.required and c.result != "passed"]
    if missing:
        blocks += [Paragraph(w.text("receipt", "verify_intro")), bullets(missing)]
    elif view.checklist:
        blocks.append(Paragraph(w.text("receipt", "verify_done")))
    else:
        blocks.append(Paragraph(w.text("receipt", "verify_none")))
    return blocks


def extension(inp: LetterInput) -> list[Block]:
    w = inp.words
    latest = inp.view.extensions[-1]
    law_key = f"law_{latest.rule_id.split('.')[0]}"
    law = w.text("extension", law_key) if w.has("extension", law_key) else w.text("extension", "law")
    return [Paragraph(w.text("extension", "intro")), Heading(w.text("extension", "reason_heading")),
            Paragraph(latest.reason), Paragraph(w.text("extension", "new_due")), Paragraph(law),
            *request_facts(inp, answered=False)]


def rejection(inp: LetterInput) -> list[Block]:
    w, view = inp.words, inp.view
    grounds = view.outcome or ""
    blocks: list[Block] = [Paragraph(w.text("rejection", "intro")), Heading(w.text("rejection", "reason_heading"))]
    if w.has("rejection", f"grounds.{grounds}"):
        blocks.append(Paragraph(w.text("rejection", f"grounds.{grounds}")))
    if view.outcome_reason:
        blocks.append(Paragraph(w.text("rejection", "details", reason=view.outcome_reason)))
    blocks.append(Paragraph(w.text("rejection", "next")))
    return blocks + request_facts(inp)


def information(inp: LetterInput) -> list[Block]:
    w, transfers = inp.words, inp.catalogue.transfers
    blocks: list[Block] = [Paragraph(w.text("information", "intro"))]
    for key, values in (("safeguards", transfers.safeguards), ("standards", transfers.standards),
                        ("ensures", transfers.ensures), ("measures", transfers.measures),
                        ("rights", transfers.rights)):
        translated = w.raw("catalogue", f"transfers.{key}") if w.has("catalogue", f"transfers.{key}") else None
        items = [str(v) for v in translated] if isinstance(translated, list) else list(values)
        if items:
            blocks += [Heading(w.text("information", key), 2), bullets(items)]
    blocks.append(Paragraph(w.text("information", "copy")))
    return blocks + request_facts(inp)


def decision(inp: LetterInput) -> list[Block]:
    """The decision as recorded: granted, partly granted or refused, with its explanation."""
    w, answer = inp.words, inp.facts.answer
    assert answer is not None and answer.decision is not None  # recorded.require_facts checked it
    return [Paragraph(w.text("decision", "intro")), Heading(w.text("decision", "heading")),
            Paragraph(w.text("decision", f"outcome.{answer.decision}")), Paragraph(answer.text),
            Paragraph(w.text("decision", "recorded", on=inp.date(answer.answered_at))),
            *withdrawal_blocks(inp.catalogue, inp.facts.withdrawals, inp.date, w),
            *request_facts(inp)]


def inquiry(inp: LetterInput) -> list[Block]:
    """The recorded answer, word for word."""
    w, answer = inp.words, inp.facts.answer
    assert answer is not None  # recorded.require_facts checked it
    return [Paragraph(w.text("letter", "intro")), Heading(w.text("letter", "answer_heading")),
            Paragraph(answer.text), Paragraph(w.text("letter", "policy")), *request_facts(inp)]


BODIES: dict[str, Callable[[LetterInput], list[Block]]] = {
    "access": data_letters.access,
    "portability": data_letters.portability,
    "erasure": data_letters.erasure,
    "rectification": data_letters.rectification,
    "restriction": data_letters.restriction,
    "information": information,
    "decision": decision,
    "letter": inquiry,
    "receipt": receipt,
    "extension": extension,
    "rejection": rejection,
}


def letter_spec(inp: LetterInput) -> DocumentSpec:
    """The whole letter of ``inp.kind``; its words come from the template of the same name."""
    return document(inp, inp.kind, BODIES[inp.kind](inp))


def _withdrawal_title(cat: Catalogue, w: Withdrawal) -> str:
    try:
        if w.target_kind == "cookie_category":
            return cat.records.cookie_category(w.target_id).title
        return cat.records.activity(w.target_id).title
    except ValidationError:
        return w.target_id  # gone from today's catalogue: the recorded id still says what it was


def withdrawal_blocks(cat: Catalogue, withdrawals: Sequence[Withdrawal], date: Callable[[datetime], str],
                  words: Words) -> list[Block]:
    """What the decision letter says about a withdrawal: stopped, continuing, not withdrawable, and when."""
    if not withdrawals:
        return []

    def said(key: str, **values: object) -> str:
        return words.text("decision", f"withdrawal.{key}", **values)

    def why(w: Withdrawal) -> str:
        if w.target_kind == "activity":
            try:
                bases = ", ".join(LEGAL_BASIS_TITLES[b] for b in cat.records.activity(w.target_id).legal_bases)
            except ValidationError:
                return w.reason or ""
            return said("not_consent", bases=bases)
        return w.reason or ""

    stopped = [w for w in withdrawals if w.outcome == "withdrawn"]
    going_on = [w for w in stopped if w.continues_on]
    refused = [w for w in withdrawals if w.outcome == "not_withdrawable"]
    blocks: list[Block] = [Heading(said("heading")),
                           Paragraph(said("effective", on=date(min(w.effective_at for w in withdrawals))))]
    for key, group, line in (("stopped", stopped, lambda w: _withdrawal_title(cat, w)),
                             ("continues", going_on, lambda w: f"{_withdrawal_title(cat, w)}: {w.continues_on}"),
                             ("refused", refused, lambda w: f"{_withdrawal_title(cat, w)}: {why(w)}")):
        if group:
            blocks += [Heading(said(key), 2), Paragraph("\n".join(f"•  {line(w)}" for w in group))]
    return blocks
