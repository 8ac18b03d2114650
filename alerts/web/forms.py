"""The subscription form of the web page; the service checks what it means (alerts.services)."""

from __future__ import annotations

from typing import Any

from django import forms

from alerts.models import REVIEWERS_ONLY, SUBSCRIBABLE
from claims.models import Claim
from claims.roles import may_review
from sources.models import Source


class SubscriptionForm(forms.Form):
    claim = forms.ModelChoiceField(
        queryset=Claim.objects.order_by("text"), required=False, empty_label="—"
    )
    source = forms.ModelChoiceField(
        queryset=Source.objects.order_by("name"),
        required=False,
        empty_label="—",
        help_text="Its officials and agencies too: every source below it.",
    )
    tag = forms.CharField(max_length=50, required=False, help_text="Every claim with this tag.")
    events = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    url = forms.CharField(
        label="Webhook URL",
        max_length=500,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://newsroom.example/hooks/factcheck"}),
        help_text="Each event is POSTed here, signed. Leave empty for the digest alone.",
    )
    secret = forms.CharField(
        max_length=200,
        required=False,
        help_text="At least 32 characters; leave empty and one is made for you.",
    )
    digest = forms.BooleanField(label="Daily email digest", required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offered = [e for e in SUBSCRIBABLE if may_review(user) or e not in REVIEWERS_ONLY]
        self.fields["events"].choices = [(e.value, e.label) for e in offered]  # type: ignore[attr-defined]
