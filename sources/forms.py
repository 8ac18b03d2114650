"""Admin forms for sources, articles and ingest jobs: clear errors before the database refuses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from sources.fetch.addresses import fetchable_url
from sources.models import Article, IngestJob
from sources.services import source_aliases_check


def https_urls(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Form fields as Django would make them, URLs typed without a scheme taken as https."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class FetchableURLField(forms.URLField):
    """A URL the workbench will fetch: http or https, no credentials (the API's rule too)."""

    default_validators = [fetchable_url]


class SourceAliasFormSet(forms.BaseInlineFormSet):
    """Aliases of one source: refuse two that normalise alike in the same save.

    SourceAlias.clean catches a clash with a stored alias; two new rows typed
    in one go ("Washington", "washington") only meet in the unique index, so
    they are compared here, before the save would fail.
    """

    def clean(self) -> None:
        super().clean()
        rows = []
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            data = getattr(form, "cleaned_data", None) or {}
            if self.can_delete and data.get("DELETE"):
                continue
            if data.get("alias"):
                rows.append((form, data["alias"]))
        # Each row's SourceAlias.clean has compared it with the stored aliases already.
        problems = source_aliases_check(aliases=[alias for _, alias in rows], against_stored=False)
        for problem in problems:
            if problem.kind == "repeated":
                rows[problem.index][0].add_error(
                    "alias",
                    f"'{problem.alias}' is the same alias as '{problem.same_as}' (case, "
                    "punctuation and a leading 'the' do not count).",
                )


class ArticleForm(forms.ModelForm):
    """Editors correct how an article is filed (outlet, copy of what); its text stays as fetched."""

    class Meta:
        model = Article
        formfield_callback = https_urls
        fields = [
            "title",
            "outlet",
            "url",
            "canonical_url",
            "byline",
            "published_on",
            "page_date",
            "language",
            "text",
            "duplicate_of",
            "duplicate_kind",
            "original_outlet",
            "original_url",
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        original = data.get("duplicate_of")
        kind = data.get("duplicate_kind")
        if (
            original is not None
            and self.instance.pk is not None
            and original.pk == self.instance.pk
        ):
            self.add_error("duplicate_of", "An article cannot be a duplicate of itself.")
        elif original is not None and not kind:
            self.add_error(
                "duplicate_kind", "Say what kind of copy it is (exact, republished or spun)."
            )
        return data


class IngestSubmitForm(forms.ModelForm):
    """Paste a URL, or the text of an article with its title and date; the job does the rest."""

    url = FetchableURLField(max_length=2000, required=False, assume_scheme="https")

    class Meta:
        model = IngestJob
        fields = ["url", "text", "title", "published_on", "outlet"]
        help_texts = {
            "url": "An article page to fetch. Leave empty when you paste the text instead.",
            "text": "The article text, pasted (plain text). Needs a title.",
            "title": "Title of the pasted text (a fetched page brings its own).",
            "published_on": "Original publication date of the pasted text.",
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        url, text = data.get("url"), (data.get("text") or "").strip()
        if url and text:
            raise ValidationError("Give either a URL or pasted text, not both.")
        if not url and not text:
            raise ValidationError("Give a URL to fetch or paste the article text.")
        if url and (data.get("title") or data.get("published_on")):
            # The page's own title and date are extracted; silently dropping
            # what the editor typed would lose it.
            raise ValidationError(
                "A fetched page brings its own title and date: leave them empty for a URL, "
                "or paste the text to set them yourself."
            )
        if text and not data.get("title"):
            self.add_error("title", "Pasted text needs a title.")
        data["text"] = text
        return data
