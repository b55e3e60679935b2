"""Response documents: letters as PDF, their signatures, and manifests of the package files.

A library for the package builder: it takes plain frozen dataclasses, never the database, and
raises :class:`console.errors.DocumentError` with a message a person can read.

Names resolve lazily (PEP 562): pyHanko and reportlab cost about half a second to import, which
``from console.documents.manifest import ...`` or a CLI start should not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from console import lazy

_EXPORTS = {
    "certs": ("certificate_pem", "create_self_signed", "fingerprint", "load_signer", "open_pkcs12"),
    "manifest": (
        "MANIFEST_NAME", "Manifest", "ManifestEntry", "build_manifest", "canonical_json",
        "check_manifest", "read_manifest", "write_manifest",
    ),
    "pdf": ("SIGNATURE_BOX", "SIGNATURE_PAGE", "render_pdf", "signature_box"),
    "signing": ("SIGNING_PASSPHRASE_SECRET", "sign_pdf"),
    "spec": (
        "Block", "DocumentSpec", "Heading", "KeyValue", "Labels", "PageBreak", "Paragraph",
        "Spacer", "Table",
    ),
    "verify": ("SignatureReport", "verify_pdf"),
}  # fmt: skip
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = [
    "Block",
    "DocumentSpec",
    "Heading",
    "KeyValue",
    "Labels",
    "MANIFEST_NAME",
    "Manifest",
    "ManifestEntry",
    "PageBreak",
    "Paragraph",
    "SIGNATURE_BOX",
    "SIGNATURE_PAGE",
    "SIGNING_PASSPHRASE_SECRET",
    "SignatureReport",
    "Spacer",
    "Table",
    "build_manifest",
    "canonical_json",
    "certificate_pem",
    "check_manifest",
    "create_self_signed",
    "fingerprint",
    "load_signer",
    "open_pkcs12",
    "read_manifest",
    "render_pdf",
    "sign_pdf",
    "signature_box",
    "verify_pdf",
    "write_manifest",
]  # the same names as _EXPORTS; a test keeps them in step

if TYPE_CHECKING:
    from console.documents.certs import (
        certificate_pem,
        create_self_signed,
        fingerprint,
        load_signer,
        open_pkcs12,
    )
    from console.documents.manifest import (
        MANIFEST_NAME,
        Manifest,
        ManifestEntry,
        build_manifest,
        canonical_json,
        check_manifest,
        read_manifest,
        write_manifest,
    )
    from console.documents.pdf import SIGNATURE_BOX, SIGNATURE_PAGE, render_pdf, signature_box
    from console.documents.signing import SIGNING_PASSPHRASE_SECRET, sign_pdf
    from console.documents.spec import (
        Block,
        DocumentSpec,
        Heading,
        KeyValue,
        Labels,
        PageBreak,
        Paragraph,
        Spacer,
        Table,
    )
    from console.documents.verify import SignatureReport, verify_pdf

__getattr__ = lazy.exports(__name__, _WHERE)
