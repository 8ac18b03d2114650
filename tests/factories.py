"""factory_boy factories shared by every test package."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth.models import Group, User

from claims.models import Claim, Stance
from sources.models import Article, Outlet, Source, SourceAlias

ARTICLE_TEXT = (
    "WASHINGTON (AP) — The United States says North Korea has supplied ammunition to Russia. "
    "Pyongyang has denied it. Moscow declined to comment on the report."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        """UserFactory(role="Editors") puts the user in that group (and staff for the admin roles)."""
        if not create or not extracted:
            return
        self.groups.add(Group.objects.get(name=extracted))
        self.is_staff = extracted in {"Editors", "Reviewers"}
        self.save()


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.LazyAttribute(lambda s: s.name.lower().replace(" ", "-"))
    kind = Source.Kind.GOVERNMENT


class SourceAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceAlias

    source = factory.SubFactory(SourceFactory)
    alias = factory.Sequence(lambda n: f"Alias {n}")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    canonical_url = factory.LazyAttribute(lambda a: a.url)
    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Story {n}")
    published_on = dt.date(2023, 7, 27)
    text = ARTICLE_TEXT
    language = "en"


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    text = factory.Sequence(lambda n: f"Claim number {n} is true")
    slug = factory.Sequence(lambda n: f"claim-{n}")


class StanceFactory(factory.django.DjangoModelFactory):
    """A stance whose quote is the first sentence of the article (anchored at 0)."""

    class Meta:
        model = Stance

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    article = factory.SubFactory(ArticleFactory)
    position = "asserts"
    stated_on = dt.date(2023, 7, 26)
    status = "confirmed"
    reviewed_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC))
    quote_start = 0
    quote_exact = factory.LazyAttribute(lambda s: s.article.text[: s.article.text.index(".") + 1])
    quote_end = factory.LazyAttribute(lambda s: s.quote_start + len(s.quote_exact))
