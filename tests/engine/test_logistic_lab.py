"""Cat / non-cat logistic regression: CURRICULUM §5 (second part) on the real files, and engine.logistic_lab."""
import numpy as np
import pytest

from engine.lab import logistic as logistic_lab
from engine.networks import LogisticRegression
from engine.training import Diverged, flatten_images, run_to_end, train_logistic


@pytest.fixture(scope="module")
def cat_data(cat_dir):
    from engine.data.datasets import load_catvnoncat

    return load_catvnoncat(cat_dir)


@pytest.fixture(scope="module")
def arrays(cat_data):
    train_x, train_y, test_x, test_y, _ = cat_data
    return flatten_images(train_x), train_y, flatten_images(test_x), test_y


@pytest.fixture(scope="module")
def lessons_run(arrays):
    """The lessons' run: w = 0, b = 0, η = 0.005, 2,000 iterations, cost every 100."""
    return run_to_end(train_logistic(*arrays, learning_rate=0.005, num_iterations=2000, record_every=100))


# ---------------------------------------------------------------- CURRICULUM §5 on the real data
def test_counts(cat_data):
    train_x, train_y, test_x, test_y, classes = cat_data
    assert logistic_lab.summary(train_y, test_y) == {"train": 209, "train_cats": 72, "test": 50, "test_cats": 33}
    assert train_x.shape == (209, 64, 64, 3) and test_x.shape == (50, 64, 64, 3)
    assert flatten_images(train_x).shape == (209, 12288)


def test_lessons_costs(lessons_run):
    costs = dict(lessons_run["costs"])
    assert sorted(costs) == list(range(0, 2000, 100))
    # the lessons print them with %f
    assert f"{costs[0]:f}" == "0.693147"
    assert f"{costs[100]:f}" == "0.584508"
    assert f"{costs[1900]:f}" == "0.140872"
    assert costs[0] == pytest.approx(np.log(2), rel=1e-15)  # ŷ = 0.5 everywhere at w = 0


def test_lessons_accuracies_exactly(lessons_run):
    assert lessons_run["train_accuracy"] == 99.04306220095694
    assert lessons_run["test_accuracy"] == 70.0
    assert logistic_lab.is_overfitting(lessons_run["train_accuracy"], lessons_run["test_accuracy"])


def test_predictions_agree_with_the_accuracy(lessons_run, cat_data):
    _, _, test_x, test_y, _ = cat_data
    p = logistic_lab.predictions(lessons_run["model"], test_x, test_y)
    assert p["correct"].sum() == 35  # 70 % of 50
    assert np.all((p["proba"] > 0.5) == (p["predicted"] == 1))
    assert np.array_equal(p["predicted"], lessons_run["model"].predict(flatten_images(test_x)))


def test_learning_rate_comparison_matches_the_lessons(arrays):
    events = list(logistic_lab.compare_learning_rates(*arrays, learning_rates=(0.01, 0.001, 0.0001),
                                                      num_iterations=1500))
    done = events[-1]
    assert done["kind"] == "done"
    results = done["results"]
    assert [r["learning_rate"] for r in results] == [0.01, 0.001, 0.0001]
    # the lessons' printout for this plot
    assert [r["train_accuracy"] for r in results] == [99.52153110047847, 88.99521531100478, 68.42105263157895]
    assert [r["test_accuracy"] for r in results] == [68.0, 64.0, 36.0]
    final = [r["costs"][-1][1] for r in results]
    assert final[0] < final[1] < final[2]  # in 1,500 steps the largest η gets furthest
    steps = [e for e in events if e["kind"] == "step"]
    assert len(steps) == 4500
    assert [e["overall"] for e in steps] == list(range(1, 4501))
    assert {e["overall_total"] for e in steps} == {4500}
    assert [e["index"] for e in events if e["kind"] == "run"] == [0, 1, 2]


def test_weights_image_of_the_trained_model(lessons_run):
    image = logistic_lab.weights_image(lessons_run["model"].params["w"])
    assert image.shape == (64, 64, 3)
    assert image.min() == 0.0 and image.max() == 1.0


