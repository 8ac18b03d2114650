"""Claim matching and stance suggestions (see service.py for the entry point)."""

from claims.suggest.service import article_proposals, article_suggest

__all__ = ["article_proposals", "article_suggest"]
