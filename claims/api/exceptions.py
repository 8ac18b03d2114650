"""One error format for the whole API: DRF's.

``{"detail": "..."}`` for an error about the request as a whole, and
``{"field": ["...", ...]}`` for errors about fields. Errors raised below the
API (a service's django ValidationError, a stale stance, the database's quote
check) are turned into that format here, so no bad input ends in a 500. So is
Django's refusal of a body over DATA_UPLOAD_MAX_MEMORY_SIZE: a 413 in this format,
not Django's HTML error page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions, status
from rest_framework.fields import get_error_detail
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims.proposals import ProposalDecided
from claims.services import FourEyesError, StaleStanceError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The resource changed since you read it."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"

    def __init__(self) -> None:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(
            f"The request body is larger than {limit:,} bytes, the most this API accepts."
        )


def _translate(exc: Exception) -> Exception:
    if isinstance(exc, FourEyesError):
        # DRF words every Django PermissionDenied alike; this one says why.
        return exceptions.PermissionDenied(detail=str(exc))
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(detail=get_error_detail(exc))
    if isinstance(exc, IntegrityError) and "stance_quote_anchored" in str(exc):
        return exceptions.ValidationError(
            {"quote_exact": ["The quote is not the article text at quote_start..quote_end."]}
        )
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ProposalDecided):
        proposal = exc.proposal
        return Response(
            {
                "detail": str(exc),
                "state": proposal.state,
                "source": proposal.source_id,
                "decided_by": proposal.decided_by.get_username() if proposal.decided_by else None,
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, StaleStanceError):
        return Response(
            {
                "detail": str(exc),
                "status": exc.stance.status,
                "version": exc.stance.version,
            },
            status=status.HTTP_409_CONFLICT,
        )
    return drf_exception_handler(_translate(exc), context)