# ---------------------------------------------------------------- logistic_lab on small made-up data
def toy(n=40, features=12, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.random((n, features))
    y = (X[:, 0] + 0.3 * rng.standard_normal(n) > 0.5).astype(np.int64)
    return X, y


def test_summary_counts_cats():
    assert logistic_lab.summary([1, 0, 1, 1], [0, 0, 1]) == {"train": 4, "train_cats": 3, "test": 3,
                                                             "test_cats": 1}


@pytest.mark.parametrize("text, rates", [
    ("0.01, 0.001, 0.0001", [0.01, 0.001, 0.0001]),
    ("0.5;1e-3", [0.5, 0.001]),
    (" 0.1 0.2 ", [0.1, 0.2]),
])
def test_parse_learning_rates(text, rates):
    assert logistic_lab.parse_learning_rates(text) == rates


@pytest.mark.parametrize("text, reason, item", [
    ("", "empty", None),
    (" , ", "empty", None),
    ("0.01, fast", "number", "fast"),
    ("0.01, -0.1", "positive", "-0.1"),
    ("0", "positive", "0"),
    ("nan", "positive", "nan"),
    (", ".join(["0.1"] * 9), "count", None),
])
def test_parse_learning_rates_rejects(text, reason, item):
    with pytest.raises(logistic_lab.LearningRateError) as info:
        logistic_lab.parse_learning_rates(text)
    assert info.value.reason == reason
    assert info.value.item == item
    assert isinstance(info.value, ValueError)


def test_comparison_forwards_each_run_and_matches_separate_training():
    X, y = toy()
    events = list(logistic_lab.compare_learning_rates(X, y, learning_rates=[0.5, 0.05], num_iterations=30,
                                                      record_every=10))
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "run" and kinds[-1] == "done"
    assert kinds.count("run_done") == 2 and kinds.count("cost") == 6 and kinds.count("step") == 60
    for k, lr in enumerate([0.5, 0.05]):
        alone = run_to_end(train_logistic(X, y, learning_rate=lr, num_iterations=30, record_every=10))
        result = events[-1]["results"][k]
        assert result["costs"] == alone["costs"]
        assert result["train_accuracy"] == alone["train_accuracy"]
        assert result["test_accuracy"] is None
        costs = [e["cost"] for e in events if e["kind"] == "cost" and e["index"] == k]
        assert costs == [c for _, c in alone["costs"]]


def test_comparison_reports_a_diverging_rate_and_goes_on():
    # each x three times, labelled 0, 1, 1: a huge step saturates σ to exactly 1 on the 0s, and log 0 = −inf
    X = np.repeat(np.eye(4), 3, axis=0)
    y = np.tile([0, 1, 1], 4)
    with pytest.raises(Diverged):
        run_to_end(train_logistic(X, y, learning_rate=1e6, num_iterations=50))
    events = list(logistic_lab.compare_learning_rates(X, y, learning_rates=[1e6, 0.1], num_iterations=50))
    diverged = [e for e in events if e["kind"] == "run_diverged"]
    assert len(diverged) == 1 and diverged[0]["index"] == 0 and diverged[0]["learning_rate"] == 1e6
    assert "lower the learning rate" in diverged[0]["message"]
    results = events[-1]["results"]
    assert results[0]["diverged"] is True
    assert results[1]["train_accuracy"] == pytest.approx(200 / 3)  # the second rate still ran: "1" everywhere


def test_weights_image_stretches_to_0_1():
    w = np.linspace(-3.0, 5.0, 12288)
    image = logistic_lab.weights_image(w)
    assert image.shape == (64, 64, 3)
    assert image.min() == 0.0 and image.max() == 1.0
    assert image.reshape(-1)[0] == 0.0 and image.reshape(-1)[-1] == 1.0
    assert image.reshape(-1)[6144] == pytest.approx((w[6144] + 3.0) / 8.0)
    assert np.all(logistic_lab.weights_image(np.zeros(12288)) == 0.5)
    with pytest.raises(ValueError):
        logistic_lab.weights_image(np.zeros(100))


def test_classify_one_picture():
    rng = np.random.default_rng(1)
    model = LogisticRegression(12288)
    model.params["w"] = 0.001 * rng.standard_normal(12288)
    model.params["b"] = -0.2
    image = rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)
    label, proba = logistic_lab.classify(model, image)
    expected = 1 / (1 + np.exp(-(image.reshape(-1) / 255.0 @ model.params["w"] - 0.2)))
    assert proba == pytest.approx(expected, rel=1e-12)
    assert label == int(expected > 0.5)
    model.params["b"] = 50.0
    assert logistic_lab.classify(model, image)[0] == 1
    with pytest.raises(ValueError, match="64×64"):
        logistic_lab.classify(model, image[:32])


