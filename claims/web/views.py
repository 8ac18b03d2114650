from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from claims.models import Claim
from claims.timeline import claim_timeline


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"claims": Claim.objects.all()})


@login_required
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    claim = get_object_or_404(Claim, slug=slug)
    return render(
        request, "web/claim.html", {"claim": claim, "timeline": claim_timeline(claim=claim)}
    )
