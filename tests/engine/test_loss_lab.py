import numpy as np
import pytest

from engine.lab import losses as loss_lab


def test_worked_examples_values():
    assert loss_lab.losses(loss_lab.WORKED_EXAMPLES["two"], 2) == (0.09750000000000003, 0.510825457099338)
    assert loss_lab.losses(loss_lab.WORKED_EXAMPLES["seven"], 2) == (0.5975, 2.302584092994546)


def test_set_probability_keeps_sum_and_proportions():
    y = loss_lab.WORKED_EXAMPLES["two"]
    z = loss_lab.set_probability(y, 2, 0.9)
    assert z[2] == 0.9 and z.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(z[0] / z[1], y[0] / y[1])
    one = loss_lab.set_probability(np.eye(10)[3], 3, 0.1)
    np.testing.assert_allclose(one[np.arange(10) != 3], 0.1)
    assert loss_lab.set_probability(y, 0, 7.0)[0] == 1.0  # clipped


def test_curve_passes_through_current_point_and_ce_explodes():
    y = loss_lab.WORKED_EXAMPLES["two"]
    mse, ce = loss_lab.loss_vs_correct_probability(y, 2, np.array([0.6, 1e-6]))
    assert (mse[0], ce[0]) == pytest.approx(loss_lab.losses(y, 2))
    assert ce[1] > 10 and mse[1] < 1


def test_softmax_steps_overflow_shown_as_values():
    s = loss_lab.softmax_steps([1010, 1000, 990])
    assert np.isinf(s["exp_naive"]).all() and np.isnan(s["y_naive"]).all()
    assert s["shift"] == 1010 and np.isfinite(s["y"]).all()
    np.testing.assert_array_equal(s["shifted"], [0, -10, -20])


def test_parse_numbers():
    np.testing.assert_array_equal(loss_lab.parse_numbers("1010, 1000 990"), [1010, 1000, 990])
    with pytest.raises(ValueError, match="'abc'"):
        loss_lab.parse_numbers("1, abc")
    with pytest.raises(ValueError):
        loss_lab.parse_numbers("  ")


def test_batch_label_and_one_hot_agree():
    y, t = loss_lab.random_batch(7, seed=1)
    r = loss_lab.batch_losses(y, t)
    assert r["mean_label"] == pytest.approx(r["mean_one_hot"], rel=1e-15)
    assert r["mean_label"] == pytest.approx(r["per_sample"].mean())
    assert len(r["per_sample"]) == 7


def test_scores_for_reproduce_y_through_softmax():
    from engine.functions import softmax

    y = loss_lab.WORKED_EXAMPLES["two"]
    a = loss_lab.scores_for(y)
    assert a.mean() == pytest.approx(0.0, abs=1e-12) and np.all(np.isfinite(a))
    np.testing.assert_allclose(softmax(a), y, atol=1e-3)  # the zeros come back as tiny outputs
    assert softmax(a).argmax() == 2
    uniform = np.full(10, 0.1)
    np.testing.assert_allclose(loss_lab.scores_for(uniform), 0.0, atol=1e-12)


def test_a_hundred_scores_of_full_precision_are_read_and_a_hundred_and_one_are_refused():
    scores = [(-1) ** k * 1.2345678901234567e-300 * (k + 1) for k in range(loss_lab.MAX_SCORES)]
    text = ", ".join(repr(-abs(v)) for v in scores)  # the longest way to write them
    assert len(text) <= loss_lab.MAX_SCORES_TEXT
    np.testing.assert_array_equal(loss_lab.parse_numbers(text), [-abs(v) for v in scores])
    with pytest.raises(loss_lab.NumberListError) as info:
        loss_lab.parse_numbers(", ".join(["1"] * (loss_lab.MAX_SCORES + 1)))
    assert (info.value.count, info.value.limit) == (loss_lab.MAX_SCORES + 1, loss_lab.MAX_SCORES)
    assert "too many numbers (101; at most 100)" in str(info.value)


def test_a_pasted_megabyte_is_refused_by_its_length_before_it_is_split():
    text = "x" * 5_000_000  # were it split and read, the fault would be "'xxx…' is not a number"
    with pytest.raises(loss_lab.NumberListError) as info:
        loss_lab.parse_numbers(text)
    assert info.value.length == 5_000_000 and info.value.item is None and info.value.count is None
    with pytest.raises(loss_lab.NumberListError) as info:
        loss_lab.parse_numbers("1," * (loss_lab.MAX_SCORES_TEXT // 2))  # short enough, but 1,500 numbers
    assert info.value.count == loss_lab.MAX_SCORES_TEXT // 2 and info.value.length is None
