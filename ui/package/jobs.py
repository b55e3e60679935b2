"""What the Package tab hands to its background tasks: small wrappers over console.packages.

They run in a pool thread (keyring, certificate file, database, package folders), never on the
GUI thread, and return frozen values the tab can show as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console import config
from console.context import Context
from console.errors import ConsoleError
from console.packages import CertificateInfo, PackageView, list_packages, signing_settings
from console.packages.settings import open_signer


@dataclass(frozen=True)
class SigningState:
    """Whether a package can be signed now, with what, or why not."""

    configured: bool  # a certificate is named (shared setting or environment)
    info: CertificateInfo | None  # opened with the stored passphrase: ready to sign
    problem: str  # why a configured certificate cannot sign (the console's message)

    @property
    def ready(self) -> bool:
        return self.info is not None


def signing_state(ctx: Context) -> SigningState:
    """Open the configured certificate the way a build will, to say so before the build."""
    try:
        signer = open_signer(ctx)
    except ConsoleError as exc:
        try:
            configured = config.SIGNING_CERT.is_set() or signing_settings(ctx).pkcs12_path is not None
        except ConsoleError:
            configured = True  # the database said no: show its message, it is the problem to fix
        return SigningState(configured, None, str(exc) if configured else "")
    return SigningState(True, signer.info, "")


@dataclass(frozen=True)
class BuiltPackage:
    """A package recorded for the request, and whether its folder or .zip is still where it was put."""

    package: PackageView
    present: bool


def packages(ctx: Context, reference: str) -> list[BuiltPackage]:
    return [BuiltPackage(p, Path(p.path).exists()) for p in list_packages(ctx, reference)]
