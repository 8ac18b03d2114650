"""The v1 API: claims and their history, sources, articles, stances, ingest jobs.

Reads go through the selectors (claims.selectors, sources.selectors), writes through
the services (claims.services, sources.services); history is claims.timeline's.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.urls import Resolver404, resolve
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes, renderer_classes
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims.api import filters, serializers
from claims.api.conditional import conditional_response, settled_last_modified
from claims.api.history import history_body, history_data
from claims.api.history_cache import cached_body
from claims.api.linked_data import claim_review, stance_annotation
from claims.api.pagination import IdCursorPagination
from claims.api.parsers import BoundedJSONParser
from claims.api.permissions import RolePermissions
from claims.api.renderers import HistoryJSONRenderer, RenderedJSON, dumps
from claims.api.throttling import TokenRateThrottle
from claims.models import Claim, Stance
from claims.proposals import (
    proposed_source_accept,
    proposed_source_dismiss,
    proposed_source_map,
)
from claims.roles import PROPOSAL_PERMISSION, REVIEW_PERMISSION, may_review
from claims.selectors import claim_history_version, claim_list, stance_list
from claims.services import stance_confirm, stance_create, stance_reject
from claims.suggest.explain import article_explain, text_explain
from claims.timeline import claim_timeline, gc_paused
from factcheck.lookups import id_or_slug_filter
from sources.models import Source
from sources.selectors import article_list, ingest_job_list, source_get, source_list
from sources.services import ingest_text_submit, ingest_url_submit

# Bumped when the history's JSON shape changes, so old ETags stop matching.
HISTORY_FORMAT = "history-v3"  # lanes list statements with their reports
# The JSON-LD exports' outlines, for the OpenAPI document (the tests check the vocabularies).
CLAIM_REVIEW_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["@context", "@type", "url", "claimReviewed", "itemReviewed", "author"],
    "properties": {
        "@context": {"type": "string"},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string"},
        "claimReviewed": {"type": "string"},
        "itemReviewed": {"type": "object"},
        "author": {"type": "object"},
        "datePublished": {"type": "string"},
        "reviewRating": {"type": "object"},
    },
}
ANNOTATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["@context", "id", "type", "body", "target"],
    "properties": {
        "@context": {"type": "string"},
        "id": {"type": "string"},
        "type": {"type": "string", "enum": ["Annotation"]},
        "motivation": {"type": "string"},
        "body": {"type": "array", "items": {"type": "object"}},
        "target": {"type": "object"},
    },
}


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class ApiViewSet(viewsets.GenericViewSet):
    # What every v1 endpoint shares: JSON in and out, role permissions, per-token rates.

    renderer_classes = [JSONRenderer]
    parser_classes = [BoundedJSONParser]
    permission_classes = [RolePermissions]
    throttle_classes = [TokenRateThrottle]
    pagination_class = IdCursorPagination
    action_perms: dict[str, list[str]] = {}

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        # Errors are plain JSON everywhere, also on the JSON-LD endpoints.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response

    def check_throttles(self, request: Request) -> None:
        for throttle in self.get_throttles():
            if not throttle.allow_request(request, self):
                limit = throttle.describe() if isinstance(throttle, TokenRateThrottle) else ""
                detail = f"Too many requests for this token: the limit is {limit}."
                wait = throttle.wait()
                retry_after = max(1, math.ceil(wait)) if wait is not None else None
                if retry_after is not None:
                    unit = "second" if retry_after == 1 else "seconds"
                    detail += f" Try again in {retry_after} {unit}."
                raise _Throttled(detail=detail, retry_after=retry_after)


class _Throttled(exceptions.Throttled):
    """A 429 whose message is given whole, stating the one number Retry-After carries.

    Throttled(wait=...) would append a second sentence ("Expected available in
    ...") with a rounding of its own.
    """

    wait: int | None

    def __init__(self, *, detail: str, retry_after: int | None) -> None:
        super().__init__(detail=detail)
        self.wait = retry_after  # what APIView turns into the Retry-After header


class IdOrSlugViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ApiViewSet,
):
    """Rows editors register and change, named by numeric id or slug in the URL; a row
    written is answered as the list (get_queryset) reads it, with its counts."""

    lookup_url_kwarg = "id_or_slug"
    lookup_value_regex = "[^/]+"

    def named(self, queryset: QuerySet) -> Any:
        """The row the URL names in ``queryset``; 404 when there is none."""
        lookup = id_or_slug_filter(str(self.kwargs.get("id_or_slug", "")))
        try:
            if lookup is None:
                raise queryset.model.DoesNotExist
            return queryset.get(lookup)
        except queryset.model.DoesNotExist as exc:
            raise Http404(f"No {queryset.model._meta.verbose_name} with that id or slug.") from exc

    def get_object(self) -> Any:
        row = self.named(self.get_queryset())
        self.check_object_permissions(self.request, row)
        return row

    def read_back(self, serializer: Any, row: Any) -> None:
        serializer.instance = self.get_queryset().get(pk=row.pk)

    def perform_create(self, serializer: Any) -> None:
        self.read_back(serializer, serializer.save())

    def perform_update(self, serializer: Any) -> None:
        self.read_back(serializer, serializer.save())


# --- Claims -----------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Claims, with search and filters"),
    retrieve=extend_schema(summary="One claim, by id or slug"),
    create=extend_schema(summary="Register a claim (editors)"),
    update=extend_schema(summary="Replace a claim (editors)"),
    partial_update=extend_schema(summary="Change a claim (editors)"),
)
class ClaimViewSet(IdOrSlugViewSet):
    """Tracked claims, named by id or slug; their history and their ClaimReview export."""

    serializer_class = serializers.ClaimSerializer
    filterset_class = filters.ClaimFilter
    action_perms = {
        "history": ["claims.view_claim"],
        "claimreview": ["claims.view_claim"],
        "dry_run": ["claims.view_claim", "claims.add_stance"],
    }

    def get_queryset(self) -> Any:
        return claim_list()

    def perform_create(self, serializer: Any) -> None:
        self.read_back(serializer, serializer.save(created_by=self.request.user))

    @extend_schema(
        summary="The claim's history: each source's statements, current position and changes",
        description=(
            "Each lane lists statements: one occasion on which a source took a position, "
            "with every confirmed stance that reports it (same speaker and position, dates "
            "at most 3 days apart) and how many of those reports are independent. Changes "
            "run between statements and say their kind: reversal (asserts <-> denies), "
            "softening or firming. Since history-v3 (this shape), the stances a lane used "
            "to list are its statements' reports, ids and all.\n\n"
            "Send the ETag back in If-None-Match for a 304 while nothing the history shows "
            "has changed (stances, the claim, sources, articles, outlets). Last-Modified is "
            "left out while the latest change is under 2 seconds old, and for an as_of "
            "before the latest change; If-None-Match, when sent, decides over "
            "If-Modified-Since."
        ),
        parameters=[serializers.HistoryParamsSerializer],
        responses={
            200: serializers.HistorySerializer,
            304: OpenApiResponse(description="Not modified since the ETag / Last-Modified given."),
        },
    )
    @action(
        detail=True, methods=["get"], renderer_classes=[HistoryJSONRenderer, BrowsableAPIRenderer]
    )
    def history(self, request: Request, id_or_slug: str) -> Response:
        claim = self._claim_only()
        params = serializers.HistoryParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        options = params.validated_data
        source = None
        if options.get("source"):
            try:
                source = source_get(id_or_slug=options["source"])
            except Source.DoesNotExist:
                raise exceptions.ValidationError(
                    {"source": [f"No source with id or slug '{options['source']}'."]}
                ) from None

        as_of = options.get("as_of")
        version = claim_history_version(claim=claim)
        depends_on = [
            HISTORY_FORMAT,
            str(claim.pk),
            version.tag,
            as_of.astimezone(dt.UTC).isoformat() if as_of else "",
            options["since"].isoformat() if options.get("since") else "",
            str(source.pk) if source else "",
            options["group_by"],
        ]

        def build() -> bytes:
            if as_of is None:
                # Each report's JSON written by PostgreSQL as it reads the rows: the same
                # bytes as below (tests/api/test_history_output_is_unchanged.py), faster.
                return history_body(
                    claim=claim,
                    source=source,
                    since=options.get("since"),
                    group_by=options["group_by"],
                )
            with gc_paused():  # tens of thousands of objects, none garbage yet
                timeline = claim_timeline(
                    claim=claim,
                    as_of=as_of,
                    source=source,
                    since=options.get("since"),
                    group_by=options["group_by"],
                )
                # history_data renders what HistorySerializer documents, much faster; dumps
                # writes what DRF's JSONRenderer would (claims/api/renderers.py).
                return dumps(history_data(timeline))

        def render(etag: str) -> RenderedJSON:
            # Unchanged since it was last rendered: the same bytes, kept by ETag.
            return RenderedJSON(cached_body(etag=etag, changed=version.last_modified, render=build))

        return conditional_response(
            request,
            depends_on=depends_on,
            last_modified=_history_last_modified(version.last_modified, as_of=as_of),
            render=render,
        )

    @extend_schema(
        summary="Would this sentence match the claim? A dry run (reviewers, editors)",
        description=(
            "The suggester reads the text as an article of that date and says whether it "
            "would suggest a stance on the claim, with which speaker, alias and cue, or what "
            "is missing; the same reading as the suggestion task's. Nothing is stored."
        ),
        request=serializers.DryRunSerializer,
        responses={200: serializers.WhyClaimSerializer},
    )
    @action(detail=True, methods=["post"], url_path="dry-run")
    def dry_run(self, request: Request, id_or_slug: str) -> Response:
        claim = self._claim_only()
        given = serializers.DryRunSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        found = text_explain(
            claim=claim, text=given.validated_data["text"], dated=given.validated_data.get("dated")
        )
        return Response(serializers.WhyClaimSerializer(found).data)

    def _claim_only(self) -> Claim:
        """The claim without the list's counts: the history does not show them."""
        return self.named(Claim.objects.all())

    @extend_schema(
        summary="The claim as schema.org ClaimReview (JSON-LD)",
        responses={
            (200, "application/ld+json"): CLAIM_REVIEW_SCHEMA,
            (200, "application/json"): CLAIM_REVIEW_SCHEMA,
        },
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONLDRenderer, JSONRenderer])
    def claimreview(self, request: Request, id_or_slug: str) -> Response:
        claim = self._claim_only()
        timeline = claim_timeline(claim=claim)
        return Response(claim_review(claim=claim, timeline=timeline, request=request))


