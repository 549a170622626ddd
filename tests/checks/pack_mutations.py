"""One wrong expectation per check of the bundled pack, as a real edit of its module's source.

check id -> (module under questions/, the expectation as written, a wrong one, a fragment of every claim
label that must then fail). test_questions.py runs the edited copies through the real runner.
"""

from __future__ import annotations

WRONG_EXPECTATIONS = {
    # week 1
    "strides-and-contiguity": ("week1/numpy_strides.py", ".equals([1, 4])", ".equals([4, 1])", "transposed: strides"),
    "minibatch-gradient-unbiased": ("week1/sgd_unbiased.py", "(batches.mean(0) - full)", "(batches.mean(0) - full / 2)", "shuffled partition"),
    "sigmoid-derivative-bound": ("week1/sigmoid_vanishing.py", "close_to(0.25, abs=1e-12)", "close_to(0.5, abs=1e-12)", "max of sigmoid'"),
    "sigmoid-mlp-gradient": ("week1/sigmoid_vanishing.py", "product * s * (1 - s)", "product * s", "product of sigma'"),
    "rnn-gradient-50-steps": ("week1/rnn_vanishing.py", "close_to(0.9**STEPS, rel=1e-12)", "close_to(0.9**(STEPS - 1), rel=1e-12)", "W = 0.9 I"),
    "conv-output-size-formula": ("week1/conv_output_size.py", ".equals(3 * 3 * 128 * 64)", ".equals(3 * 3 * 128 * 64 + 64)", "bias excluded"),
    "mlp-params-sum": ("week1/params_add_up.py", "n_in * n_out + n_out for", "n_in * n_out for", "with biases"),
    # week 2
    "view-reshape-storage": ("week2/view_reshape.py", ".equals([0, 4, 8, 1])", ".equals([0, 1, 2, 3])", "transposed order"),
    "transpose-permute-shapes": ("week2/view_reshape.py", ".equals([4, 2, 3])", ".equals([4, 3, 2])", "permute"),
    "expand-repeat-strides": ("week2/expand_repeat.py", ".equals([1, 0])", ".equals([1, 1])", "expand (3, 1)"),
    "gather-semantics": ("week2/gather.py", "x[i][index[i][j]]", "x[i][index[j][i]]", "gather(x, 1"),
    "modulelist-registers-parameters": ("week2/module_registration.py", ".equals(10 * 10 + 10)", ".equals(10 * 10)", "in a ModuleList"),
    "buffer-vs-parameter": ("week2/module_registration.py", '[["w"], ["w", "mu"]]', '[["w", "mu"], ["w", "mu"]]', "parameters vs state_dict"),
    "matmul-mm-mul-shapes": ("week2/matmul_mm_mul.py", ".equals(1 * 4 + 2 * 5 + 3 * 6)", ".equals(1 * 4 + 2 * 5)", "dot product"),
    "call-runs-hooks": ("week2/call_vs_forward.py", '.equals(["pre", "post"])', '.equals(["pre", "post", "pre", "post"])', "hooks fired"),
    "linear-default-bounds": ("week2/linear_init.py", "0.1 / math.sqrt(3)", "0.1 / math.sqrt(2)", "std of its"),
    "dropout-train-eval": ("week2/eval_train.py", "[0.0, 1 / (1 - 0.5)]", "[0.0, 1.0]", "train mode"),
    "batchnorm-train-eval": ("week2/eval_train.py", "x.var(0, unbiased=True)", "x.var(0, unbiased=False)", "unbiased batch variance"),
    "loss-reduction-ratio": ("week2/loss_reduction.py", ".close_to(BATCH, rel=1e-12)", ".close_to(BATCH - 1, rel=1e-12)", "sum / CE mean"),
    "totensor-scaling-values": ("week2/totensor.py", ".equals([3, 1, 1])", ".equals([1, 1, 3])", "HWC -> CHW"),
    # week 3
    "softmax-output-loss-floor": ("week3/softmax_then_ce.py", "math.log(1 + (classes - 1) / math.e)", "math.log(classes)", "C = "),
    "log-softmax-idempotent": ("week3/softmax_then_ce.py", "(once - (x - x.logsumexp(1, keepdim=True)))", "(once - (x - x.logsumexp(1, keepdim=True) + 1))", "logsumexp"),
    "two-class-softmax-is-logistic": ("week3/bce_vs_ce.py", "torch.stack([torch.zeros_like(z), z], 1)", "torch.stack([z, torch.zeros_like(z)], 1)", "CE on logits [0, z]"),
    "xavier-kaiming-bounds": ("week3/init_gains.py", "[math.sqrt(2), 5 / 3, 1.0]", "[math.sqrt(2), 1.0, 1.0]", "calculate_gain"),
    "relu-depth-30-activations": ("week3/init_gains.py", "0.5 <= kaiming <= 2", "2 <= kaiming <= 4", "stays within"),
    "lstm-gru-param-formulas": ("week3/lstm_gru_params.py", "4 * HIDDEN * (IN + HIDDEN) + 2 * 4 * HIDDEN", "4 * HIDDEN * (IN + HIDDEN) + 4 * HIDDEN", "nn.LSTM(10, 20)"),
    "lstm-cell-state-path": ("week3/lstm_gru_params.py", "[[1.0] * HIDDEN], abs=1e-6", "[[0.5] * HIDDEN], abs=1e-6", "forget gate at 1"),
    "mha-shapes-and-params": ("week3/multi_head_attention.py", "F.softmax(scores / math.sqrt(64), dim=-1)", "F.softmax(scores / 64, dim=-1)", "scaled_dot_product"),
    "attention-scaling": ("week3/multi_head_attention.py", ".close_to(64, rel=0.05)", ".close_to(8, rel=0.05)", "variance of q . k"),
    "norm-axes-and-params": ("week3/norm_layers.py", ".equals(2 * 64 * 56 * 56)", ".equals(2 * 64)", "LayerNorm([64, 56, 56])"),
    "layernorm-ignores-the-batch": ("week3/norm_layers.py", "(ln(x)[0] - ln(other)[0])", "(ln(x)[0] - bn(other)[0])", "LayerNorm: sample 0"),
    # week 4, beyond the paper audits
    "receptive-field-by-gradient": ("week4/receptive_field.py", "1 + sum((k - 1) * math.prod", "1 + sum(k * math.prod", "vs the formula"),
    "vgg11-output-stride": ("week4/receptive_field.py", ".equals(224 // 16)", ".equals(224 // 32)", "without the last max pool"),
    "bottleneck-1x1-savings": ("week4/one_by_one_conv.py", ".equals(128 * 32 + 3 * 3 * 32 * 128)", ".equals(3 * 3 * 32 * 128)", "then 3x3 32 -> 128"),
    "alexnet-conv1-params": ("week4/alexnet_conv1.py", ".equals(96 * 11 * 11 * 3)", ".equals(64 * 11 * 11 * 3)", "96 filters"),
    "se-block-params": ("week4/se_block.py", ".equals(2 * C * C // R)", ".equals(C * C // R)", "bias excluded"),
    # week 5
    "iou-and-nms": ("week5/iou_nms.py", "close_to(81 / 119, rel=1e-12)", "close_to(81 / 100, rel=1e-12)", "IoU([0,0,10,10]"),
    "rpn-anchors-and-heads": ("week5/anchors_rpn.py", ".equals([3] * 5)", ".equals([9] * 5)", "5 levels"),
    "focal-loss-down-weighting": ("week5/focal_loss.py", "close_to(alpha.number * (1 - p_t) ** gamma.number", "close_to((1 - p_t) ** gamma.number", "focal / BCE"),
    "fc-as-conv": ("week5/fcn.py", ".equals(14 - 7 + 1)", ".equals(14 - 7)", "14x14 map"),
    "fcn-output-stride-and-upsampling": ("week5/fcn.py", ".equals([2048, 224 // 8])", ".equals([2048, 224 // 32])", "feature map"),
    "interpolation-rows": ("week5/interpolation.py", "(i + 0.5) / 2 - 0.5", "i / 2", "align_corners=False"),
    # week 3: the paper audits
    "transformer-layer-params": ("week3/transformer_params.py", ".equals(37000 * d)", ".equals(32768 * d)", "shared embedding"),
    "transformer-table3-params": ("week3/transformer_params.py", ".equals(False)", ".equals(True)", "overlap"),
    "vit-sequence-length": ("week3/vit_params.py", ".equals((224 // 16) ** 2 + 1)", ".equals((224 // 16) ** 2)", "tokens entering"),
    "vit-table1-rows": ("week3/vit_params.py", "sorted(set.intersection(*readings))).equals([])",
                        'sorted(set.intersection(*readings))).equals(["at 224, with the 1000-class head"])', "all three rows"),
    # week 4: the seed's questions and the paper audits
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
