"""Every model torchvision.models.list_models() names counts by name on meta, offline, and matches the
published num_params and _ops of its DEFAULT weights (detectors: at most their upper bound)."""

from __future__ import annotations

import socket

import pytest
from torchvision.models import get_model_weights, list_models

from studylog.checks.counting_job import run_count
from studylog.checks.zoo import families
from studylog.errors import StudylogError


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """Sockets cannot connect and TORCH_HOME is an empty folder; yields (that folder, connection attempts)."""
    home, attempts = tmp_path_factory.mktemp("torch_home"), []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by the test")

    patch = pytest.MonkeyPatch()
    patch.setenv("TORCH_HOME", str(home))
    patch.setattr(socket.socket, "connect", refuse)
    patch.setattr(socket, "create_connection", refuse)
    yield home, attempts
    patch.undo()


@pytest.mark.parametrize("name", list_models())
def test_every_torchvision_model_counts_by_name_offline(name, offline):
    home, attempts = offline
    if families()[name] == "quantization":
        with pytest.raises(StudylogError, match=f"count '{name.removeprefix('quantized_')}'"):
            run_count(name, (), None, "meta", 1)
        assert name.removeprefix("quantized_") in list_models()
    else:
        counted, _ = run_count(name, (), None, "meta", 1)
        meta = get_model_weights(name).DEFAULT.meta
        assert counted.params == meta["num_params"]
        gmacs = round(counted.macs / 1e9, 3)
        if families()[name] == "detection":  # selections keep every candidate: the most work at this size
            assert gmacs >= meta["_ops"]
        else:
            assert gmacs == pytest.approx(meta["_ops"], abs=1e-9)
    assert attempts == [] and list(home.iterdir()) == []