def _history_last_modified(
    changed: dt.datetime, *, as_of: dt.datetime | None
) -> dt.datetime | None:
    """The history's Last-Modified, or None when no honest one can be given.

    None while the latest change has not settled (settled_last_modified). None too for
    an ``as_of`` before the latest change: that answer replays stances, sources and the
    claim as they were, but shows articles and outlets as they are, so when it last
    changed is not known; the ETag, which covers both, still serves conditional
    requests. Otherwise the latest change, which is then no later than ``as_of``.
    """
    if as_of is not None and as_of < changed:
        return None
    return settled_last_modified(changed)


# --- Sources ----------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Sources with their aliases"),
    retrieve=extend_schema(summary="One source, by id or slug"),
    create=extend_schema(summary="Register a source (editors)"),
    update=extend_schema(summary="Replace a source (editors)"),
    partial_update=extend_schema(summary="Change a source (editors); aliases replace the old ones"),
)
class SourceViewSet(IdOrSlugViewSet):
    """Who takes positions: governments, officials, agencies, groups; with their aliases."""

    serializer_class = serializers.SourceSerializer
    filterset_class = filters.SourceFilter

    def get_queryset(self) -> Any:
        return source_list()


# --- Articles and ingestion -------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Stored articles (without their text)"),
    retrieve=extend_schema(summary="One article with its text (stance quotes index into it)"),
)
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    """Stored article snapshots; stance quotes are anchored in their text."""

    filterset_class = filters.ArticleFilter
    lookup_value_regex = "[0-9]+"
    action_perms = {"matches": [REVIEW_PERMISSION]}

    def get_queryset(self) -> Any:
        return article_list(with_text=self.action != "list")

    @extend_schema(
        summary="Why the suggester matched the article to claims, or not (reviewers, editors)",
        description=(
            "For each claim the article matches (and the one named by ?claim=, whether it "
            "matches or not): the sentences that share its words, each with the words found, "
            "the statements suggested from it (speaker, alias, how it was found, cue, "
            "position, the stance that records it) or what was missing (no known actor, no "
            "attribution cue, outside the claim's period, too little of its topic…), and "
            "what keeps the article as a whole from the claim. Recomputed by the suggester's "
            "own reading on each request (about a second for a long story); nothing is "
            "stored."
        ),
        parameters=[serializers.WhyParamsSerializer],
        responses={200: serializers.WhyClaimSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def matches(self, request: Request, pk: str) -> Response:
        article = self.get_object()
        given = serializers.WhyParamsSerializer(data=request.query_params)
        given.is_valid(raise_exception=True)
        claim = given.validated_data.get("claim")
        found = article_explain(article=article, claims=[claim] if claim else [])
        return Response(serializers.WhyClaimSerializer(found, many=True).data)

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        if self.action == "create":
            return serializers.ArticleSubmitSerializer
        return serializers.ArticleSerializer

    @extend_schema(
        summary="Submit an article by URL or pasted text (editors); ingestion runs in the background",
        request=serializers.ArticleSubmitSerializer,
        responses={202: serializers.IngestJobSerializer},
    )
    def create(self, request: Request) -> Response:
        submit = serializers.ArticleSubmitSerializer(data=request.data)
        submit.is_valid(raise_exception=True)
        data = submit.validated_data
        if data.get("text", "").strip():
            job = ingest_text_submit(
                text=data["text"],
                title=data["title"],
                published_on=data.get("published_on"),
                outlet=data.get("outlet"),
                url=data.get("url", ""),
                user=request.user,
            )
        else:
            job = ingest_url_submit(url=data["url"], outlet=data.get("outlet"), user=request.user)
        body = serializers.IngestJobSerializer(job, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


@extend_schema_view(retrieve=extend_schema(summary="An ingest job: poll it after submitting"))
class IngestJobViewSet(mixins.RetrieveModelMixin, ApiViewSet):
    """The fate of a submitted article: queued, running, done (with the article) or failed."""

    serializer_class = serializers.IngestJobSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> Any:
        return ingest_job_list()


# --- Stances ----------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="Stances (confirmed ones; reviewers and editors also see suggested and rejected)"
    ),
    retrieve=extend_schema(summary="One stance with its evidence"),
)
class StanceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    """Attributed positions with their evidence quote; reviewed through confirm and reject."""

    serializer_class = serializers.StanceSerializer
    filterset_class = filters.StanceFilter
    lookup_value_regex = "[0-9]+"
    action_perms = {
        "confirm": [REVIEW_PERMISSION],
        "reject": [REVIEW_PERMISSION],
        "annotation": ["claims.view_stance"],
        "accept_source": [REVIEW_PERMISSION, PROPOSAL_PERMISSION],
        "map_source": [REVIEW_PERMISSION, PROPOSAL_PERMISSION],
        "dismiss_source": [REVIEW_PERMISSION, PROPOSAL_PERMISSION],
    }

    def get_queryset(self) -> Any:
        return stance_list(include_unreviewed=may_review(self.request.user))

    def _respond(self, stance: Stance, code: int = status.HTTP_200_OK) -> Response:
        try:
            stance = self.get_queryset().get(pk=stance.pk)
        except Stance.DoesNotExist as exc:
            raise _deleted_meanwhile(stance.pk) from exc
        return Response(self.get_serializer(stance).data, status=code)

    @extend_schema(
        summary="Record a stance with its quote (reviewers, editors)",
        request=serializers.StanceCreateSerializer,
        responses={201: serializers.StanceSerializer},
    )
    def create(self, request: Request) -> Response:
        given = serializers.StanceCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        stance = stance_create(**given.validated_data, created_by=request.user)
        return self._respond(stance, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Confirm a stance (reviewers, editors); 409 if it changed since your version",
        description=(
            "Also confirms a rejected stance: a reviewer may reverse a decision, given the "
            "stance's current version. 404 if the stance was deleted meanwhile; 403 when four "
            "eyes are on (FACTCHECK_FOUR_EYES) and you filed the stance yourself."
        ),
        request=serializers.StanceReviewSerializer,
        responses={200: serializers.StanceSerializer},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        given = serializers.StanceReviewSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            stance = stance_confirm(
                stance=stance, reviewer=request.user, version=given.validated_data["version"]
            )
        except Stance.DoesNotExist as exc:
            raise _deleted_meanwhile(stance.pk) from exc
        return self._respond(stance)

    @extend_schema(
        summary="Reject a stance (reviewers, editors); 409 if it changed since your version",
        description=(
            "Give a reason: 'not about this claim', 'wrong speaker', 'wrong position', "
            "'not a statement', or your own words; the stance shows it as reject_reason and "
            "its audit history keeps it. Also rejects a confirmed stance: a reviewer may "
            "reverse a decision, given the stance's current version. 404 if the stance was "
            "deleted meanwhile."
        ),
        request=serializers.StanceRejectSerializer,
        responses={200: serializers.StanceSerializer},
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        given = serializers.StanceRejectSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            stance = stance_reject(
                stance=stance,
                reviewer=request.user,
                version=given.validated_data["version"],
                note=given.validated_data.get("note", ""),
                reason=given.validated_data.get("reason", ""),
            )
        except Stance.DoesNotExist as exc:
            raise _deleted_meanwhile(stance.pk) from exc
        return self._respond(stance)

    def _proposal_of(self, stance: Stance) -> Any:
        """The stance's proposed source; 400 when it has none. A decided one is passed on, for
        the service to answer 409 with who decided it and how."""
        proposal = stance.proposed_source
        if proposal is None:
            raise exceptions.ValidationError(
                {"detail": "This stance's speaker is a registered source: nothing is proposed."}
            )
        return proposal

    @extend_schema(
        summary="Register the stance's proposed source (reviewers, editors)",
        description=(
            "Creates the source the suggester proposed for an unregistered speaker ('Dmitry "
            "Peskov — official, speaks for Russia'), with its alias, under its parent; every "
            "suggested stance waiting on it, this one included, then names it. With confirm "
            "the stance is also confirmed. 409 when somebody decided on the proposal first "
            "(the body says who and how; nothing is created twice) or the stance changed "
            "since your version; 400 when the name or alias is taken (map it instead) or the "
            "stance proposes nothing."
        ),
        request=serializers.ProposalAcceptSerializer,
        responses={200: serializers.StanceSerializer},
    )
    @action(detail=True, methods=["post"], url_path="accept-source")
    def accept_source(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        given = serializers.ProposalAcceptSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            proposed_source_accept(
                proposal=self._proposal_of(stance),
                reviewer=request.user,
                name=given.validated_data.get("name", ""),
                stance=stance,
                version=given.validated_data["version"],
                confirm=given.validated_data["confirm"],
            )
        except Stance.DoesNotExist as exc:
            raise _deleted_meanwhile(stance.pk) from exc
        return self._respond(stance)

    @extend_schema(
        summary="Map the stance's proposed source to a registered source (reviewers, editors)",
        description=(
            "The unregistered speaker is a source already registered: it gets the speaker's "
            "name as an alias, and the suggested stances waiting on the proposal name it. "
            "409 and 400 as for accept-source."
        ),
        request=serializers.ProposalMapSerializer,
        responses={200: serializers.StanceSerializer},
    )
    @action(detail=True, methods=["post"], url_path="map-source")
    def map_source(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        given = serializers.ProposalMapSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            proposed_source_map(
                proposal=self._proposal_of(stance),
                source=given.validated_data["source"],
                reviewer=request.user,
                stance=stance,
                version=given.validated_data["version"],
                confirm=given.validated_data["confirm"],
            )
        except Stance.DoesNotExist as exc:
            raise _deleted_meanwhile(stance.pk) from exc
        return self._respond(stance)

    @extend_schema(
        summary="Dismiss the stance's proposed source (reviewers, editors)",
        description=(
            "The speaker is not worth registering: the name is not proposed again, and the "
            "stances keep the source they speak for. 409 when somebody decided first."
        ),
        request=None,
        responses={200: serializers.StanceSerializer},
    )
    @action(detail=True, methods=["post"], url_path="dismiss-source")
    def dismiss_source(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        proposed_source_dismiss(proposal=self._proposal_of(stance), reviewer=request.user)
        return self._respond(stance)

    @extend_schema(
        summary="The stance as a W3C Web Annotation (JSON-LD)",
        responses={
            (200, "application/ld+json"): ANNOTATION_SCHEMA,
            (200, "application/json"): ANNOTATION_SCHEMA,
        },
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONLDRenderer, JSONRenderer])
    def annotation(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        return Response(stance_annotation(stance=stance, request=request))


def _deleted_meanwhile(pk: int) -> exceptions.NotFound:
    """A stance deleted between loading it and reviewing it is gone: 404, not a 500."""
    return exceptions.NotFound(f"Stance {pk} was deleted meanwhile; there is nothing to review.")


# --- Anything else under /api/ ----------------------------------------------------


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
@renderer_classes([JSONRenderer])
def not_found(request: Request, path: str = "") -> Response:
    """A JSON 404 for any other path under /api/, naming the slash-ended path if that exists."""
    hint = ""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "api-not-found":
            hint = f" Did you mean {request.path}/ ?"
    raise exceptions.NotFound(f"There is no API endpoint at {request.path}.{hint}")


@extend_schema(exclude=True)
@api_view(["GET"])
@renderer_classes([JSONRenderer])
def api_root(request: Request) -> Response:
    """Where things are, for a client starting from /api/v1/."""

    def link(name: str) -> str:
        return reverse(name, request=request)

    return Response(
        {
            "claims": link("api-claim-list"),
            "sources": link("api-source-list"),
            "articles": link("api-article-list"),
            "stances": link("api-stance-list"),
            "schema": link("schema"),
            "docs": link("api-docs"),
        }
    )
