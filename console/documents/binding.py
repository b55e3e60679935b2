"""The package fingerprint: one hash that ties a signed letter to its request, decision and files.

Over the request's reference, the package kind, the recorded outcome, the subject's name, the
letter's language, the version of the letter template and every data file's SHA-256. The letter
prints the fingerprint and carries the whole binding in its document keywords, both inside the
signed revision; ``package verify`` recomputes it from the files it finds and from the
console's own record of what was built. So a letter cannot be moved to another person's
package, a rejection cannot stand in for an access answer, and every letter-only package has
its own fingerprint.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from console.documents.manifest import canonical_json

BINDING_VERSION = 1
KEYWORD_KIND = "privacy-console-package:"
KEYWORD_FINGERPRINT = "package-fingerprint-sha256:"
KEYWORD_BINDING = "package-binding:"


@dataclass(frozen=True)
class PackageBinding:
    """What one signed letter vouches for; ``files`` are (path, SHA-256) pairs sorted by path."""

    reference: str
    kind: str
    outcome: str
    subject: str
    language: str
    template_version: str
    files: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, *, reference: str, kind: str, outcome: str | None, subject: str, language: str,
           template_version: str, files: Mapping[str, bytes] | Iterable[tuple[str, str]]) -> PackageBinding:
        """``files`` as name -> bytes (hashed here) or as (name, sha256) pairs already hashed."""
        if isinstance(files, Mapping):
            pairs = [(name, hashlib.sha256(data).hexdigest()) for name, data in files.items()]
        else:
            pairs = list(files)
        return cls(reference=reference.strip().upper(), kind=kind, outcome=outcome or "",
                   subject=unicodedata.normalize("NFC", subject.strip()), language=language,
                   template_version=template_version, files=tuple(sorted(pairs)))

    def body(self) -> dict[str, object]:
        return {
            "version": BINDING_VERSION, "reference": self.reference, "kind": self.kind,
            "outcome": self.outcome, "subject": self.subject, "language": self.language,
            "template_version": self.template_version,
            "files": [{"path": path, "sha256": digest} for path, digest in self.files],
        }  # fmt: skip

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON of :meth:`body`: what the letter prints."""
        return hashlib.sha256(canonical_json(self.body())).hexdigest()

    def with_files(self, files: Mapping[str, bytes]) -> PackageBinding:
        """The same letter facts over the files actually found (what verify recomputes)."""
        return PackageBinding.of(reference=self.reference, kind=self.kind, outcome=self.outcome,
                                 subject=self.subject, language=self.language,
                                 template_version=self.template_version, files=files)

    def keywords(self) -> tuple[str, ...]:
        """Document keywords (base64 keeps commas in a name from splitting the list)."""
        encoded = base64.urlsafe_b64encode(canonical_json(self.body())).decode("ascii")
        return (f"{KEYWORD_KIND}{self.kind}", f"{KEYWORD_FINGERPRINT}{self.fingerprint}",
                f"{KEYWORD_BINDING}{encoded}")


@dataclass(frozen=True)
class StatedBinding:
    """What a letter's signed keywords say: the binding and the fingerprint printed beside it."""

    binding: PackageBinding | None
    fingerprint: str
    kind: str


def read_keywords(keywords: str) -> StatedBinding:
    """Parse the keywords of the signed revision; a missing or damaged binding gives None."""
    items = [item.strip() for item in keywords.split(",")]

    def value(prefix: str) -> str:
        return next((i[len(prefix):] for i in items if i.startswith(prefix)), "")

    fingerprint, kind, encoded = value(KEYWORD_FINGERPRINT), value(KEYWORD_KIND), value(KEYWORD_BINDING)
    if not encoded:
        return StatedBinding(None, fingerprint, kind)
    try:
        raw = json.loads(base64.urlsafe_b64decode(encoded.encode("ascii")))
        binding = PackageBinding.of(
            reference=str(raw["reference"]), kind=str(raw["kind"]), outcome=str(raw["outcome"]),
            subject=str(raw["subject"]), language=str(raw["language"]),
            template_version=str(raw["template_version"]),
            files=[(str(f["path"]), str(f["sha256"])) for f in raw["files"]],
        )
    except (ValueError, KeyError, TypeError, binascii.Error):
        return StatedBinding(None, fingerprint, kind)
    return StatedBinding(binding, fingerprint, kind)


def template_version(paths: Iterable[object]) -> str:
    """A version of the letter text: the SHA-256 (first 16 hex digits) of the template files used.

    Any edit of the wording gives a new version, so a letter can be traced to the text it was
    made from without anyone remembering to bump a number.
    """
    from pathlib import Path

    digest = hashlib.sha256()
    for path in sorted(Path(str(p)) for p in paths):
        try:
            data = path.read_bytes()
        except OSError:
            continue  # a template that is not there was not used (the build has said why)
        digest.update(f"{path.parent.name}/{path.name}\0".encode())
        digest.update(hashlib.sha256(data).digest())
    return f"sha256:{digest.hexdigest()[:16]}"
