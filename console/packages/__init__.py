"""Response packages: what the person finally receives, and what proves later what was sent.

Service functions for the CLI and the desktop Package tab (both run them in the background and
pass ``progress(done, total)`` and ``cancel() -> bool``):

- :func:`preview_pdf` — the letter as it will be built, unsigned, for the preview pane;
- :func:`build_package` — data files, letter, signature, manifest; recorded on the request;
- :func:`verify_package` — a folder or .zip checked file by file and signature by signature;
- :func:`list_packages`, :func:`mark_sent` — what was built and when it went out;
- :func:`configure_signing`, :func:`signing_settings` — the organisation's certificate.

This is the package's public API. Names resolve lazily (PEP 562), so importing one module of
the package (``console.packages.settings`` for the certificate, say) does not build the rest:
before, ``__init__`` imported the builder, which imports the letters, which import this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from console import lazy

_EXPORTS = {
    "builder": ("PackageResult", "build_package", "preview_pdf"),
    "kinds": ("KIND_TITLES", "KINDS", "choose_kind", "kinds_for"),
    "records": ("PackageView", "list_packages", "mark_sent"),
    "settings": ("CertificateInfo", "SigningSettings", "certificate_info", "configure_signing", "set_timestamp_url",
                 "signing_settings"),
    "verify": ("VerifyReport", "verify_package"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = [
    "CertificateInfo",
    "KINDS",
    "KIND_TITLES",
    "PackageResult",
    "PackageView",
    "SigningSettings",
    "VerifyReport",
    "build_package",
    "certificate_info",
    "choose_kind",
    "configure_signing",
    "kinds_for",
    "list_packages",
    "mark_sent",
    "preview_pdf",
    "set_timestamp_url",
    "signing_settings",
    "verify_package",
]  # the names of _EXPORTS; test_layers keeps them in step

if TYPE_CHECKING:
    from console.packages.builder import PackageResult, build_package, preview_pdf
    from console.packages.kinds import KIND_TITLES, KINDS, choose_kind, kinds_for
    from console.packages.records import PackageView, list_packages, mark_sent
    from console.packages.settings import (
        CertificateInfo,
        SigningSettings,
        certificate_info,
        configure_signing,
        set_timestamp_url,
        signing_settings,
    )
    from console.packages.verify import VerifyReport, verify_package

__getattr__ = lazy.exports(__name__, _WHERE)
