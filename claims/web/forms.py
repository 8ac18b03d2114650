"""Forms of the web UI: filing a stance from a selection, reviewing, filtering the stances table."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from claims.models import Claim, DatePrecision, Position, RejectReason
from claims.web.selectors import source_lookup
from sources.models import Source
from sources.selectors import source_by_name


class SourceField(forms.CharField):
    """A source typed by name or by any alias ("Pyongyang" is North Korea)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Source | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        source = source_by_name(text)
        if source is None:
            near = [m.source.name for m in source_lookup(text, limit=3)]
            hint = f" Did you mean {' or '.join(near)}?" if near else ""
            raise ValidationError(f"No source is called “{text}”.{hint}")
        return source


_date_widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StanceFileForm(forms.Form):
    """A new stance from a passage the reviewer selected in the article text.

    quote_start/quote_end are where the browser found the selection; the view
    re-anchors the quote in the stored text and refuses it if it is not there.
    """

    claim = forms.ModelChoiceField(queryset=Claim.objects.none(), empty_label="Choose a claim…")
    source = SourceField(
        widget=forms.TextInput(
            attrs={
                "list": "source-options",
                "autocomplete": "off",
                "placeholder": "A name or alias: Washington, Pyongyang…",
            }
        ),
    )
    position = forms.ChoiceField(choices=Position.choices, widget=forms.RadioSelect)
    stated_on = forms.DateField(widget=_date_widget, label="Said on")
    stated_on_precision = forms.ChoiceField(
        choices=DatePrecision.choices, initial=DatePrecision.DAY, label="Date precision"
    )
    attributed_via = forms.CharField(
        required=False,
        max_length=300,
        label="Reported through",
        widget=forms.TextInput(attrs={"placeholder": "e.g. KCNA said"}),
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    # strip=False: the quote is compared character for character with the article text.
    quote_exact = forms.CharField(
        strip=False,
        label="Quote",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Select a passage in the text, or paste it here as it reads (straight quotes and "
            "plain hyphens are fine)."
        ),
    )
    quote_prefix = forms.CharField(strip=False, required=False, widget=forms.HiddenInput)
    quote_suffix = forms.CharField(strip=False, required=False, widget=forms.HiddenInput)
    quote_start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    quote_end = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, claims: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["claim"].queryset = (  # type: ignore[attr-defined]
            claims if claims is not None else Claim.objects.filter(status="active")
        )

    def clean_quote_exact(self) -> str:
        quote = self.cleaned_data["quote_exact"]
        if not quote.strip():
            raise ValidationError("Select the passage that shows the stance.")
        return quote


OTHER_REASON = "other"
# Where a decision's flash message finds the stance and version its Undo takes back.
UNDO_SESSION_KEY = "undo"


class ReviewForm(forms.Form):
    """Confirm or reject: the version the reviewer loaded, so a stale action is refused.

    A reject may say why: one of the usual reasons, or the reviewer's own words
    (both: the words detail the reason, "wrong speaker: the deputy minister").
    """

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    note = forms.CharField(required=False, max_length=2000)
    reason = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Reason (optional)\u2026"),
            *RejectReason.choices,
            (OTHER_REASON, "Other\u2026"),
        ],
        label="Reason for rejecting",
    )
    reason_text = forms.CharField(
        required=False,
        max_length=200,
        label="Reason in your words",
        widget=forms.TextInput(attrs={"placeholder": "\u2026or in your words"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("reason") or ""
        words = " ".join((data.get("reason_text") or "").split())
        if chosen == OTHER_REASON and not words:
            self.add_error("reason_text", "Say in a few words why you reject it.")
        if chosen in {"", OTHER_REASON}:
            data["reject_reason"] = words
        else:
            data["reject_reason"] = f"{chosen}: {words}" if words else chosen
        return data


class UndoForm(forms.Form):
    """Take back one's last decision: the version it left the stance at."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class StanceEditForm(forms.Form):
    """A reviewer's correction of a suggestion, confirmed in the same step."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    source = SourceField(
        widget=forms.TextInput(attrs={"list": "source-options", "autocomplete": "off"})
    )
    position = forms.ChoiceField(choices=Position.choices)
    stated_on = forms.DateField(widget=_date_widget)
    stated_on_precision = forms.ChoiceField(choices=DatePrecision.choices, label="Date precision")
    attributed_via = forms.CharField(required=False, max_length=300, label="Reported through")
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    EDITABLE = ("source", "position", "stated_on", "stated_on_precision", "attributed_via", "note")

    @classmethod
    def initial_for(cls, stance: Any) -> dict[str, Any]:
        return {
            "version": stance.version,
            "source": stance.source.name,
            "position": stance.position,
            "stated_on": stance.stated_on,
            "stated_on_precision": stance.stated_on_precision,
            "attributed_via": stance.attributed_via,
            "note": stance.note,
        }

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.EDITABLE}


class StanceFilterForm(forms.Form):
    """The stances table's filters (a GET form: works without JavaScript, bookmarkable)."""

    source = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    position = forms.ChoiceField(required=False)
    date_from = forms.DateField(required=False, label="From", widget=_date_widget)
    date_to = forms.DateField(required=False, label="To", widget=_date_widget)

    def __init__(self, *args: Any, sources: list[Source], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "All sources")] + [  # type: ignore[attr-defined]
            (s.pk, s.name) for s in sources
        ]
        self.fields["position"].choices = [("", "Any position"), *Position.choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise ValidationError("The “from” date is after the “to” date.")
        return data


class ProposalForm(forms.Form):
    """A decision on a proposed source, from the queue item of one of its stances.

    ``decision``: accept (register it, under the name given, which defaults to the proposed
    one), map (to the source typed by any of its names), or dismiss. ``confirm`` also
    confirms the stance; ``version`` is the stance's version the reviewer loaded.
    """

    DECISIONS = [("accept", "Accept"), ("map", "Map"), ("dismiss", "Dismiss")]

    decision = forms.ChoiceField(choices=DECISIONS)
    stance = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    name = forms.CharField(required=False, max_length=200, label="Register as")
    source = SourceField(
        required=False,
        label="Or map to a registered source",
        widget=forms.TextInput(
            attrs={"list": "source-options", "autocomplete": "off", "placeholder": "Name or alias"}
        ),
    )
    confirm = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "map" and not data.get("source") and "source" not in self.errors:
            self.add_error("source", "Type the registered source this speaker is.")
        return data


MATCHED = "matched"


class WhyForm(forms.Form):
    """Which claim's "why" the article page shows: the claims the article matches, or one."""

    why = forms.ChoiceField(label="For")

    def __init__(self, *args: Any, claims: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["why"].choices = [  # type: ignore[attr-defined]
            (MATCHED, "the claims this article matches"),
            *((str(c.pk), c.text) for c in claims),
        ]


class DryRunForm(forms.Form):
    """A sentence an editor pastes on the claim page, to see whether and how it would match."""

    text = forms.CharField(
        label="Try a sentence",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    dated = forms.DateField(required=False, label="Dated", widget=_date_widget)
