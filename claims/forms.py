"""The stance form of the admin: the quote is checked against the article before anything is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import ReviewStatus, Stance, quote_errors
from claims.quotes import quote_at, quote_find
from claims.services import FourEyesError, quote_anchor, stance_four_eyes_check
from sources.models import Article
from sources.selectors import article_list

QUOTE_FIELDS = ("quote_exact", "quote_start", "quote_end", "quote_prefix", "quote_suffix")


def start_after(text: str, exact: str, before: str) -> int | None:
    """Where ``exact`` occurs right after the words ``before`` (white space between aside)."""
    wanted = before.strip()
    at = text.find(exact)
    while at >= 0:
        if text[:at].rstrip().endswith(wanted):
            return at
        at = text.find(exact, at + 1)
    return None


class StanceForm(forms.ModelForm):
    """Paste the exact quote; start, end, prefix and suffix are found in the article text.

    Start and end may be given to pick one of several occurrences; then they
    must match the quote. ``loaded_version`` carries the version the editor
    saw, so an edit made meanwhile in the review queue is not overwritten.
    """

    loaded_version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Who saves the form (set by the admin, see claims.admin): four eyes need to know.
    reviewer: Any = None

    class Meta:
        model = Stance
        fields = [
            "claim",
            "source",
            "position",
            "stated_on",
            "stated_on_precision",
            "article",
            "quote_exact",
            "quote_start",
            "quote_end",
            "quote_prefix",
            "quote_suffix",
            "attributed_via",
            "attributed_via_source",
            "status",
            "reject_reason",
            "confidence",
            "note",
        ]
        widgets = {"quote_exact": forms.Textarea(attrs={"rows": 3, "cols": 60})}
        help_texts = {
            "quote_exact": (
                "Copy the words as the article has them; straight quotes, plain hyphens and "
                "single spaces find its curly quotes, dashes and line breaks."
            ),
            "quote_start": "Leave empty: found in the article text.",
            "quote_end": "Leave empty: found in the article text.",
            "quote_prefix": "Filled in from the article (text just before the quote).",
            "quote_suffix": "Filled in from the article (text just after the quote).",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in QUOTE_FIELDS[1:]:
            if name in self.fields:
                self.fields[name].required = False
        if "quote_prefix" in self.fields:
            # The text before a quote usually ends in a space: stripped, an unchanged
            # prefix would count as changed and no longer lead to the quote.
            self.fields["quote_prefix"].strip = False  # type: ignore[attr-defined]
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        self._check_quote(data)
        self._check_version(data)
        self._check_four_eyes(data)
        self._stamp_review(data)
        return data

    def _check_four_eyes(self, data: dict[str, Any]) -> None:
        """A stance saved as confirmed by the one who filed it (or files it now): four eyes."""
        if data.get("status") != ReviewStatus.CONFIRMED or self.reviewer is None:
            return
        if self.instance.pk is not None and "status" not in self.changed_data:
            return
        creator = self.instance.created_by_id if self.instance.pk else self.reviewer.pk
        try:
            stance_four_eyes_check(created_by_id=creator, reviewer=self.reviewer)
        except FourEyesError as exc:
            self.add_error("status", str(exc))

    def _check_quote(self, data: dict[str, Any]) -> None:
        article, exact = data.get("article"), data.get("quote_exact")
        if article is None or not exact or self.has_error("quote_exact"):
            return
        start, end = data.get("quote_start"), data.get("quote_end")
        if "quote_start" not in self.fields:
            # A form without offsets (editors never see them) keeps an unchanged quote
            # where it was anchored, even when the words also occur earlier in the text;
            # new words before it pick the occurrence they lead to.
            if self._quote_unchanged(article, exact):
                start = self.instance.quote_start
            elif "quote_prefix" in self.changed_data and (data.get("quote_prefix") or "").strip():
                start = start_after(article.text, exact, data["quote_prefix"])
                if start is None:
                    self.add_error("quote_prefix", "The quote does not follow these words.")
                    return
        try:
            # Given start and end must hold the quote (its typography forgiven, see claims.quotes).
            if (
                start is not None
                and end is not None
                and quote_at(article.text, exact, start) != end
            ):
                errors = quote_errors(text=article.text, exact=exact, start=start, end=end)
                if "quote_exact" in errors and quote_find(article.text, exact) is not None:
                    errors["quote_exact"] += (
                        " Leave start and end empty to anchor the quote where it occurs."
                    )
                raise ValidationError(errors or {"quote_start": "The quote does not end there."})
            anchor = quote_anchor(
                text=article.text, exact=exact, start=start, prefix=data.get("quote_prefix") or ""
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
            # Leave the stance's stored anchor alone, so Stance.clean does not
            # report the same mistake a second time in other words.
            for name in QUOTE_FIELDS:
                data.pop(name, None)
            return
        values = {
            "quote_exact": anchor.exact,
            "quote_start": anchor.start,
            "quote_end": anchor.end,
            "quote_prefix": anchor.prefix,
            "quote_suffix": anchor.suffix,
        }
        for name, value in values.items():
            if name in self.fields:
                data[name] = value
            # Fields left out of a slim inline are still set on the stance.
            setattr(self.instance, name, value)

    def _quote_unchanged(self, article: Any, exact: str) -> bool:
        """Same article, same words, and no new text before the quote to anchor it elsewhere."""
        stored = self.instance
        return (
            stored.pk is not None
            and stored.article_id == article.pk
            and stored.quote_exact == exact
            and "quote_prefix" not in self.changed_data
        )

    def _check_version(self, data: dict[str, Any]) -> None:
        if self.instance.pk is None or not self.has_changed():
            return
        loaded = data.get("loaded_version")
        rows = Stance.objects.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            # The admin saves in one transaction: lock the row until it commits,
            # so nobody slips in between this check and the save.
            rows = rows.select_for_update()
        current = rows.values_list("version", flat=True).first()
        if loaded is not None and current is not None and current != loaded:
            raise ValidationError(
                "This stance was changed (reviewed or edited) since you opened it. "
                "Reload the page to see the current version, then make your change again."
            )
        self.instance.version = (current or self.instance.version) + 1

    def _stamp_review(self, data: dict[str, Any]) -> None:
        # The database requires a review time on confirmed and rejected stances;
        # the admin records who reviewed it (ModelAdmin.save_model / save_formset).
        status = data.get("status")
        # A reason to reject belongs to a rejected stance only (a CHECK constraint): a stance
        # confirmed or re-opened here drops it, as the review service does.
        if status != ReviewStatus.REJECTED and "status" in self.changed_data:
            data["reject_reason"] = ""
            self.instance.reject_reason = ""  # also when a slim inline leaves the field out
        if status and status != ReviewStatus.SUGGESTED and "status" in self.changed_data:
            self.instance.reviewed_at = timezone.now()
        elif status == ReviewStatus.SUGGESTED and "status" in self.changed_data:
            self.instance.reviewed_at = None
            self.instance.reviewed_by = None

    @property
    def review_changed(self) -> bool:
        """True when this save confirms, rejects or re-opens the stance."""
        return "status" in self.changed_data


def article_label(article: Article) -> str:
    """An article as a narrow picker shows it: outlet and date first, where titles look alike."""
    when = article.published_on.isoformat() if article.published_on else "undated"
    return f"{article.outlet or 'no outlet'}, {when}: {article.title}"


class StanceInlineForm(StanceForm):
    """The stance rows of the claim page: short labels and small widgets, so the rows fit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        article = self.fields["article"]
        article.queryset = article_list(with_text=False)  # type: ignore[attr-defined]
        article.label_from_instance = article_label  # type: ignore[attr-defined]

    class Meta(StanceForm.Meta):
        labels = {
            "stated_on": "Said on",
            "stated_on_precision": "Precision",
            "quote_exact": "Quote",
        }
        widgets = {"quote_exact": forms.Textarea(attrs={"rows": 3, "cols": 30})}
        help_texts = {
            "quote_exact": "Copy the words exactly as the article has them.",
            "stated_on_precision": "The day, the month or only the year.",
        }