def test_predictions_marks_wrong_answers():
    model = LogisticRegression(12288)
    model.params["b"] = 1.0  # says "cat" (ŷ = σ(1) = 0.73) for everything
    images = np.zeros((3, 64, 64, 3), dtype=np.uint8)
    p = logistic_lab.predictions(model, images, [1, 0, 1])
    assert p["predicted"].tolist() == [1, 1, 1]
    assert p["correct"].tolist() == [True, False, True]
    assert p["proba"] == pytest.approx(1 / (1 + np.exp(-1.0)))


def test_is_overfitting():
    assert logistic_lab.is_overfitting(99.0, 70.0)
    assert not logistic_lab.is_overfitting(95.0, 94.0)
    assert not logistic_lab.is_overfitting(99.0, None)


def test_dot_loop_is_the_dot_product():
    a, b = np.arange(5.0), np.array([2.0, 0.0, 1.0, -1.0, 0.5])
    assert logistic_lab.dot_loop(a, b) == 0 * 2 + 1 * 0 + 2 * 1 + 3 * (-1) + 4 * 0.5 == 1.0


def test_vectorisation_demo_events():
    events = list(logistic_lab.vectorisation_demo(n=20_000, repeats=2, seed=3))
    assert [e["kind"] for e in events] == ["loop", "dot", "done"]
    done = events[-1]
    assert done["n"] == 20_000 and done["repeats"] == 2
    assert done["loop_ms"] == events[0]["ms"] > 0 and done["dot_ms"] == events[1]["ms"] > 0
    assert done["ratio"] == pytest.approx(done["loop_ms"] / done["dot_ms"])
    rng = np.random.default_rng(3)
    a, b = rng.random(20_000), rng.random(20_000)
    assert done["dot_value"] == pytest.approx(float(np.dot(a, b)), rel=1e-15)
    assert done["loop_value"] == pytest.approx(done["dot_value"], rel=1e-12)  # same sum, other order


def test_train_live_is_train_logistic():
    X, y = toy()
    live = run_to_end(logistic_lab.train_live(X, y, learning_rate=0.3, num_iterations=40, record_every=10))
    plain = run_to_end(train_logistic(X, y, learning_rate=0.3, num_iterations=40, record_every=10))
    assert live["costs"] == plain["costs"]
    assert np.array_equal(live["model"].params["w"], plain["model"].params["w"])
    assert live["train_accuracy"] == plain["train_accuracy"]


def test_train_live_ends_a_diverging_run_with_an_event():
    X, y = toy()
    with pytest.raises(Diverged):  # train_logistic raises …
        run_to_end(train_logistic(X * 1e6, y, learning_rate=1e6, num_iterations=50))
    events = list(logistic_lab.train_live(X * 1e6, y, learning_rate=1e6, num_iterations=50))  # … train_live tells
    last = events[-1]
    assert last["kind"] == "diverged" and "lower the learning rate" in last["message"]
    assert last["iteration"] == len([e for e in events if e["kind"] == "step"])
    assert not any(e["kind"] == "done" for e in events)
