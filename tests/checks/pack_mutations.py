"""One wrong expectation per check of the bundled pack, as a real edit of its module's source.

check id -> (module under questions/, the expectation as written, a wrong one, a fragment of every claim
label that must then fail). test_questions.py runs the edited copies through the real runner.
"""

from __future__ import annotations

WRONG_EXPECTATIONS = {
    # week 3
    "transformer-layer-params": ("week3/transformer_params.py", ".equals(37000 * d)", ".equals(32768 * d)", "shared embedding"),
    "transformer-table3-params": ("week3/transformer_params.py", ".equals(False)", ".equals(True)", "overlap"),
    "vit-sequence-length": ("week3/vit_params.py", ".equals((224 // 16) ** 2 + 1)", ".equals((224 // 16) ** 2)", "tokens entering"),
    "vit-table1-rows": ("week3/vit_params.py", "sorted(set.intersection(*readings))).equals([])",
                        'sorted(set.intersection(*readings))).equals(["at 224, with the 1000-class head"])', "all three rows"),
    # week 4
    "inception-3a-weights": ("week4/inception_v1_params.py", ".equals(163_328)", ".equals(163_329)", "inception (3a), bias excluded"),
    "inception-conv1-hypotheses": ("week4/inception_v1_params.py", ".equals(9_408)", ".equals(3_136)", "full 7x7x3->64"),
    "inception-table1-rows": ("week4/inception_v1_params.py", '.equals(table1(row, "output_size"))', '.equals(table1("linear", "output_size"))', "output size"),
    "googlenet-torchvision-reconciled": ("week4/inception_v1_params.py", "(25 - 9)", "(25 - 8)", "instead of 5x5"),
    "efficientnet-b0-count": ("week4/flops_vs_complexity.py", ".equals(2 * 1000 * 10)", ".equals(1000 * 10)", "1 multiply-add = 2 FLOPs"),
    "flop-count-is-not-a-rate": ("week4/flops_vs_complexity.py", ".equals(on_meta)", ".equals(on_meta // 2)", "counted on cpu"),
    "efficientnet-table2": ("week4/flops_vs_complexity.py", ".equals(list(published.values()))", ".equals(list(published.values())[::-1])", "num_params"),
    "cross-entropy-includes-softmax": ("week4/aux_classifier_softmax.py", "math.log(math.e + CLASSES - 1) - 1", "math.log(CLASSES)", "double softmax"),
    "googlenet-train-outputs": ("week4/aux_classifier_softmax.py", '["logits", "aux_logits2", "aux_logits1"])', '["logits", "aux_logits1", "aux_logits2"])', "output fields"),
    "googlenet-aux-loss-gradients": ("week4/aux_classifier_softmax.py", "main + weight.number *", "main + 0 *", "from the training loss"),
    "vgg-table2-rows": ("week4/vgg_params.py", ".equals([11, 11, 13, 16, 16, 19])", ".equals([11, 11, 13, 16, 16, 16])", "weight layers"),
    "vgg-params-in-fc": ("week4/vgg_params.py", "(7 * 7 * 512, 4096)", "(7 * 7 * 512, 4095)", "three FC layers"),
    "vgg-two-3x3-vs-5x5": ("week4/vgg_params.py", ".equals([5, 5])", ".equals([5, 3])", "receptive field"),
    "resnet-table1-flops": ("week4/resnet_flops.py", '.equals(table1(row, "blocks").raw)', '.equals(table1("50-layer", "blocks").raw)', "blocks per stage"),
    "resnet50-stride-placement": ("week4/resnet_flops.py", "3 * c_in * width * side**2", "4 * c_in * width * side**2", "3x3 stride"),
    "resnet34-shortcut-options": ("week4/resnet_flops.py", "c_in * c_out * side**2 for", "c_in * c_out * side for", "projection shortcuts (B) over"),
    "mobilenet-cost-ratio": ("week4/mobilenet_depthwise.py", ".equals(kernel**2 * m * n * side**2)", ".equals(kernel * m * n * side**2)", "standard conv"),
    "mobilenet-table2-shares": ("week4/mobilenet_depthwise.py", "weights * positions[name]", "weights * positions[name] * 2", "add up"),
    "mobilenet-tables-4-6-7": ("week4/mobilenet_depthwise.py", "close_to((128 / 224) ** 2", "close_to((160 / 224) ** 2", "resolution multiplier"),
}
