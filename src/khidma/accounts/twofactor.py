"""Two-step sign-in for staff: a time-based code (TOTP, RFC 6238) from an authenticator app, through
django-otp (its ``TOTPDevice`` keeps the secret, checks codes, refuses a code used twice and slows down
repeated wrong codes). Optional for everyone; required for organization administrators, supervisors and
platform operators when ``KHIDMA_STAFF_2FA_REQUIRED=1``. API tokens are not affected: a token is already a
second, revocable secret held by a program, not a person's password.
"""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from khidma.accounts.models import AccountEvent, AccountEventKind, Role, User
from khidma.core import clock
from khidma.core.phones import fold_digits

REQUIRED_ROLES = frozenset({Role.ORG_ADMIN, Role.SUPERVISOR})
DEVICE_NAME = "authenticator"


def two_factor_required(user: User) -> bool:
    """Whether the installation requires two-step sign-in of this person (their role or platform rights)."""
    return settings.KHIDMA_STAFF_2FA_REQUIRED and (user.is_superuser or user.role in REQUIRED_ROLES)


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def needs_second_step(user: User) -> bool:
    """Whether signing in takes a code after the password: the person turned it on, or must."""
    return confirmed_device(user) is not None or two_factor_required(user)


def enrolment_device(user: User) -> TOTPDevice:
    """The not yet confirmed device being set up (a new secret the first time); reloading the page shows the
    same secret, so a code from an app that already scanned it still works."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=DEVICE_NAME).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def enrolment_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as a QR code, an inline SVG (no image request, nothing sent elsewhere)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, dark="#111", light="#fff")


def enrolment_secret(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app that cannot scan."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _digits(token: str) -> str:
    # Arabic-Indic and Persian digits typed on an Arabic or Urdu keyboard are read as ASCII.
    return fold_digits("".join(ch for ch in (token or "") if not ch.isspace()))


@transaction.atomic
def two_factor_enrol(*, user: User, device: TOTPDevice, token: str, ip: str | None) -> bool:
    """Confirm the device with a first code from the app; False when the code is not right."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    if not device.verify_token(_digits(token)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    AccountEvent.objects.create(
        kind=AccountEventKind.TWO_FACTOR_ON, user=user, username=user.username, actor=user, ip=ip
    )
    return True


def two_factor_verify(*, user: User, token: str) -> tuple[TOTPDevice | None, int]:
    """Check a code at sign-in: (the device, 0) when right; (None, seconds to wait) when django-otp's own
    slowing down refuses for now; (None, 0) when wrong."""
    device = confirmed_device(user)
    if device is None:
        return None, 0
    allowed, info = device.verify_is_allowed()
    if not allowed:
        until = (info or {}).get("locked_until")
        return None, max(1, int((until - clock.now()).total_seconds())) if until else 1
    if device.verify_token(_digits(token)):
        return device, 0
    return None, 0


@transaction.atomic
def two_factor_remove(*, user: User, by: User, ip: str | None = None) -> int:
    """Remove someone's devices (they turn it off, or an administrator resets a lost phone)."""
    removed, _detail = TOTPDevice.objects.filter(user=user).delete()
    if removed:
        AccountEvent.objects.create(
            kind=AccountEventKind.TWO_FACTOR_OFF, user=user, username=user.username, actor=by, ip=ip
        )
    return removed
