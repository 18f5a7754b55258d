"""Who signs a plan's report by default: the plan's issuer, in the Decree 30/2020 form of a collective body
("TM. BAN CHỈ ĐẠO" over "TRƯỞNG BAN") or a head of agency ("GIÁM ĐỐC")."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from toandan.identifiers.names import name_key
from toandan.orgs.models import UnitKind
from toandan.plans.models import Plan


@dataclass
class Signature:
    capacity: str = ""
    position: str = ""
    name: str = ""


def _by_kind(kind: str) -> tuple[str, str] | None:
    table = {
        UnitKind.STEERING: (_("TM. BAN CHỈ ĐẠO"), _("TRƯỞNG BAN")),
        UnitKind.GOVERNMENT: (_("TM. ỦY BAN NHÂN DÂN"), _("CHỦ TỊCH")),
        UnitKind.COMMUNE: (_("TM. ỦY BAN NHÂN DÂN"), _("CHỦ TỊCH")),
        UnitKind.COUNCIL: (_("TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN"), _("CHỦ TỊCH")),
        UnitKind.POLICE: ("", _("GIÁM ĐỐC")),
        UnitKind.DEPARTMENT: ("", _("GIÁM ĐỐC")),
    }
    return table.get(kind)  # type: ignore[call-overload]


def default_signature(plan: Plan) -> Signature:
    """The issuer's signing block; the plan's own signer's name only when the plan was signed in the same
    capacity (a deputy who signed the plan "KT." does not sign the report "TM." under his name)."""
    kind = plan.issuer.kind if plan.issuer_id else ""
    if not kind and "BAN CHỈ ĐẠO" in " ".join(plan.issuer_line_list()).upper():
        kind = UnitKind.STEERING
    found = _by_kind(kind)
    if found is None:
        return Signature(position=plan.signer_position, name=plan.signer)
    capacity, position = found
    same = name_key(plan.signer_position) == name_key(position)
    return Signature(capacity=capacity, position=position, name=plan.signer if same else "")
