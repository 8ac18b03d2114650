"""The cyclic garbage collector is paused while a history is built, and on again after,
also when the build fails."""

from __future__ import annotations

import gc

import pytest

from claims.timeline import gc_paused


def test_collection_is_paused_inside_and_resumes_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer build still runs
    assert gc.isenabled()


def test_collection_resumes_when_the_build_fails():
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("the build failed")
    assert gc.isenabled()
