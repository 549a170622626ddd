"""Models to count, by name: torchvision's classification models, or any `package.module:factory`.

A torchvision model is built the way its published weights describe it (without downloading
them), so its count can be set beside the weights' `num_params` and `_ops` metadata.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import torchvision
from torch import nn
from torchvision.models import WeightsEnum, get_model, get_model_weights, list_models

from studylog.checks.counting import build_on_meta
from studylog.errors import StudylogError


def classification_models() -> list[str]:
    """Names of torchvision's ImageNet classification models."""
    return list_models(module=torchvision.models)


def crop_size(weights: WeightsEnum) -> int:
    """The square input side the weights were evaluated at."""
    return weights.transforms().crop_size[0]


def published_gmacs(weights: WeightsEnum) -> float:
    """torchvision's `_ops`: labelled GFLOPS, in fact billions of multiply-adds at the crop size."""
    return weights.meta["_ops"]


def metadata_citation(weights: WeightsEnum | str) -> str:
    """Where a value read from torchvision's weights metadata comes from, e.g.
    'torchvision 0.29.1 ResNet50_Weights.IMAGENET1K_V1.meta'; a string names several ('EfficientNet_B*_Weights.DEFAULT')."""
    name = weights if isinstance(weights, str) else f"{type(weights).__name__}.{weights.name}"
    return f"torchvision {torchvision.__version__} {name}.meta"


def _builder_overrides(name: str, weights: WeightsEnum) -> dict:
    """What torchvision's builder passes the constructor when it loads `weights` (its `if weights` branch)."""
    if name == "googlenet":  # the aux heads are dropped after loading unless asked for
        return {"aux_logits": False, "init_weights": False}
    if name == "inception_v3":
        return {"init_weights": False}
    if name.startswith("vit_"):  # position embeddings sized for the weights' resolution
        return {"image_size": weights.meta["min_size"][0]}
    if name == "maxvit_t":
        return {"input_size": weights.meta["min_size"]}
    return {}


def build_torchvision(name: str, weights: WeightsEnum | None = None) -> nn.Module:
    """torchvision model `name` on meta, shaped as `weights` (default: its DEFAULT weights) describe."""
    weights = weights or get_model_weights(name).DEFAULT
    return build_on_meta(lambda: get_model(name, weights=None, **_builder_overrides(name, weights)))


FACTORY_CONTRACT = "the factory must take no arguments and return an nn.Module"


def _from_factory(spec: str, factory: Callable) -> nn.Module:
    """The factory's model on meta; a factory that fails or returns something else is named in one line."""
    try:
        model = build_on_meta(factory)
    except Exception as exc:  # the user's code: say what it raised, in one line
        raise StudylogError(f"model factory '{spec}' raised {type(exc).__name__}: {exc} ({FACTORY_CONTRACT})") from None
    if not isinstance(model, nn.Module):
        raise StudylogError(f"model factory '{spec}' returned a {type(model).__name__}: {FACTORY_CONTRACT}")
    return model


@dataclass(frozen=True)
class ModelSpec:
    """A model to count: how to build it on meta, and its natural input shape if it has one."""

    build: Callable[[], nn.Module]
    default_input: tuple[int, ...] | None


def resolve(spec: str) -> ModelSpec:
    """A torchvision classification model name, or `package.module:factory` (called with no arguments)."""
    if ":" in spec:
        module_name, _, attribute = spec.partition(":")
        try:
            factory = getattr(importlib.import_module(module_name), attribute)
        except (ImportError, AttributeError) as exc:
            raise StudylogError(f"cannot load model factory '{spec}': {exc}") from None
        if not callable(factory):
            raise StudylogError(f"model factory '{spec}' is not callable: {FACTORY_CONTRACT}")
        return ModelSpec(lambda: _from_factory(spec, factory), None)
    if spec not in classification_models():
        raise StudylogError(
            f"unknown model '{spec}': give a torchvision classification model name "
            "(torchvision.models.list_models()) or package.module:factory"
        )
    weights = get_model_weights(spec).DEFAULT
    return ModelSpec(lambda: build_torchvision(spec, weights), (1, 3, crop_size(weights), crop_size(weights)))
