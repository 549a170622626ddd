"""torchvision's models by name, every family, built as their published weights describe them.

torchvision's own builder runs with the weights enum, so every override its `if weights` branch
makes (num_classes, aux heads, frozen BatchNorm in detection backbones, ViT image size) applies,
while loading is skipped: no file is ever fetched or written. Each family gets the input its
weights' `_ops` were measured at, so the count can be set beside `num_params` and `_ops`.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import torch
import torchvision
from torch import nn
from torchvision.models import WeightsEnum, get_model, get_model_weights, list_models

from studylog.checks.counting import build_on_meta
from studylog.checks.fingerprint import library_versions
from studylog.errors import StudylogError

VIDEO_FRAMES = 16  # the clip length torchvision's video _ops are measured at (pytorch/vision#6936)
FLOW_SIDE = 512  # RAFT's _ops reproduce for two 1x3x512x512 frames (pytorch/vision#6936)
DETECTION_SIDE = 800  # GeneralizedRCNNTransform's min_size: the side detection images are resized to


@functools.cache
def families() -> dict[str, str]:
    """Each torchvision model name -> its family (classification, segmentation, detection, video, ...)."""
    found = {}
    for family in ("segmentation", "detection", "video", "optical_flow", "quantization"):
        found |= dict.fromkeys(list_models(module=getattr(torchvision.models, family)), family)
    return {name: found.get(name, "classification") for name in list_models()}


def classification_models() -> list[str]:
    """Names of torchvision's ImageNet classification models."""
    return list_models(module=torchvision.models)


def crop_size(weights: WeightsEnum) -> int:
    """The square input side the weights were evaluated at."""
    return weights.transforms().crop_size[0]


def published_gmacs(weights: WeightsEnum) -> float:
    """torchvision's `_ops`: labelled GFLOPS, in fact billions of multiply-adds at the weights' input."""
    return weights.meta["_ops"]


def metadata_citation(weights: WeightsEnum | str) -> str:
    """Where a value read from torchvision's weights metadata comes from, e.g.
    'torchvision 0.29.1 ResNet50_Weights.IMAGENET1K_V1.meta'; a string names several ('EfficientNet_B*_Weights.DEFAULT')."""
    name = weights if isinstance(weights, str) else f"{type(weights).__name__}.{weights.name}"
    return f"torchvision {library_versions()['torchvision']} {name}.meta"


@contextlib.contextmanager
def _weights_never_loaded() -> Iterator[None]:
    """The builder's `if weights` branch runs; the state dict it would fetch is empty and never loaded."""
    get_state_dict, load_state_dict = WeightsEnum.get_state_dict, nn.Module.load_state_dict
    WeightsEnum.get_state_dict = lambda self, *args, **kwargs: {}
    nn.Module.load_state_dict = lambda self, *args, **kwargs: None
    try:
        yield
    finally:
        WeightsEnum.get_state_dict, nn.Module.load_state_dict = get_state_dict, load_state_dict


@contextlib.contextmanager
def detections_placed_by_shape() -> Iterator[None]:
    """While a detector is counted on meta, the steps that place its results back in the image from box
    coordinates (pasting masks, decoding keypoint heatmaps) return outputs of their shape: they read
    coordinates as numbers and run no multiply-add the counter counts (resizing and copying only)."""
    from torchvision.models.detection import roi_heads, transform

    def keypoints(maps, rois):
        return maps.new_zeros(maps.shape[0], maps.shape[1], 3), maps.new_zeros(maps.shape[0], maps.shape[1])

    def masks(masks, boxes, img_shape, padding=1):
        return masks.new_zeros(masks.shape[0], 1, *img_shape)

    saved = roi_heads.heatmaps_to_keypoints, transform.paste_masks_in_image
    roi_heads.heatmaps_to_keypoints, transform.paste_masks_in_image = keypoints, masks
    try:
        yield
    finally:
        roi_heads.heatmaps_to_keypoints, transform.paste_masks_in_image = saved


def build_torchvision(name: str, weights: WeightsEnum | None = None, device: str = "meta") -> nn.Module:
    """torchvision model `name` shaped as `weights` (default: its DEFAULT weights) describe, on `device`
    (meta: nothing allocated), randomly initialised elsewhere. Quantized models are refused (StudylogError)."""
    if families().get(name) == "quantization":
        raise StudylogError(
            f"{name} is int8-quantized: its packed weights cannot be built without running the quantization "
            f"on real tensors; count '{name.removeprefix('quantized_')}', the float model it quantizes (same layers, same multiply-adds)")
    weights = weights or get_model_weights(name).DEFAULT

    def build() -> nn.Module:
        with _weights_never_loaded():
            return get_model(name, weights=weights)

    return build_on_meta(build) if device == "meta" else build()


def default_inputs(name: str, weights: WeightsEnum, device: str) -> tuple:
    """The positional arguments `name`'s weights' `_ops` were measured with, as zeros on `device`."""
    family = families()[name]
    if family == "video":
        side = crop_size(weights)
        return (torch.zeros(1, 3, VIDEO_FRAMES, side, side, device=device),)
    if family == "optical_flow":
        return (torch.zeros(1, 3, FLOW_SIDE, FLOW_SIDE, device=device),) * 2
    if family == "detection":
        return ([torch.zeros(3, DETECTION_SIDE, DETECTION_SIDE, device=device)],)
    side = weights.transforms().resize_size[0] if family == "segmentation" else crop_size(weights)
    return (torch.zeros(1, 3, side, side, device=device),)
