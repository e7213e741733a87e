<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyBox</name>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Share of the 209 training pictures classified right, as the lessons print it</source>
        <translation>209 张训练图片中分类正确的比例，与课程打印的一致</translation>
    </message>
    <message>
        <source>Share of the 50 test pictures (never seen in training) classified right</source>
        <translation>50 张测试图片（训练时从未见过）中分类正确的比例</translation>
    </message>
    <message>
        <source>The model overfits: it classifies almost every training picture right but far fewer new ones. It has learned the 209 training pictures rather than what makes a cat.</source>
        <translation>模型发生了过拟合：它几乎能正确分类每一张训练图片，但对新图片的正确率低得多。它记住的是这 209 张训练图片，而不是猫的本质特征。</translation>
    </message>
    <message>
        <source>Train and test accuracy are close: the model does about as well on new pictures.</source>
        <translation>训练准确率和测试准确率接近：模型在新图片上的表现差不多一样好。</translation>
    </message>
    <message>
        <source>Gap (train − test): %1 points with λ = %2.</source>
        <translation>差距（训练 − 测试）：%1 个百分点，λ = %2。</translation>
    </message>
    <message>
        <source>Previous run: %1</source>
        <translation>上一次运行：%1</translation>
    </message>
</context>
<context>
    <name>AnimationExport</name>
    <message>
        <source>Export animation as GIF</source>
        <translation>导出为 GIF 动画</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>Export animation as PNG files into a folder</source>
        <translation>把动画导出为文件夹中的 PNG 图片</translation>
    </message>
    <message>
        <source>Writing frames…</source>
        <translation>正在写入帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：没有写入任何文件。</translation>
    </message>
    <message>
        <source>Wrote %1 frames to %2</source>
        <translation>已将 %1 帧写入 %2</translation>
    </message>
    <message>
        <source>the image could not be saved</source>
        <translation>无法保存图片</translation>
    </message>
</context>
<context>
    <name>AppearanceMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>更大的文字</translation>
    </message>
    <message>
        <source>Every text a quarter larger (remembered)</source>
        <translation>所有文字放大四分之一（会被记住）</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>Mini-batch cross-entropy is the average over N samples: E = −1/N Σ_n Σ_k t_nk log y_nk. With label t it is −1/N Σ_n log y[n, t_n]: the same number.</source>
        <translation>小批量的交叉熵误差是 N 个数据的平均：E = −1/N Σ_n Σ_k t_nk log y_nk。用标签形式的 t 计算是 −1/N Σ_n log y[n, t_n]：结果完全相同。</translation>
    </message>
    <message>
        <source>Batch size N</source>
        <translation>批大小 N</translation>
    </message>
    <message>
        <source>New random batch</source>
        <translation>随机生成新的批</translation>
    </message>
    <message>
        <source>Draw N new random outputs and targets</source>
        <translation>随机生成 N 个新的输出和监督标签</translation>
    </message>
    <message>
        <source>How many samples in the mini-batch</source>
        <translation>小批量中的数据个数</translation>
    </message>
    <message>
        <source>The mini-batch: outputs, labels and losses</source>
        <translation>mini-batch：输出、标签和损失</translation>
    </message>
    <message>
        <source>label t_n</source>
        <translation>标签 t_n</translation>
    </message>
    <message>
        <source>y[n, t_n]</source>
        <translation>y[n, t_n]</translation>
    </message>
    <message>
        <source>−log(y + 1e-7)</source>
        <translation>−log(y + 1e-7)</translation>
    </message>
    <message>
        <source>Average with label t: %1&lt;br&gt;Average with one-hot t: %2</source>
        <translation>用标签形式的 t 求平均：%1&lt;br&gt;用 one-hot 形式的 t 求平均：%2</translation>
    </message>
</context>
<context>
    <name>CatPanel</name>
    <message>
        <source>Cat / non-cat (logistic regression)</source>
        <translation>猫 / 非猫（逻辑回归）</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>non-cat</source>
        <translation>非猫</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train from the start with these settings (Space)</source>
        <translation>用这些设置从头开始训练（空格键）</translation>
    </message>
    <message>
        <source>Stop training (the model is only evaluated after the last step)</source>
        <translation>停止训练（模型只在最后一步之后才评估）</translation>
    </message>
    <message>
        <source>Iterations done</source>
        <translation>已完成的迭代次数</translation>
    </message>
    <message>
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Your image</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <source>Vectorisation</source>
        <translation>向量化</translation>
    </message>
    <message>
        <source>Folder with train_catvnoncat.h5 and test_catvnoncat.h5</source>
        <translation>存放 train_catvnoncat.h5 和 test_catvnoncat.h5 的文件夹</translation>
    </message>
    <message>
        <source>Finished: %1 iterations in %2 s.</source>
        <translation>完成：%1 次迭代，用时 %2 秒。</translation>
    </message>
    <message>
        <source>Stopped at iteration %1: the accuracies are measured only after the last iteration.</source>
        <translation>已在第 %1 次迭代时停止：准确率只在最后一次迭代之后才计算。</translation>
    </message>
    <message>
        <source>The cost stopped being a finite number (it diverged): lower the learning rate.</source>
        <translation>代价不再是有限的数（发散了）：请降低学习率。</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Open the data folder first.</source>
        <translation>请先打开数据文件夹。</translation>
    </message>
    <message>
        <source>Ready: press Start.</source>
        <translation>准备就绪：请按“开始”。</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>&lt;p&gt;The book's &lt;b&gt;gradient check&lt;/b&gt;: compute ∂L/∂W of a small batch twice — by backpropagation and by the numerical gradient (central differences, h = 10⁻⁴) — and compare them weight by weight. If backprop is right they agree to about 10⁻¹⁰.&lt;/p&gt;&lt;p&gt;It checks the trained (or loaded) net if there is one, else a new net with the settings on the left. The numerical side is slow: 2 loss evaluations per weight.&lt;/p&gt;</source>
        <translation>&lt;p&gt;书中的&lt;b&gt;梯度确认&lt;/b&gt;：对一个小批量计算两次 ∂L/∂W —— 一次用误差反向传播法，一次用数值微分（中心差分，h = 10⁻⁴）—— 然后逐个权重比较。如果误差反向传播法的实现正确，两者相差约 10⁻¹⁰。&lt;/p&gt;&lt;p&gt;如果已有训练好的（或加载的）网络，就检查它，否则检查一个按左侧设置新建的网络。数值微分这一边很慢：每个权重需要计算 2 次损失。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>How many training images in the batch (the book uses 3)</source>
        <translation>批中训练图像的张数（书中为 3）</translation>
    </message>
    <message>
        <source>Backprop against the numerical gradient, per weight</source>
        <translation>逐个权重比较误差反向传播法与数值微分的梯度</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度确认</translation>
    </message>
    <message>
        <source>Compare backprop with the numerical gradient on a small batch</source>
        <translation>在一个小批量上比较误差反向传播法和数值微分求出的梯度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the gradient check</source>
        <translation>停止梯度确认</translation>
    </message>
    <message>
        <source>Weights whose numerical derivative is done</source>
        <translation>已完成数值微分的权重个数</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重个数</translation>
    </message>
    <message>
        <source>mean |Δ|</source>
        <translation>|Δ| 平均</translation>
    </message>
    <message>
        <source>max |Δ|</source>
        <translation>|Δ| 最大</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>相对</translation>
    </message>
    <message>
        <source>Δ = backprop − numerical, for every weight of the parameter; relative = mean |Δ| / mean |numerical|</source>
        <translation>Δ = 反向传播 − 数值微分，对该参数的每个权重；相对 = |Δ| 平均 / |数值微分| 平均</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gradient check&lt;/h3&gt;&lt;p&gt;Numerical gradient (chapter 4):&lt;br&gt;∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h&lt;/p&gt;&lt;p&gt;simple and almost surely right, but 2 loss evaluations per weight: 79,520 for the 784-50-10 net. Backpropagation (chapter 5) gets all 39,760 at the cost of about one forward and one backward pass, but is easy to get wrong.&lt;/p&gt;&lt;p&gt;So we check backprop against it. The differences are not 0: floating-point rounding and the 1e-7 inside log(y + 1e-7).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度确认&lt;/h3&gt;&lt;p&gt;数值微分（第 4 章）：&lt;br&gt;∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h&lt;/p&gt;&lt;p&gt;简单，几乎不会出错，但每个权重需要计算 2 次损失：784-50-10 的网络要 79,520 次。误差反向传播法（第 5 章）只需大约一次正向和一次反向传播就能求出全部 39,760 个梯度，但实现起来容易出错。&lt;/p&gt;&lt;p&gt;所以用数值微分来确认误差反向传播法。差值不是 0：来自浮点数的舍入，以及 log(y + 1e-7) 中的 1e-7。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Backprop agrees with the numerical gradient.</source>
        <translation>误差反向传播法与数值微分的结果一致。</translation>
    </message>
    <message>
        <source>Backprop and the numerical gradient disagree: the backward pass has a bug.</source>
        <translation>误差反向传播法与数值微分的结果不一致：反向传播的实现有错误。</translation>
    </message>
    <message>
        <source>Backprop took %1 ms, the numerical gradient %2 s (%3 times longer).</source>
        <translation>误差反向传播法用时 %1 毫秒，数值微分用时 %2 秒（慢 %3 倍）。</translation>
    </message>
    <message>
        <source>Done: %1 weights.</source>
        <translation>完成：%1 个权重。</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>loss L (cross-entropy)</source>
        <translation>损失 L（交叉熵误差）</translation>
    </message>
    <message>
        <source>The same mini-batches, two ways to the gradient</source>
        <translation>相同的小批量，两种求梯度的方法</translation>
    </message>
    <message>
        <source>seconds (log scale)</source>
        <translation>秒（对数刻度）</translation>
    </message>
    <message>
        <source>Time per gradient</source>
        <translation>每次求梯度的时间</translation>
    </message>
    <message>
        <source>|Δ| (log scale)</source>
        <translation>|Δ|（对数刻度）</translation>
    </message>
    <message>
        <source>Numerical − backprop</source>
        <translation>数值微分 − 误差反向传播法</translation>
    </message>
    <message>
        <source>numerical gradient</source>
        <translation>数值微分</translation>
    </message>
    <message>
        <source>backpropagation</source>
        <translation>误差反向传播法</translation>
    </message>
    <message>
        <source>gradients: max |Δ|</source>
        <translation>梯度：|Δ| 最大值</translation>
    </message>
    <message>
        <source>gradients: relative</source>
        <translation>梯度：相对差</translation>
    </message>
    <message>
        <source>weights after the step: max |Δ|</source>
        <translation>更新后的权重：|Δ| 最大值</translation>
    </message>
    <message>
        <source>Δ = numerical − backprop over all weights; relative = Σ|Δ| / Σ|numerical| (mean |Δ| / mean |numerical|, as on the Gradient check page)</source>
        <translation>Δ = 数值微分 − 误差反向传播法，对全部权重；相对差 = Σ|Δ| / Σ|数值微分|（即 |Δ| 平均 / |数值微分| 平均，与梯度确认页面相同）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Numerical gradient beside backprop&lt;/h3&gt;&lt;p&gt;Two copies of the net start from the same weights and take the same mini-batches. One gets ∂L/∂W from the numerical gradient of chapter 4:&lt;/p&gt;&lt;p&gt;∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h&lt;/p&gt;&lt;p&gt;— 2 loss evaluations for every weight. The other gets it from backpropagation (chapter 5): one forward and one backward pass for all the weights at once.&lt;/p&gt;&lt;p&gt;Both then step W ← W − η·∂L/∂W. The two gradients agree to about a millionth, so the two nets learn the same; what differs is the time each gradient takes.&lt;/p&gt;&lt;p&gt;A few iterations on a handful of images teach the net almost nothing: this run is about the gradient, not the accuracy (the Learning page of a backprop run shows that).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;数值微分与误差反向传播法并排比较&lt;/h3&gt;&lt;p&gt;网络的两个副本从相同的权重出发，使用相同的小批量。一个用第 4 章的数值微分求 ∂L/∂W：&lt;/p&gt;&lt;p&gt;∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h&lt;/p&gt;&lt;p&gt;—— 每个权重都要计算 2 次损失。另一个用误差反向传播法（第 5 章）求：一次正向传播加一次反向传播，就得到全部权重的梯度。&lt;/p&gt;&lt;p&gt;然后两者都按 W ← W − η·∂L/∂W 更新。两个梯度相差约百万分之一，所以两个网络学到的完全一样；不同的是每次求梯度所花的时间。&lt;/p&gt;&lt;p&gt;在寥寥几张图像上迭代几次，网络几乎学不到什么：这次训练要看的是梯度，而不是识别精度（识别精度请看误差反向传播法训练的学习页面）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>numerical %1</source>
        <translation>数值微分 %1</translation>
    </message>
    <message>
        <source>backprop %1</source>
        <translation>误差反向传播法 %1</translation>
    </message>
    <message>
        <source>The numerical gradient of iteration 1 takes 2 loss evaluations for each of the %1 weights; backprop gets the same gradient from one forward and one backward pass.</source>
        <translation>第 1 次迭代的数值微分要对 %1 个权重各计算 2 次损失；误差反向传播法只需一次正向传播和一次反向传播就得到同样的梯度。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The same gradient:&lt;/b&gt; numerical and backprop differ by at most %1 of its size (the central difference's error and the 1e-7 inside log(y + 1e-7)).</source>
        <translation>&lt;b&gt;梯度相同：&lt;/b&gt;数值微分与误差反向传播法最多相差梯度大小的 %1（来自中心差分的误差和 log(y + 1e-7) 中的 1e-7）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The same learning:&lt;/b&gt; the two loss curves lie on top of each other — the losses of the iterations so far differ by at most %1 of their value, the weights after the last step by %2.</source>
        <translation>&lt;b&gt;学习过程相同：&lt;/b&gt;两条损失曲线完全重合 —— 到目前为止各次迭代的损失最多相差其数值的 %1，最后一次更新后的权重最多相差 %2。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not the same time:&lt;/b&gt; numerical %1 per gradient, backprop %2 — %3× slower. The length of the book's run, 10,000 such iterations, would take %4 numerically and %5 with backprop: that is why chapter 5's backpropagation is used.</source>
        <translation>&lt;b&gt;用时不同：&lt;/b&gt;数值微分每次求梯度 %1，误差反向传播法 %2 —— 慢 %3 倍。按书中训练的长度迭代 10,000 次，数值微分需要 %4，误差反向传播法只需 %5：这就是要使用第 5 章的误差反向传播法的原因。</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>f(x0, x1) = %1</source>
        <translation>f(x0, x1) = %1</translation>
    </message>
    <message>
        <source>%1 of %2 is out of range.</source>
        <translation>%2 的 %1 超出范围。</translation>
    </message>
    <message>
        <source>Choose at least one optimizer to see a path.</source>
        <translation>请至少选择一种优化方法以显示路径。</translation>
    </message>
    <message>
        <source>Bowl (the book's function_2)</source>
        <translation>碗形（书中的 function_2）</translation>
    </message>
    <message>
        <source>Long valley (chapter 6)</source>
        <translation>狭长山谷（第 6 章）</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>Rosenbrock's banana</source>
        <translation>Rosenbrock 香蕉函数</translation>
    </message>
    <message>
        <source>Himmelblau (four minima)</source>
        <translation>Himmelblau（四个极小值）</translation>
    </message>
    <message>
        <source>The book's experiments (one click)</source>
        <translation>书中的实验（一键运行）</translation>
    </message>
    <message>
        <source>η = 0.1: converges</source>
        <translation>η = 0.1：收敛</translation>
    </message>
    <message>
        <source>f = x0² + x1² from (−3, 4), η = 0.1, 100 steps: ends near (−6.1e-10, 8.1e-10)</source>
        <translation>f = x0² + x1²，从 (−3, 4) 出发，η = 0.1，100 步：停在 (−6.1e-10, 8.1e-10) 附近</translation>
    </message>
    <message>
        <source>η = 0.1, 20 steps (book's figure)</source>
        <translation>η = 0.1，20 步（书中的图）</translation>
    </message>
    <message>
        <source>The book's trajectory plot: 20 steps end at (−0.0346, 0.0461)</source>
        <translation>书中的轨迹图：20 步后停在 (−0.0346, 0.0461)</translation>
    </message>
    <message>
        <source>η = 10: diverges</source>
        <translation>η = 10：发散</translation>
    </message>
    <message>
        <source>Too large a learning rate: every step overshoots and x runs off to about −2.6e13</source>
        <translation>学习率过大：每一步都越过了极小值，x 跑到约 −2.6e13</translation>
    </message>
    <message>
        <source>η = 1e-10: does not move</source>
        <translation>η = 1e-10：几乎不动</translation>
    </message>
    <message>
        <source>Too small a learning rate: after 100 steps x is still (−2.99999994, 3.99999992)</source>
        <translation>学习率过小：100 步之后 x 仍是 (−2.99999994, 3.99999992)</translation>
    </message>
    <message>
        <source>Chapter 6: five optimizers compared</source>
        <translation>第 6 章：比较五种优化方法</translation>
    </message>
    <message>
        <source>f = x²/20 + y² from (−7, 2), 30 steps, the book's learning rates: SGD zig-zags, the others do not</source>
        <translation>f = x²/20 + y²，从 (−7, 2) 出发，30 步，使用书中的学习率：SGD 呈之字形，其他方法不会</translation>
    </message>
    <message>
        <source>Sets everything up and plays it</source>
        <translation>设置好一切并开始播放</translation>
    </message>
    <message>
        <source>Function and start</source>
        <translation>函数与起点</translation>
    </message>
    <message>
        <source>Function f</source>
        <translation>函数 f</translation>
    </message>
    <message>
        <source>Start (x0, x1)</source>
        <translation>起点 (x0, x1)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>The function to descend, drawn as contour lines</source>
        <translation>要下降的函数，以等高线表示</translation>
    </message>
    <message>
        <source>Start x0 (or click on the map)</source>
        <translation>起点 x0（也可以在图上点击）</translation>
    </message>
    <message>
        <source>Start x1 (or click on the map)</source>
        <translation>起点 x1（也可以在图上点击）</translation>
    </message>
    <message>
        <source>How many updates x ← x − η∇f(x) to take (step_num)</source>
        <translation>执行多少次更新 x ← x − η∇f(x)（step_num）</translation>
    </message>
    <message>
        <source>numerical (central difference, h = 1e-4)</source>
        <translation>数值微分（中心差分，h = 1e-4）</translation>
    </message>
    <message>
        <source>analytic (the formula's derivative)</source>
        <translation>解析梯度（公式求导）</translation>
    </message>
    <message>
        <source>The book uses the numerical gradient; the analytic one gives the same path to about 1e-9</source>
        <translation>书中使用数值微分求梯度；解析梯度给出的路径相差约 1e-9</translation>
    </message>
    <message>
        <source>Learning rate η (gradient descent, SGD)</source>
        <translation>学习率 η（梯度下降法，SGD）</translation>
    </message>
    <message>
        <source>η on a logarithmic scale, from 1e-10 to 10</source>
        <translation>对数刻度的 η，从 1e-10 到 10</translation>
    </message>
    <message>
        <source>Type an exact η between 1e-10 and 10 (e.g. 0.1, 1e-3); ↑/↓ step 1-2-5</source>
        <translation>输入 1e-10 到 10 之间的精确 η（如 0.1、1e-3）；↑/↓ 按 1-2-5 调整</translation>
    </message>
    <message>
        <source>Optimizers (chapter 6)</source>
        <translation>优化方法（第 6 章）</translation>
    </message>
    <message>
        <source>η as above</source>
        <translation>η 同上</translation>
    </message>
    <message>
        <source>Plain gradient descent: W ← W − η∂L/∂W</source>
        <translation>普通的梯度下降法：W ← W − η∂L/∂W</translation>
    </message>
    <message>
        <source>v ← αv − η∂L/∂W;  W ← W + v (a ball rolling downhill)</source>
        <translation>v ← αv − η∂L/∂W;  W ← W + v（像小球滚下山坡）</translation>
    </message>
    <message>
        <source>h ← h + (∂L/∂W)²;  W ← W − η∂L/∂W / √h (each coordinate slows down)</source>
        <translation>h ← h + (∂L/∂W)²;  W ← W − η∂L/∂W / √h（每个坐标的步子逐渐变小）</translation>
    </message>
    <message>
        <source>h ← ρh + (1 − ρ)(∂L/∂W)²: AdaGrad that forgets old gradients</source>
        <translation>h ← ρh + (1 − ρ)(∂L/∂W)²：会逐渐遗忘过去梯度的 AdaGrad</translation>
    </message>
    <message>
        <source>Momentum and AdaGrad together, with bias correction (β1, β2)</source>
        <translation>融合 Momentum 与 AdaGrad，并带偏置校正（β1, β2）</translation>
    </message>
    <message>
        <source>Show this optimizer's path</source>
        <translation>显示该优化方法的路径</translation>
    </message>
    <message>
        <source>Learning rate η of %1</source>
        <translation>%1 的学习率 η</translation>
    </message>
    <message>
        <source>α: how much of the last step's velocity is kept</source>
        <translation>α：保留上一步速度的比例</translation>
    </message>
    <message>
        <source>ρ: how quickly old squared gradients are forgotten</source>
        <translation>ρ：遗忘过去梯度平方的快慢</translation>
    </message>
    <message>
        <source>β1: decay of the running mean of the gradient</source>
        <translation>β1：梯度滑动平均的衰减率</translation>
    </message>
    <message>
        <source>β2: decay of the running mean of the squared gradient</source>
        <translation>β2：梯度平方滑动平均的衰减率</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>its own (Adam: β1, β2)</source>
        <translation>各自的参数（Adam：β1、β2）</translation>
    </message>
</context>
<context>
    <name>CostPage</name>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>cost J</source>
        <translation>代价 J</translation>
    </message>
    <message>
        <source>Cost J(w, b) during gradient descent</source>
        <translation>梯度下降过程中的代价 J(w, b)</translation>
    </message>
    <message>
        <source>every iteration</source>
        <translation>每次迭代</translation>
    </message>
    <message>
        <source>recorded (printed)</source>
        <translation>记录（打印）的值</translation>
    </message>
    <message>
        <source>What the lessons print:</source>
        <translation>课程中打印的内容：</translation>
    </message>
    <message>
        <source>The recorded costs, in the lessons' format</source>
        <translation>记录下的代价，格式与课程相同</translation>
    </message>
    <message>
        <source>&lt;h3&gt;One neuron&lt;/h3&gt;&lt;p&gt;z = w·x + b&lt;br&gt;ŷ = σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)&lt;/p&gt;&lt;p&gt;&lt;b&gt;Loss&lt;/b&gt; of one picture:&lt;br&gt;L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cost&lt;/b&gt;: the mean over all m pictures&lt;br&gt;J(w, b) = (1/m) Σ L&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gradients&lt;/b&gt; (backward):&lt;br&gt;dz = ŷ − y&lt;br&gt;dw = (1/m) Xᵀ dz&lt;br&gt;db = (1/m) Σ dz&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gradient descent&lt;/b&gt;, all 209 pictures at every step:&lt;br&gt;w ← w − η·dw&lt;br&gt;b ← b − η·db&lt;/p&gt;&lt;p&gt;Starting from w = 0, ŷ = 0.5 for every picture and J = log 2 = 0.693147.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;一个神经元&lt;/h3&gt;&lt;p&gt;z = w·x + b&lt;br&gt;ŷ = σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)&lt;/p&gt;&lt;p&gt;一张图片的&lt;b&gt;损失&lt;/b&gt;：&lt;br&gt;L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))&lt;/p&gt;&lt;p&gt;&lt;b&gt;代价&lt;/b&gt;：全部 m 张图片的损失的平均值&lt;br&gt;J(w, b) = (1/m) Σ L&lt;/p&gt;&lt;p&gt;&lt;b&gt;梯度&lt;/b&gt;（反向）：&lt;br&gt;dz = ŷ − y&lt;br&gt;dw = (1/m) Xᵀ dz&lt;br&gt;db = (1/m) Σ dz&lt;/p&gt;&lt;p&gt;&lt;b&gt;梯度下降法&lt;/b&gt;，每一步都使用全部 209 张图片：&lt;br&gt;w ← w − η·dw&lt;br&gt;b ← b − η·db&lt;/p&gt;&lt;p&gt;从 w = 0 开始时，每张图片的 ŷ = 0.5，J = log 2 = 0.693147。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why the thin line zig-zags&lt;/b&gt; for the first few hundred iterations while the printed costs fall smoothly: with η = 0.005 a step along the steepest direction of w goes past the bottom of the valley, the next one comes back — the cost of odd iterations is higher than that of even ones (0.585 at 100, 0.641 at 101). The printed costs, every 100th iteration, all land on the low side. The swing dies down as the steep direction is fitted; a smaller η (Learning rates page) has none, and learns more slowly.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;为什么细线在前几百次迭代里呈锯齿状&lt;/b&gt;，而打印出来的代价却平稳下降：η = 0.005 时，沿 w 最陡方向的一步会越过山谷的谷底，下一步又折回来 —— 奇数次迭代的代价比偶数次高（第 100 次 0.585，第 101 次 0.641）。每 100 次打印一次的代价都落在较低的一侧。随着最陡的方向被拟合，摆动逐渐消失；更小的 η（学习率页面）没有这种摆动，但学得更慢。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cost after iteration %1: %2</source>
        <translation>迭代 %1 次后的代价：%2</translation>
    </message>
</context>
<context>
    <name>DataBox</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Choose the folder that holds train_catvnoncat.h5 and test_catvnoncat.h5 (remembered for next time)</source>
        <translation>选择存放 train_catvnoncat.h5 和 test_catvnoncat.h5 的文件夹（下次会自动记住）</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message>
        <source>Cannot use this folder: %1</source>
        <translation>无法使用此文件夹：%1</translation>
    </message>
    <message>
        <source>Needs train_catvnoncat.h5 and test_catvnoncat.h5.</source>
        <translation>需要 train_catvnoncat.h5 和 test_catvnoncat.h5。</translation>
    </message>
    <message>
        <source>Training: %1 pictures, %2 cats</source>
        <translation>训练集：%1 张图片，其中 %2 张是猫</translation>
    </message>
    <message>
        <source>Test: %1 pictures, %2 cats</source>
        <translation>测试集：%1 张图片，其中 %2 张是猫</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>尚未选择文件夹。</translation>
    </message>
    <message>
        <source>Get MNIST…</source>
        <translation>获取 MNIST…</translation>
    </message>
    <message>
        <source>Download MNIST or import a copy you already have</source>
        <translation>下载 MNIST，或导入已有的副本</translation>
    </message>
    <message>
        <source>MNIST: %1 training images, %2 test images.</source>
        <translation>MNIST：%1 张训练图像，%2 张测试图像。</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST…</translation>
    </message>
    <message>
        <source>Cannot read MNIST: %1</source>
        <translation>无法读取 MNIST：%1</translation>
    </message>
    <message>
        <source>MNIST is not here yet.</source>
        <translation>还没有 MNIST。</translation>
    </message>
    <message>
        <source>The data dialog is not available in this build.</source>
        <translation>此版本中没有数据对话框。</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <source>MNIST data</source>
        <translation>MNIST 数据</translation>
    </message>
    <message>
        <source>The MNIST handwritten digits: 60,000 training images and 10,000 test images of 28×28 pixels with their labels 0–9, in four files (about 11.6 MB). The Training tab needs them once; they stay in your data folder.</source>
        <translation>MNIST 手写数字数据集：60,000 张训练图像和 10,000 张测试图像，每张 28×28 像素，带有标签 0–9，共四个文件（约 11.6 MB）。“训练”标签页需要它们，只需准备一次；它们会保存在你的数据文件夹里。</translation>
    </message>
    <message>
        <source>The result of the last action</source>
        <translation>上一次操作的结果</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this window (a running download is cancelled)</source>
        <translation>关闭此窗口（正在进行的下载会被取消）</translation>
    </message>
    <message>
        <source>Checking %1 …</source>
        <translation>正在检查 %1 …</translation>
    </message>
    <message>
        <source>Downloading into %1 …</source>
        <translation>正在下载到 %1 …</translation>
    </message>
    <message>
        <source>Downloaded and verified the four files in %1.</source>
        <translation>四个文件已下载到 %1 并通过校验。</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
    <message>
        <source>Download failed: %1
You can also get the four files another way (a web browser, another computer) and add them with Import folder… below, or use Import file… with the book's mnist.pkl or Keras's mnist.npz.</source>
        <translation>下载失败：%1
你也可以用别的方式（网页浏览器、另一台电脑）取得这四个文件，再用下方的“导入文件夹…”添加；或者用“导入文件…”导入书中的 mnist.pkl 或 Keras 的 mnist.npz。</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>正在取消 …</translation>
    </message>
    <message>
        <source>Download cancelled: no half-written file was kept.</source>
        <translation>下载已取消：没有保留任何写了一半的文件。</translation>
    </message>
    <message>
        <source>Checking and copying %1 …</source>
        <translation>正在检查并复制 %1 …</translation>
    </message>
    <message>
        <source>Imported %1 into %2.</source>
        <translation>已将 %1 导入到 %2。</translation>
    </message>
    <message>
        <source>Cannot import this copy: %1</source>
        <translation>无法导入这个副本：%1</translation>
    </message>
    <message>
        <source>Using the copy at %1 (%2 training and %3 test images).</source>
        <translation>正在使用位于 %1 的副本（%2 张训练图像和 %3 张测试图像）。</translation>
    </message>
    <message>
        <source>Cannot use this copy: %1</source>
        <translation>无法使用这个副本：%1</translation>
    </message>
    <message>
        <source>The check found a problem: %1</source>
        <translation>检查发现问题：%1</translation>
    </message>
    <message>
        <source>Cannot open %1 in the file manager.</source>
        <translation>无法在文件管理器中打开 %1。</translation>
    </message>
    <message>
        <source>Folder with the four MNIST IDX files</source>
        <translation>包含四个 MNIST IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>The book's mnist.pkl or Keras's mnist.npz</source>
        <translation>书中的 mnist.pkl 或 Keras 的 mnist.npz</translation>
    </message>
    <message>
        <source>MNIST arrays (*.pkl *.npz)</source>
        <translation>MNIST 数组 (*.pkl *.npz)</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>This experiment needs the cat / non-cat data set</source>
        <translation>本实验需要猫 / 非猫数据集</translation>
    </message>
    <message>
        <source>&lt;p&gt;Open the folder that holds the lessons' two files:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;train_catvnoncat.h5&lt;/b&gt; — 209 training pictures (72 cats)&lt;/li&gt;&lt;li&gt;&lt;b&gt;test_catvnoncat.h5&lt;/b&gt; — 50 test pictures (33 cats)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Learners usually have them in the &lt;b&gt;datasets/&lt;/b&gt; folder beside the lessons' notebooks (the folder that &lt;code&gt;load_dataset()&lt;/code&gt; reads: datasets/train_catvnoncat.h5). Click &lt;i&gt;Open folder…&lt;/i&gt; and choose that folder; the app remembers it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;请打开存放课程中这两个文件的文件夹：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;train_catvnoncat.h5&lt;/b&gt; — 209 张训练图片（其中 72 张是猫）&lt;/li&gt;&lt;li&gt;&lt;b&gt;test_catvnoncat.h5&lt;/b&gt; — 50 张测试图片（其中 33 张是猫）&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;它们通常位于课程笔记本旁边的 &lt;b&gt;datasets/&lt;/b&gt; 文件夹中（即 &lt;code&gt;load_dataset()&lt;/code&gt; 读取的文件夹：datasets/train_catvnoncat.h5）。点击&lt;i&gt;打开文件夹…&lt;/i&gt;并选择该文件夹，程序会记住它。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Choose the folder that holds train_catvnoncat.h5 and test_catvnoncat.h5 (remembered for next time)</source>
        <translation>选择存放 train_catvnoncat.h5 和 test_catvnoncat.h5 的文件夹（下次会自动记住）</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Show the 209 training pictures with their labels</source>
        <translation>显示 209 张训练图片及其标签</translation>
    </message>
    <message>
        <source>Show the 50 test pictures with their labels</source>
        <translation>显示 50 张测试图片及其标签</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The data&lt;/h3&gt;&lt;p&gt;Each picture is 64×64 pixels with 3 colour values: 12,288 numbers. Logistic regression sees them as one long vector x, flattened and divided by 255:&lt;/p&gt;&lt;p&gt;&lt;code&gt;X = images.reshape(m, −1) / 255&lt;/code&gt;&lt;/p&gt;&lt;p&gt;The label y is 1 for a cat and 0 for anything else.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;数据&lt;/h3&gt;&lt;p&gt;每张图片有 64×64 个像素，每个像素有 3 个颜色值，共 12,288 个数。逻辑回归把它们展平并除以 255，看作一个长向量 x：&lt;/p&gt;&lt;p&gt;&lt;code&gt;X = images.reshape(m, −1) / 255&lt;/code&gt;&lt;/p&gt;&lt;p&gt;标签 y 为 1 表示猫，为 0 表示其他任何东西。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Test picture %1: %2</source>
        <translation>测试图片 %1：%2</translation>
    </message>
    <message>
        <source>Training picture %1: %2</source>
        <translation>训练图片 %1：%2</translation>
    </message>
</context>
<context>
    <name>DerivativesTab</name>
    <message>
        <source>Derivatives</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Slope at a point</source>
        <translation>某一点的斜率</translation>
    </message>
    <message>
        <source>Error against h</source>
        <translation>误差与 h</translation>
    </message>
    <message>
        <source>Partial derivatives</source>
        <translation>偏导数</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
</context>
<context>
    <name>DescentTab</name>
    <message>
        <source>Descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>f(x0, x1): a point on a surface</source>
        <translation>f(x0, x1)：曲面上的一个点</translation>
    </message>
    <message>
        <source>simpleNet: a net's 6 weights</source>
        <translation>simpleNet：神经网络的 6 个权重</translation>
    </message>
    <message>
        <source>x ← x − η∇f(x) on a function of two coordinates</source>
        <translation>在两个坐标的函数上执行 x ← x − η∇f(x)</translation>
    </message>
    <message>
        <source>The same rule, W ← W − η∂L/∂W, on the weights of the book's simpleNet (§4.4.2)</source>
        <translation>同一条规则 W ← W − η∂L/∂W，作用于书中 simpleNet（4.4.2 节）的权重</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gradient descent&lt;/h3&gt;&lt;p&gt;Start somewhere and repeat&lt;br&gt;&lt;b&gt;x ← x − η ∇f(x)&lt;/b&gt;&lt;br&gt;The gradient ∇f points uphill, where f grows fastest; a step against it goes downhill. The learning rate η says how far.&lt;/p&gt;&lt;p&gt;The book's experiments on f = x0² + x1² from (−3, 4), 100 steps:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;η = 0.1 reaches (−6.1e-10, 8.1e-10): the minimum.&lt;/li&gt;&lt;li&gt;η = 10 diverges: each step overshoots and lands farther away.&lt;/li&gt;&lt;li&gt;η = 1e-10 hardly moves: 100 steps of almost nothing.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;η is a &lt;b&gt;hyperparameter&lt;/b&gt;: set by hand, not learned.&lt;/p&gt;&lt;h3&gt;Beyond SGD (chapter 6)&lt;/h3&gt;&lt;p&gt;On f = x²/20 + y² the gradient points mostly along y, so SGD zig-zags across the valley. &lt;b&gt;Momentum&lt;/b&gt; keeps a velocity (v ← αv − η∇f), &lt;b&gt;AdaGrad&lt;/b&gt; shrinks each coordinate's step by its past gradients (h ← h + ∇f²), &lt;b&gt;RMSprop&lt;/b&gt; lets that memory fade (ρ), and &lt;b&gt;Adam&lt;/b&gt; combines the two.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys&lt;/b&gt; (when the tab has focus): Space play / pause, → one step, R reset. Click on the map to choose the start.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度下降法&lt;/h3&gt;&lt;p&gt;从某处出发，反复执行&lt;br&gt;&lt;b&gt;x ← x − η ∇f(x)&lt;/b&gt;&lt;br&gt;梯度 ∇f 指向上坡，即 f 增长最快的方向；逆着它走一步就是下坡。学习率 η 决定走多远。&lt;/p&gt;&lt;p&gt;书中的实验：f = x0² + x1²，从 (−3, 4) 出发，100 步：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;η = 0.1 到达 (−6.1e-10, 8.1e-10)：极小值。&lt;/li&gt;&lt;li&gt;η = 10 发散：每一步都越过极小值，落得更远。&lt;/li&gt;&lt;li&gt;η = 1e-10 几乎不动：100 步几乎什么都没做。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;η 是&lt;b&gt;超参数&lt;/b&gt;：由人工设定，而不是学习得到的。&lt;/p&gt;&lt;h3&gt;SGD 之外（第 6 章）&lt;/h3&gt;&lt;p&gt;在 f = x²/20 + y² 上，梯度主要指向 y 方向，所以 SGD 在山谷两侧之字形来回。&lt;b&gt;Momentum&lt;/b&gt; 保留一个速度（v ← αv − η∇f），&lt;b&gt;AdaGrad&lt;/b&gt; 按各坐标过去的梯度缩小其步长（h ← h + ∇f²），&lt;b&gt;RMSprop&lt;/b&gt; 让这份记忆逐渐淡去（ρ），&lt;b&gt;Adam&lt;/b&gt; 则融合了两者。&lt;/p&gt;&lt;p&gt;&lt;b&gt;按键&lt;/b&gt;（本页有焦点时）：空格 播放 / 暂停，→ 单步，R 重置。在图上点击可选择起点。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DownloadBox</name>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Fetches the four standard files from the usual public mirrors, one after the other until one works, and checks each against its published MD5. A file only takes its real name once it is complete and correct.</source>
        <translation>从常用的公共镜像依次下载四个标准文件，直到某个镜像可用为止，并用公布的 MD5 校验每个文件。文件只有在完整且正确之后才会以正式文件名保存。</translation>
    </message>
    <message>
        <source>Download the four MNIST files into the MNIST folder (files already there and correct are kept)</source>
        <translation>把四个 MNIST 文件下载到 MNIST 文件夹（已存在且正确的文件会保留）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the download; the unfinished file is deleted</source>
        <translation>停止下载；未完成的文件会被删除</translation>
    </message>
    <message>
        <source>Bytes received of all four files, download rate and time left</source>
        <translation>四个文件已接收的字节数、下载速度和剩余时间</translation>
    </message>
    <message>
        <source>What the download is doing, and mirrors that failed</source>
        <translation>下载的进展，以及失败的镜像</translation>
    </message>
    <message>
        <source>Each file, the mirror it comes from and its MD5 check will be listed here.</source>
        <translation>这里会列出每个文件、它来自哪个镜像以及它的 MD5 校验结果。</translation>
    </message>
    <message>
        <source>%1 downloaded and verified</source>
        <translation>已下载 %1 并通过校验</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 来自 %2</translation>
    </message>
    <message>
        <source>%1 is already here and correct: kept</source>
        <translation>%1 已存在且正确：保留</translation>
    </message>
    <message>
        <source>%1: MD5 verified</source>
        <translation>%1：MD5 校验通过</translation>
    </message>
    <message>
        <source>%1 failed: %2 — trying the next mirror</source>
        <translation>%1 失败：%2 — 正在尝试下一个镜像</translation>
    </message>
</context>
<context>
    <name>DrawControls</name>
    <message>
        <source>Pen</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Stroke width</source>
        <translation>笔画粗细</translation>
    </message>
    <message>
        <source>Width of the next strokes, in pixels of a 280 × 280 canvas</source>
        <translation>之后笔画的粗细，以 280 × 280 画布上的像素计</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Remove the last stroke (Ctrl+Z)</source>
        <translation>删除最后一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every stroke and start again</source>
        <translation>删除所有笔画，重新开始</translation>
    </message>
    <message>
        <source>Show box and centre of mass</source>
        <translation>显示边界框和质心</translation>
    </message>
    <message>
        <source>Outline the ink's bounding box (orange) and mark its centre of mass (blue) on the canvas and in the 28 × 28 input</source>
        <translation>在画布上和 28 × 28 输入中框出笔迹的边界框（橙色）并标出其质心（蓝色）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The network that answers: the bundled one, or one trained or loaded in the Training tab</source>
        <translation>用来识别的神经网络：自带的模型，或在“训练”标签页中训练或载入的模型</translation>
    </message>
    <message>
        <source>Bundled model</source>
        <translation>自带模型</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>The bundled model could not be loaded (%1). Drawing still works, but there is nothing to predict with: train or load a model in the Training tab.</source>
        <translation>无法载入自带模型（%1）。仍然可以书写，但没有模型可用于识别：请在“训练”标签页中训练或载入一个模型。</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1-%2-%3 net, %4</source>
        <translation>%1-%2-%3 网络，%4</translation>
    </message>
    <message>
        <source>test accuracy %1 %</source>
        <translation>测试数据识别精度 %1 %</translation>
    </message>
    <message>
        <source>trained by %1 (seed %2)</source>
        <translation>由 %1 训练（随机种子 %2）</translation>
    </message>
</context>
<context>
    <name>DrawResults</name>
    <message>
        <source>What the net sees: 28 × 28 pixels</source>
        <translation>神经网络看到的：28 × 28 像素</translation>
    </message>
    <message>
        <source>The drawing after MNIST's preparation: fitted into the 20 × 20 box (orange), its centre of mass on pixel (14, 14) (blue). These 784 numbers are the net's input.</source>
        <translation>经过 MNIST 预处理后的手写图：缩放到 20 × 20 的框内（橙色），质心位于像素 (14, 14)（蓝色）。这 784 个数就是神经网络的输入。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>digit k</source>
        <translation>数字 k</translation>
    </message>
    <message>
        <source>probability y_k (softmax output)</source>
        <translation>概率 y_k（softmax 输出）</translation>
    </message>
    <message>
        <source>The net's 10 outputs</source>
        <translation>神经网络的 10 个输出</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>请写一个数字</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>probability %1 %</source>
        <translation>概率 %1 %</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Draw</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Draw a digit 0–9 here with the mouse, a pen or a finger</source>
        <translation>在这里用鼠标、手写笔或手指写一个数字 0–9</translation>
    </message>
    <message>
        <source>Hold the left button and draw; the answer updates while you draw</source>
        <translation>按住左键书写；书写过程中识别结果实时更新</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Drawing a digit for the net&lt;/h3&gt;&lt;p&gt;The net learnt from MNIST, and every MNIST digit was prepared the same way. Your drawing gets exactly that preparation before the net sees it:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;take the &lt;b&gt;bounding box&lt;/b&gt; of the ink;&lt;/li&gt;&lt;li&gt;scale it to fit a &lt;b&gt;20 × 20&lt;/b&gt; box, keeping its aspect ratio; averaging the covered area makes the edges grey (anti-aliasing);&lt;/li&gt;&lt;li&gt;put it in a &lt;b&gt;28 × 28&lt;/b&gt; frame so that its &lt;b&gt;centre of mass&lt;/b&gt; Σ p·(r, c) / Σ p lands on the frame's centre, pixel (14, 14).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;So it does not matter where or how big you draw: only the shape counts. The 784 grey values (0 black … 1 white) are the input x.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; turns the net's 10 scores a&lt;sub&gt;k&lt;/sub&gt; into probabilities:&lt;br&gt;y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt;)&lt;br&gt;They are positive and add up to 1; the largest one is the answer (argmax).&lt;/p&gt;&lt;p&gt;Try a very thin or very thick stroke, a digit squeezed flat, or a 1 with a serif, and watch the bars: the net is only as good as the resemblance to what it learnt.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;为神经网络手写数字&lt;/h3&gt;&lt;p&gt;神经网络是用 MNIST 学习的，而 MNIST 的每个数字都经过同样的预处理。你的手写图在送入神经网络之前，也会经过完全相同的预处理：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;取笔迹的&lt;b&gt;边界框&lt;/b&gt;；&lt;/li&gt;&lt;li&gt;保持宽高比，将其缩放到 &lt;b&gt;20 × 20&lt;/b&gt; 的框内；按覆盖面积求平均，使边缘呈灰色（抗锯齿）；&lt;/li&gt;&lt;li&gt;将其放入 &lt;b&gt;28 × 28&lt;/b&gt; 的画面，使其&lt;b&gt;质心&lt;/b&gt; Σ p·(r, c) / Σ p 落在画面中心，即像素 (14, 14)。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;所以写在哪里、写多大都没有关系：只有形状才重要。这 784 个灰度值（0 黑 … 1 白）就是输入 x。&lt;/p&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; 把神经网络的 10 个得分 a&lt;sub&gt;k&lt;/sub&gt; 变成概率：&lt;br&gt;y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt;)&lt;br&gt;它们都是正数，总和为 1；最大的那个就是识别结果（argmax）。&lt;/p&gt;&lt;p&gt;试试很细或很粗的笔画、压扁的数字，或带衬线的 1，看看柱状图的变化：神经网络的表现取决于输入与它学过的数据有多相似。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inside the net&lt;/h3&gt;&lt;p&gt;Below the drawing, the forward pass in the lessons' notation: a&lt;sup&gt;[0]&lt;/sup&gt; = x (784 pixels), z&lt;sup&gt;[1]&lt;/sup&gt; = a&lt;sup&gt;[0]&lt;/sup&gt;·W1 + b1, a&lt;sup&gt;[1]&lt;/sup&gt; = h(z&lt;sup&gt;[1]&lt;/sup&gt;) (the strip of hidden units), z&lt;sup&gt;[2]&lt;/sup&gt; = a&lt;sup&gt;[1]&lt;/sup&gt;·W2 + b2 (the 10 scores), y = softmax(z&lt;sup&gt;[2]&lt;/sup&gt;). Each layer is a weighted sum, then an activation.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why k?&lt;/b&gt; z&lt;sup&gt;[2]&lt;/sup&gt;&lt;sub&gt;k&lt;/sub&gt; = Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sup&gt;[1]&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;·W2[j, k] + b2&lt;sub&gt;k&lt;/sub&gt;: hidden unit j adds a&lt;sup&gt;[1]&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;·W2[j, k]. The tiles show the units that add most, with their weight pictures (column j of W1: the pattern the unit responds to). With the other units and the bias they sum exactly to the score.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Which pixels?&lt;/b&gt; In a ReLU net the active units (m&lt;sub&gt;j&lt;/sub&gt; = 1) pass their input on unchanged, so the score is exactly a sum over the pixels: z&lt;sup&gt;[2]&lt;/sup&gt;&lt;sub&gt;k&lt;/sub&gt; = Σ&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;·Σ&lt;sub&gt;j&lt;/sub&gt; m&lt;sub&gt;j&lt;/sub&gt;·W1[i, j]·W2[j, k] + the bias part. Red pixels push toward k, blue ones away. For a sigmoid net the map is gradient × input, an approximation. The map k − k′ shows why k and not k′.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Test a guess:&lt;/b&gt; click a hidden unit to switch it off (a&lt;sup&gt;[1]&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt; = 0) and watch the scores, the answer and the evidence; click it again to switch it on. The weights themselves are never changed.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;网络内部&lt;/h3&gt;&lt;p&gt;画板下方是按课程记号写出的前向传播：a&lt;sup&gt;[0]&lt;/sup&gt; = x（784 个像素），z&lt;sup&gt;[1]&lt;/sup&gt; = a&lt;sup&gt;[0]&lt;/sup&gt;·W1 + b1，a&lt;sup&gt;[1]&lt;/sup&gt; = h(z&lt;sup&gt;[1]&lt;/sup&gt;)（那一排隐藏单元），z&lt;sup&gt;[2]&lt;/sup&gt; = a&lt;sup&gt;[1]&lt;/sup&gt;·W2 + b2（10 个得分），y = softmax(z&lt;sup&gt;[2]&lt;/sup&gt;)。每一层都是先加权求和，再经过激活函数。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么是 k？&lt;/b&gt; z&lt;sup&gt;[2]&lt;/sup&gt;&lt;sub&gt;k&lt;/sub&gt; = Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sup&gt;[1]&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;·W2[j, k] + b2&lt;sub&gt;k&lt;/sub&gt;：隐藏单元 j 贡献 a&lt;sup&gt;[1]&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;·W2[j, k]。小图显示贡献最大的单元及其权重图（W1 的第 j 列：该单元所响应的图案）。它们与其余单元、偏置相加，恰好等于得分。&lt;/p&gt;&lt;p&gt;&lt;b&gt;哪些像素？&lt;/b&gt; 在 ReLU 网络中，激活的单元（m&lt;sub&gt;j&lt;/sub&gt; = 1）原样传递输入，所以得分恰好是各像素之和：z&lt;sup&gt;[2]&lt;/sup&gt;&lt;sub&gt;k&lt;/sub&gt; = Σ&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt;·Σ&lt;sub&gt;j&lt;/sub&gt; m&lt;sub&gt;j&lt;/sub&gt;·W1[i, j]·W2[j, k] + 偏置部分。红色像素推向 k，蓝色像素推离 k。对 sigmoid 网络，这张图是梯度 × 输入，只是近似。k − k′ 图说明为什么是 k 而不是 k′。&lt;/p&gt;&lt;p&gt;&lt;b&gt;检验你的猜想：&lt;/b&gt;单击一个隐藏单元可将其关闭（a&lt;sup&gt;[1]&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt; = 0），观察得分、答案和证据的变化；再次单击即可重新打开。权重本身从不改变。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This model cannot read a 28 × 28 digit: %1</source>
        <translation>该模型无法读取 28 × 28 的数字：%1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Details of the error</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Gradient Lab met an unexpected error: %1

The app keeps running, but what you were doing may not have finished. The details are written to the log file %2. To report the problem, press Copy details and paste them into the report.</source>
        <translation>梯度实验室遇到了一个意外错误：%1

程序仍在运行，但你刚才进行的操作可能没有完成。详细信息已写入日志文件 %2。要报告这个问题，请按“复制详细信息”，再把它粘贴到报告中。</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>（没有日志文件）</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ErrorPage</name>
    <message>
        <source>x0 + h == x0 is %1 (x0 + h = %2), so f(x0 + h) − f(x0) = 0.
Forward difference: %3
Central difference: %4</source>
        <translation>x0 + h == x0 为 %1（x0 + h = %2），所以 f(x0 + h) − f(x0) = 0。
前向差分：%3
中心差分：%4</translation>
    </message>
    <message>
        <source>f(x) = %1 at x0 = %2</source>
        <translation>f(x) = %1，x0 = %2</translation>
    </message>
    <message>
        <source>The exact derivative of a typed function is not known,
so its error cannot be measured. Choose a function from the list.</source>
        <translation>自己输入的函数没有已知的精确导数，
所以无法测量误差。请从列表中选择一个函数。</translation>
    </message>
    <message>
        <source>Error of the numerical derivative</source>
        <translation>数值微分的误差</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>The function whose numerical derivative is measured (the same as on the first page)</source>
        <translation>要测量其数值微分误差的函数（与第一页相同）</translation>
    </message>
    <message>
        <source>Forward difference</source>
        <translation>前向差分</translation>
    </message>
    <message>
        <source>Central difference</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>Show |forward difference − exact| for each h</source>
        <translation>显示每个 h 的 |前向差分 − 精确值|</translation>
    </message>
    <message>
        <source>Show |central difference − exact| for each h</source>
        <translation>显示每个 h 的 |中心差分 − 精确值|</translation>
    </message>
    <message>
        <source>Point x0</source>
        <translation>点 x0</translation>
    </message>
    <message>
        <source>The same point as on the first page</source>
        <translation>与第一页相同的点</translation>
    </message>
    <message>
        <source>Which h is best?</source>
        <translation>哪个 h 最好？</translation>
    </message>
    <message>
        <source>Best h, forward</source>
        <translation>最佳 h（前向）</translation>
    </message>
    <message>
        <source>Best h, central</source>
        <translation>最佳 h（中心）</translation>
    </message>
    <message>
        <source>Error at h = 1e-4, forward</source>
        <translation>h = 1e-4 时的误差（前向）</translation>
    </message>
    <message>
        <source>Error at h = 1e-4, central</source>
        <translation>h = 1e-4 时的误差（中心）</translation>
    </message>
    <message>
        <source>Too small an h</source>
        <translation>h 太小</translation>
    </message>
    <message>
        <source>Try h = 1e-50</source>
        <translation>试试 h = 1e-50</translation>
    </message>
    <message>
        <source>The book's warning: compute the slope with h = 1e-50</source>
        <translation>书中的警告：用 h = 1e-50 计算斜率</translation>
    </message>
    <message>
        <source>step h (log scale, smaller to the right)</source>
        <translation>微小变化 h（对数刻度，越往右越小）</translation>
    </message>
    <message>
        <source>|numerical − exact| (log scale)</source>
        <translation>|数值 − 精确值|（对数刻度）</translation>
    </message>
    <message>
        <source>Error against h</source>
        <translation>误差与 h</translation>
    </message>
    <message>
        <source>book: h = 1e-4</source>
        <translation>书中：h = 1e-4</translation>
    </message>
    <message>
        <source>forward difference</source>
        <translation>前向差分</translation>
    </message>
    <message>
        <source>central difference</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Why h = 10&lt;sup&gt;−4&lt;/sup&gt;?&lt;/h3&gt;&lt;p&gt;Two errors pull in opposite directions.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Truncation error&lt;/b&gt; (left side): the difference quotient is only an approximation of the slope. It shrinks with h: like h for the forward difference, like h² for the central one (one decade of h gives one decade of error, or two).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rounding error&lt;/b&gt; (right side): f(x + h) and f(x) agree in almost all their 16 digits, so their difference keeps only a few correct ones, and dividing by a tiny h magnifies what is left. It grows like ε/h, ε ≈ 2.2·10&lt;sup&gt;−16&lt;/sup&gt;.&lt;/p&gt;&lt;p&gt;The best h sits where the two meet: for sin x at x0 = 1 near 10&lt;sup&gt;−8&lt;/sup&gt; for the forward difference and 10&lt;sup&gt;−5&lt;/sup&gt; for the central one. The book's 10&lt;sup&gt;−4&lt;/sup&gt; is close to that and safe for most functions.&lt;/p&gt;&lt;p&gt;The book's 0.01x² + 0.1x is special: for a quadratic the central difference has no truncation error at all, so only rounding error is left. Pick sin x to see both sides.&lt;/p&gt;&lt;p&gt;&lt;b&gt;h = 10&lt;sup&gt;−50&lt;/sup&gt;&lt;/b&gt;: 5 + 10&lt;sup&gt;−50&lt;/sup&gt; rounds to 5 in float64, so f(x + h) − f(x) is exactly 0 and so is the “derivative”. np.float32(1e-50) is even 0 itself.&lt;/p&gt;&lt;p&gt;An error of exactly 0 is drawn at 10&lt;sup&gt;−18&lt;/sup&gt;, the floor of the plot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;为什么 h = 10&lt;sup&gt;−4&lt;/sup&gt;？&lt;/h3&gt;&lt;p&gt;两种误差朝相反的方向变化。&lt;/p&gt;&lt;p&gt;&lt;b&gt;截断误差&lt;/b&gt;（左侧）：差分只是斜率的近似。它随 h 减小：前向差分按 h 减小，中心差分按 h² 减小（h 每小一个数量级，误差小一个或两个数量级）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;舍入误差&lt;/b&gt;（右侧）：f(x + h) 和 f(x) 的 16 位有效数字几乎全部相同，相减后只剩下几位正确的数字，再除以很小的 h 又把剩下的误差放大。它按 ε/h 增长，ε ≈ 2.2·10&lt;sup&gt;−16&lt;/sup&gt;。&lt;/p&gt;&lt;p&gt;最佳的 h 在两者相遇处：对 x0 = 1 处的 sin x，前向差分约为 10&lt;sup&gt;−8&lt;/sup&gt;，中心差分约为 10&lt;sup&gt;−5&lt;/sup&gt;。书中的 10&lt;sup&gt;−4&lt;/sup&gt; 与之接近，并且对大多数函数都安全。&lt;/p&gt;&lt;p&gt;书中的 0.01x² + 0.1x 比较特殊：对二次函数，中心差分完全没有截断误差，只剩下舍入误差。选择 sin x 可以看到两侧。&lt;/p&gt;&lt;p&gt;&lt;b&gt;h = 10&lt;sup&gt;−50&lt;/sup&gt;&lt;/b&gt;：在 float64 中 5 + 10&lt;sup&gt;−50&lt;/sup&gt; 舍入为 5，所以 f(x + h) − f(x) 恰好为 0，“导数”也是 0。np.float32(1e-50) 本身就是 0。&lt;/p&gt;&lt;p&gt;恰好为 0 的误差画在图的底部 10&lt;sup&gt;−18&lt;/sup&gt; 处。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ExprMessages</name>
    <message>
        <source>unexpected character '%1'</source>
        <translation>无法识别的字符 '%1'</translation>
    </message>
    <message>
        <source>missing operator before '%1' (write 2*x, not 2x)</source>
        <translation>'%1' 前缺少运算符（请写 2*x，而不是 2x）</translation>
    </message>
    <message>
        <source>expected '%1' but found '%2'</source>
        <translation>这里应为 '%1'，实际是 '%2'</translation>
    </message>
    <message>
        <source>expected '%1' but the text ends</source>
        <translation>这里应为 '%1'，但文本已经结束</translation>
    </message>
    <message>
        <source>unexpected '%1'</source>
        <translation>意外的 '%1'</translation>
    </message>
    <message>
        <source>the expression ends too early</source>
        <translation>表达式提前结束了</translation>
    </message>
    <message>
        <source>%1 needs parentheses, e.g. %1(x)</source>
        <translation>%1 需要括号，例如 %1(x)</translation>
    </message>
    <message>
        <source>unknown name '%1' (allowed: %2)</source>
        <translation>未知的名称 '%1'（可用：%2）</translation>
    </message>
    <message>
        <source>unknown function '%1' (allowed: %2)</source>
        <translation>未知的函数 '%1'（可用：%2）</translation>
    </message>
    <message>
        <source>%1 takes %2 argument(s), not %3</source>
        <translation>%1 需要 %2 个参数，而不是 %3 个</translation>
    </message>
    <message>
        <source>empty expression: type a function</source>
        <translation>表达式为空：请输入一个函数</translation>
    </message>
    <message>
        <source>the expression is too long (more than %1 characters)</source>
        <translation>表达式太长（超过 %1 个字符）</translation>
    </message>
    <message>
        <source>too deeply nested (more than %1 levels)</source>
        <translation>嵌套太深（超过 %1 层）</translation>
    </message>
    <message>
        <source>the expression must be text</source>
        <translation>表达式必须是文本</translation>
    </message>
    <message>
        <source>%1 is not a finite number anywhere in view (%2 ≤ x ≤ %3): it gives only inf or nan there, e.g. 1/0 or log(-1)</source>
        <translation>%1 在视图范围内（%2 ≤ x ≤ %3）处处都不是有限的数：它在这里只给出 inf 或 nan，例如 1/0 或 log(-1)</translation>
    </message>
    <message>
        <source>%1 at column %2</source>
        <translation>%1（第 %2 列）</translation>
    </message>
    <message>
        <source>At most %1 characters: the rest was left out. Shorten the function.</source>
        <translation>最多 %1 个字符：多出的部分已被舍去。请缩短函数。</translation>
    </message>
</context>
<context>
    <name>FPlotPage</name>
    <message>
        <source>Logarithmic f axis</source>
        <translation>f 轴用对数刻度</translation>
    </message>
    <message>
        <source>A log scale shows convergence as a straight line; values f ≤ 0 are left out</source>
        <translation>对数刻度下收敛显示为直线；f ≤ 0 的值不显示</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>f(x) at each step</source>
        <translation>每一步的 f(x)</translation>
    </message>
    <message>
        <source>f at each step for every optimizer shown, in the colours of the map's legend; the dashed line is the step on the map</source>
        <translation>每种优化方法在每一步的 f，颜色与等高线图的图例相同；虚线是图上显示的那一步</translation>
    </message>
</context>
<context>
    <name>FieldControls</name>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>x0² + x1² (the book's 4.4)</source>
        <translation>x0² + x1²（书中 4.4 节）</translation>
    </message>
    <message>
        <source>x0²/20 + x1² (chapter 6)</source>
        <translation>x0²/20 + x1²（第 6 章）</translation>
    </message>
    <message>
        <source>x0² − x1² (a saddle)</source>
        <translation>x0² − x1²（鞍点）</translation>
    </message>
    <message>
        <source>Rosenbrock (1 − x0)² + 100(x1 − x0²)²</source>
        <translation>Rosenbrock 函数 (1 − x0)² + 100(x1 − x0²)²</translation>
    </message>
    <message>
        <source>Himmelblau (x0² + x1 − 11)² + (x0 + x1² − 7)²</source>
        <translation>Himmelblau 函数 (x0² + x1 − 11)² + (x0 + x1² − 7)²</translation>
    </message>
    <message>
        <source>Your function f(x0, x1)</source>
        <translation>你的函数 f(x0, x1)</translation>
    </message>
    <message>
        <source>f(x0, x1)</source>
        <translation>f(x0, x1)</translation>
    </message>
    <message>
        <source>The surface to draw: its contours and gradient arrows</source>
        <translation>要绘制的曲面：它的等高线和梯度箭头</translation>
    </message>
    <message>
        <source>Type f</source>
        <translation>输入 f</translation>
    </message>
    <message>
        <source>Type a function of x0 and x1 and press Enter, e.g. x0**2 + 3*x1**2 or sin(x0)*cos(x1). Allowed: + − * / ** ( ), numbers, pi, e, sin, cos, exp, log, sqrt, tanh, abs, …</source>
        <translation>输入 x0 和 x1 的函数并按回车，例如 x0**2 + 3*x1**2 或 sin(x0)*cos(x1)。可用：+ − * / ** ( )、数字、pi、e、sin、cos、exp、log、sqrt、tanh、abs 等</translation>
    </message>
    <message>
        <source>e.g. x0**2 + 3*x1**2</source>
        <translation>例如 x0**2 + 3*x1**2</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Draw the function typed on the left</source>
        <translation>绘制左边输入的函数</translation>
    </message>
    <message>
        <source>Show +∇f (uphill) instead of −∇f</source>
        <translation>显示 +∇f（上坡）而不是 −∇f</translation>
    </message>
    <message>
        <source>Unticked: arrows show −∇f, where f falls fastest (gradient descent walks this way). Ticked: arrows show ∇f itself, where f rises fastest.</source>
        <translation>不勾选：箭头表示 −∇f，即 f 减小最快的方向（梯度下降法沿此方向前进）。勾选：箭头表示 ∇f 本身，即 f 增大最快的方向。</translation>
    </message>
    <message>
        <source>Grid step</source>
        <translation>网格步长</translation>
    </message>
    <message>
        <source>Distance between neighbouring arrows (the book uses 0.25); smaller means a denser grid</source>
        <translation>相邻箭头之间的距离（书中用 0.25）；越小网格越密</translation>
    </message>
    <message>
        <source>Arrow length</source>
        <translation>箭头长度</translation>
    </message>
    <message>
        <source>proportional to |∇f|</source>
        <translation>与 |∇f| 成正比</translation>
    </message>
    <message>
        <source>all equal (direction only)</source>
        <translation>全部等长（只看方向）</translation>
    </message>
    <message>
        <source>Proportional: the longest arrow fills most of a grid step, the others in proportion. Equal: every arrow has the same length, so directions are visible where ∇f is tiny.</source>
        <translation>成正比：最长的箭头占一个网格步长的大部分，其余按比例缩放。等长：所有箭头一样长，在 ∇f 很小的地方也能看清方向。</translation>
    </message>
    <message>
        <source>Contour levels</source>
        <translation>等高线间隔</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>evenly spaced</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>logarithmic (shows valleys)</source>
        <translation>对数间隔（显示山谷）</translation>
    </message>
    <message>
        <source>How the colour bands are spaced in f. Logarithmic spacing gives the low valley of Rosenbrock or Himmelblau most of the bands; automatic picks it when most of the view is low.</source>
        <translation>颜色带在 f 上的间隔方式。对数间隔把大部分颜色带分给 Rosenbrock 或 Himmelblau 的低谷；当视野中大部分区域的值都较低时，“自动”会选择它。</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Back to this surface's own view and grid step (drag the plot to pan, use the wheel to zoom)</source>
        <translation>回到这个曲面自己的视图和网格步长（拖动图可平移，滚轮可缩放）</translation>
    </message>
    <message>
        <source>Cannot read this function: %1</source>
        <translation>无法读取这个函数：%1</translation>
    </message>
    <message>
        <source>f(x0, x1) = %1 is not a finite number anywhere in this view: it gives only inf or nan. Pan or zoom to where it is defined, or type another function.</source>
        <translation>f(x0, x1) = %1 在当前视图中处处都不是有限的数：它只给出 inf 或 nan。请平移或缩放到它有定义的地方，或输入另一个函数。</translation>
    </message>
    <message>
        <source>f is not a finite number anywhere in this view: it gives only inf or nan. Reset view to go back.</source>
        <translation>f 在当前视图中处处都不是有限的数：它只给出 inf 或 nan。点击“重置视图”返回。</translation>
    </message>
    <message>
        <source>Every arrow has the same length: only the direction is shown.</source>
        <translation>所有箭头一样长：只显示方向。</translation>
    </message>
    <message>
        <source>Arrow length ∝ |∇f|: the longest arrow, |∇f| = %1, is 0.9 of a grid step.</source>
        <translation>箭头长度 ∝ |∇f|：最长的箭头（|∇f| = %1）为 0.9 个网格步长。</translation>
    </message>
    <message>
        <source>The step is %1 in this wide view, to keep the arrows readable.</source>
        <translation>在这个较宽的视野中步长为 %1，以便看清箭头。</translation>
    </message>
    <message>
        <source>Colour bands: logarithmic in f.</source>
        <translation>颜色带：按 f 的对数间隔。</translation>
    </message>
</context>
<context>
    <name>FieldView</name>
    <message>
        <source>x0</source>
        <translation>x0</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>Click a point to see ∇f there (with the plot focused, the arrow keys move it; Shift: a tenth). Drag to pan, use the wheel to zoom; right-click to export.</source>
        <translation>点击一点查看该处的 ∇f（图获得焦点时，方向键移动该点；按住 Shift 每次移动十分之一）。拖动可平移，滚轮可缩放；右键可导出。</translation>
    </message>
    <message>
        <source>Colour bands: the values of f at the band edges</source>
        <translation>颜色带：带边界处的 f 值</translation>
    </message>
    <message>
        <source>Gradient field: contours of f and the arrows</source>
        <translation>梯度场：f 的等高线和箭头</translation>
    </message>
    <message>
        <source>Colour bar: the values of f</source>
        <translation>颜色条：f 的值</translation>
    </message>
    <message>
        <source>%1∇f at the point (longer scale)</source>
        <translation>该点的 %1∇f（放大比例）</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>f(x0, x1)</source>
        <translation>f(x0, x1)</translation>
    </message>
    <message>
        <source>No point picked: click the plot, or press an arrow key while it has the focus</source>
        <translation>尚未选点：点击图，或在图获得焦点时按方向键</translation>
    </message>
    <message>
        <source>point (%1, %2): ∇f = (%3, %4)</source>
        <translation>点 (%1, %2)：∇f = (%3, %4)</translation>
    </message>
</context>
<context>
    <name>FittingBox</name>
    <message>
        <source>Overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <source>Train on the first n training images (the book uses all 60,000); with 1,000 the net learns them by heart</source>
        <translation>只用前 n 张训练图像训练（书中用全部 60,000 张）；只用 1,000 张时，网络会把它们死记硬背下来</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Training images held out (the last ones) as the validation (dev) set: measured every epoch, never trained on</source>
        <translation>从训练集中留出（最后几张）作为验证集（开发集）的图像：每个 epoch 测一次，从不用于训练</translation>
    </message>
    <message>
        <source>Regularisation λ</source>
        <translation>正则化 λ</translation>
    </message>
    <message>
        <source>L2 regularisation: cost + λ/2m·ΣW², gradient + λW/m (m = batch size); 0 = none</source>
        <translation>L2 正则化：损失函数 + λ/2m·ΣW²，梯度 + λW/m（m = 批大小）；0 = 不用</translation>
    </message>
    <message>
        <source>Training images, validation set and λ: click to show or hide them</source>
        <translation>训练图像、验证集和 λ：点击显示或隐藏</translation>
    </message>
    <message>
        <source>Make it overfit</source>
        <translation>让它过拟合</translation>
    </message>
    <message>
        <source>1,000 training images, 10,000 held out for validation, λ = 0: train long and watch the gap open; then try λ = 1</source>
        <translation>1,000 张训练图像，留出 10,000 张作验证集，λ = 0：训练得久一些，看差距拉开；然后试试 λ = 1</translation>
    </message>
    <message>
        <source>Trains on %1 images; validates on %2.</source>
        <translation>用 %1 张图像训练；用 %2 张验证。</translation>
    </message>
    <message>
        <source>Trains on %1 images; no validation set (the test set is the only check).</source>
        <translation>用 %1 张图像训练；没有验证集（只有测试集用来检验）。</translation>
    </message>
    <message>
        <source>%1 images · %2 held out · λ = %3</source>
        <translation>%1 张图像 · 留出 %2 张 · λ = %3</translation>
    </message>
</context>
<context>
    <name>FoundBox</name>
    <message>
        <source>Copies found on this computer</source>
        <translation>在本机找到的副本</translation>
    </message>
    <message>
        <source>MNIST copies in the usual places (~/.keras/datasets, a checkout of the book's code with its dataset/ folder, …)</source>
        <translation>在常见位置找到的 MNIST 副本（~/.keras/datasets、书中代码的 dataset/ 文件夹等）</translation>
    </message>
    <message>
        <source>No copy found in the usual places (~/.keras/datasets/mnist.npz, the book's deep-learning-from-scratch/dataset/, data/MNIST/raw).</source>
        <translation>在常见位置没有找到副本（~/.keras/datasets/mnist.npz、书中代码的 deep-learning-from-scratch/dataset/、data/MNIST/raw）。</translation>
    </message>
    <message>
        <source>Use this copy</source>
        <translation>使用这个副本</translation>
    </message>
    <message>
        <source>Check the selected copy and use it where it is (nothing is copied)</source>
        <translation>检查选中的副本并直接在原位置使用（不复制）</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Look in the usual places again</source>
        <translation>再次在常见位置查找</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1（正在使用）</translation>
    </message>
    <message>
        <source>Keras's mnist.npz</source>
        <translation>Keras 的 mnist.npz</translation>
    </message>
    <message>
        <source>The book's mnist.pkl</source>
        <translation>书中的 mnist.pkl</translation>
    </message>
    <message>
        <source>A folder with the four IDX files</source>
        <translation>包含四个 IDX 文件的文件夹</translation>
    </message>
</context>
<context>
    <name>GradientFieldTab</name>
    <message>
        <source>Gradient field</source>
        <translation>梯度场</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The gradient&lt;/h3&gt;&lt;p&gt;∇f = (∂f/∂x0, ∂f/∂x1): the vector of all partial derivatives. At every point it points where f &lt;b&gt;rises fastest&lt;/b&gt;; its length says how steep that is. Its negative −∇f points where f &lt;b&gt;falls fastest&lt;/b&gt;: the direction gradient descent steps in, x ← x − η∇f.&lt;/p&gt;&lt;p&gt;The book draws −∇f of f = x0² + x1² on x0, x1 ∈ [−2, 2] with step 0.25: every arrow points to the minimum at (0, 0), and the arrows shrink near it because the slope is gentle there. The arrows cross the contour lines at right angles.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Not always toward the minimum.&lt;/b&gt; On x0²/20 + x1² the arrows point mostly across the long valley, not along it to (0, 0). On the saddle, ∇f = 0 at (0, 0) but it is no minimum. On Rosenbrock the arrows fall into the curved valley, far from the minimum at (1, 1).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Click the plot&lt;/b&gt; to see ∇f at that point, computed numerically with the central difference (h = 10&lt;sup&gt;−4&lt;/sup&gt;) and from the formula. For x0² + x1²: (3, 4) → [6, 8], (0, 2) → [0, 4]. A function you type has no formula for its derivatives here: only the numerical gradient.&lt;/p&gt;&lt;p&gt;Drag to pan, use the wheel to zoom; the arrows and contours follow.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度&lt;/h3&gt;&lt;p&gt;∇f = (∂f/∂x0, ∂f/∂x1)：由全部偏导数汇总而成的向量。在每一点，它指向 f &lt;b&gt;增大最快&lt;/b&gt;的方向；它的长度表示那里有多陡。它的负方向 −∇f 指向 f &lt;b&gt;减小最快&lt;/b&gt;的方向：梯度下降法就沿这个方向前进，x ← x − η∇f。&lt;/p&gt;&lt;p&gt;书中在 x0, x1 ∈ [−2, 2]、步长 0.25 的网格上画出 f = x0² + x1² 的 −∇f：每个箭头都指向 (0, 0) 处的最小值，而且越靠近它箭头越短，因为那里坡度平缓。箭头与等高线垂直相交。&lt;/p&gt;&lt;p&gt;&lt;b&gt;并不总是指向最小值。&lt;/b&gt;在 x0²/20 + x1² 上，箭头大多横穿狭长的山谷，而不是沿着山谷指向 (0, 0)。在鞍点函数上，(0, 0) 处 ∇f = 0，但那里不是最小值。在 Rosenbrock 函数上，箭头落入弯曲的山谷，远离 (1, 1) 处的最小值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;点击图&lt;/b&gt;查看该点的 ∇f：用中心差分（h = 10&lt;sup&gt;−4&lt;/sup&gt;）求出的数值微分，以及由公式求出的结果。对 x0² + x1²：(3, 4) → [6, 8]，(0, 2) → [0, 4]。你输入的函数在这里没有导数公式：只有数值梯度。&lt;/p&gt;&lt;p&gt;拖动可平移，滚轮可缩放；箭头和等高线会随之更新。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>GraphExplanation</name>
    <message>
        <source>&lt;h3&gt;The chain rule on a computation graph&lt;/h3&gt;&lt;p&gt;J = 3(a + bc) is computed in three small steps: u = bc, v = a + u, J = 3v.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Forward&lt;/b&gt; (left to right): with a = 5, b = 3, c = 2 we get u = 6, v = 11, J = 33.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Backward&lt;/b&gt; (right to left): each node's derivative dJ/d(node) is the derivative of the node after it times the local derivative of the edge between them (the chain rule): dJ/dv = 3, dJ/du = dJ/dv · 1 = 3, dJ/da = 3, dJ/db = dJ/du · c = 6, dJ/dc = dJ/du · b = 9.&lt;/p&gt;&lt;p&gt;Check: with a = 7, b = 4, c = 2 (v = 15, J = 45), raising v by 0.001 raises J by 0.003, three times as much, because dJ/dv = 3.&lt;/p&gt;&lt;p&gt;Backpropagation in a network is this, with many more nodes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;计算图上的链式法则&lt;/h3&gt;&lt;p&gt;J = 3(a + bc) 分三个小步骤计算：u = bc，v = a + u，J = 3v。&lt;/p&gt;&lt;p&gt;&lt;b&gt;正向&lt;/b&gt;（从左到右）：a = 5, b = 3, c = 2 时得到 u = 6, v = 11, J = 33。&lt;/p&gt;&lt;p&gt;&lt;b&gt;反向&lt;/b&gt;（从右到左）：每个节点的导数 dJ/d(节点) 等于它后面节点的导数乘以两者之间那条边的局部导数（链式法则）：dJ/dv = 3，dJ/du = dJ/dv · 1 = 3，dJ/da = 3，dJ/db = dJ/du · c = 6，dJ/dc = dJ/du · b = 9。&lt;/p&gt;&lt;p&gt;验证：a = 7, b = 4, c = 2 时（v = 15, J = 45），v 增加 0.001，J 增加 0.003，是它的三倍，因为 dJ/dv = 3。&lt;/p&gt;&lt;p&gt;神经网络中的误差反向传播法就是这样，只是节点多得多。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Logistic regression as a computation graph&lt;/h3&gt;&lt;p&gt;One sample x = (x1, x2) with its label y; the parameters w1, w2, b:&lt;br&gt;z = w1·x1 + w2·x2 + b → a = σ(z) → L(a, y) = −(y log a + (1 − y) log(1 − a))&lt;/p&gt;&lt;p&gt;&lt;b&gt;Forward&lt;/b&gt;, the worked example x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1: z = 0, a = 0.5, L = 0.6931471805599453 (= log 2).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Backward&lt;/b&gt;, writing dv for dL/dv as the lessons do: da = −y/a + (1 − y)/(1 − a) = −2, dz = da · a(1 − a) = a − y = −0.5, dw1 = x1·dz = −0.5, dw2 = x2·dz = −1, db = dz = −0.5.&lt;/p&gt;&lt;p&gt;x1, x2 and y are data, not parameters: gradient descent changes only w1, w2 and b (w1 ← w1 − α·dw1, …), so their derivatives are all it needs.&lt;/p&gt;&lt;p&gt;z is summed from the numbers as written (0.5 − 0.6 + 0.1 = 0); a float sum left to right gives 2.8e-17, because 0.3 and 0.1 have no exact binary form.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;把逻辑回归画成计算图&lt;/h3&gt;&lt;p&gt;一个样本 x = (x1, x2)，标签为 y；参数为 w1、w2、b：&lt;br&gt;z = w1·x1 + w2·x2 + b → a = σ(z) → L(a, y) = −(y log a + (1 − y) log(1 − a))&lt;/p&gt;&lt;p&gt;&lt;b&gt;正向传播&lt;/b&gt;，课程示例 x = (1, 2)，w = (0.5, −0.3)，b = 0.1，y = 1：z = 0，a = 0.5，L = 0.6931471805599453（= log 2）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;反向传播&lt;/b&gt;，按课程的写法用 dv 表示 dL/dv：da = −y/a + (1 − y)/(1 − a) = −2，dz = da · a(1 − a) = a − y = −0.5，dw1 = x1·dz = −0.5，dw2 = x2·dz = −1，db = dz = −0.5。&lt;/p&gt;&lt;p&gt;x1、x2 和 y 是数据而不是参数：梯度下降只改变 w1、w2 和 b（w1 ← w1 − α·dw1，…），所以只需要它们的导数。&lt;/p&gt;&lt;p&gt;z 按写出的数字求和（0.5 − 0.6 + 0.1 = 0）；用浮点数从左到右相加会得到 2.8e-17，因为 0.3 和 0.1 没有精确的二进制表示。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The next tab, &lt;i&gt;m samples at once&lt;/i&gt;, does the same for many samples.&lt;/p&gt;</source>
        <translation>&lt;p&gt;下一个标签页&lt;i&gt;一次处理 m 个样本&lt;/i&gt;对许多样本做同样的计算。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>GraphPage</name>
    <message>
        <source>Forward pass: %1 of 3 nodes computed.</source>
        <translation>正向传播：已计算 3 个节点中的 %1 个。</translation>
    </message>
    <message>
        <source>The backward pass needs the forward values first.</source>
        <translation>反向传播需要先有正向传播的值。</translation>
    </message>
    <message>
        <source>%1 = %2. Backward pass: %3 of 6 derivatives.</source>
        <translation>%1 = %2。反向传播：已求出 6 个导数中的 %3 个。</translation>
    </message>
    <message>
        <source>Done: %1 = %2, and every derivative is known.</source>
        <translation>完成：%1 = %2，所有导数都已求出。</translation>
    </message>
    <message>
        <source>%1 change when it rises by 0.001</source>
        <translation>节点增加 0.001 时 %1 的变化</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>J = 3(a + bc)</source>
        <translation>J = 3(a + bc)</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <source>The lessons' small example, or one neuron of logistic regression</source>
        <translation>课程中的小例子，或逻辑回归的一个神经元</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>◀ Previous step</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Whole backward pass</source>
        <translation>整个反向传播</translation>
    </message>
    <message>
        <source>The next step: each node's value from the inputs to the output, then each derivative from the output back to the inputs by the chain rule (→ on the graph)</source>
        <translation>下一步：先从输入到输出逐个计算节点的值，再用链式法则从输出回到输入逐个计算导数（在计算图上按 →）</translation>
    </message>
    <message>
        <source>Take back the last step (← on the graph)</source>
        <translation>撤回上一步（在计算图上按 ←）</translation>
    </message>
    <message>
        <source>Every derivative at once, after the forward pass, which it completes first (B on the graph)</source>
        <translation>一次算出全部导数；正向传播未完成时先把它做完（在计算图上按 B）</translation>
    </message>
    <message>
        <source>Click the graph, then → next step, ← previous step, B whole backward pass, R reset</source>
        <translation>先点击计算图，然后 → 下一步，← 上一步，B 整个反向传播，R 重置</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Steps of the passes</source>
        <translation>传播的各步</translation>
    </message>
    <message>
        <source>Each step of the passes; the last column checks the derivative: raising a node by 0.001 changes the output by about its derivative × 0.001</source>
        <translation>传播的每一步；最后一列检验导数：节点增加 0.001，输出大约改变 导数 × 0.001</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>m samples at once</source>
        <translation>一次处理 m 个样本</translation>
    </message>
    <message>
        <source>Open the cat classifier</source>
        <translation>打开猫分类器</translation>
    </message>
    <message>
        <source>Training → Cat / non-cat: this propagate(), on 209 pictures of 12,288 features</source>
        <translation>训练 → 猫 / 非猫：就是这个 propagate()，作用于 209 张图片、每张 12,288 个特征</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>传播</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Hide every value and derivative (R on the graph)</source>
        <translation>隐藏所有的值和导数（在图上按 R）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>ImportBox</name>
    <message>
        <source>Import a copy you have</source>
        <translation>导入你已有的副本</translation>
    </message>
    <message>
        <source>A folder with the four IDX files (train-images-idx3-ubyte.gz … , gzipped or not), the book's dataset/mnist.pkl, or Keras's mnist.npz. It is checked completely, then copied into the MNIST folder.</source>
        <translation>包含四个 IDX 文件（train-images-idx3-ubyte.gz …，gzip 压缩或未压缩均可）的文件夹、书中的 dataset/mnist.pkl，或 Keras 的 mnist.npz。会先完整检查，再复制到 MNIST 文件夹。</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Choose a folder holding the four IDX files</source>
        <translation>选择包含四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Choose the book's mnist.pkl or Keras's mnist.npz</source>
        <translation>选择书中的 mnist.pkl 或 Keras 的 mnist.npz</translation>
    </message>
</context>
<context>
    <name>InputsBox</name>
    <message>
        <source>Change %1: the graph recomputes the steps shown</source>
        <translation>修改 %1：计算图重新计算已显示的步骤</translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Inside the net:  a[0] = x  →  z[1] = a[0]·W1 + b1  →  a[1] = h(z[1])  →  z[2] = a[1]·W2 + b2  →  y = softmax(z[2])</source>
        <translation>网络内部：  a[0] = x  →  z[1] = a[0]·W1 + b1  →  a[1] = h(z[1])  →  z[2] = a[1]·W2 + b2  →  y = softmax(z[2])</translation>
    </message>
    <message>
        <source>Hover a unit to see it; click it to switch it off or on</source>
        <translation>鼠标悬停查看单元；单击可关闭或重新打开它</translation>
    </message>
    <message>
        <source>Each cell is one hidden unit j, in order: the brighter, the larger its activation a[1]_j. Orange frames: the units that add most to the score explained. A crossed cell is switched off (a[1]_j = 0). Keys: arrows move, Space switches off or on.</source>
        <translation>每个格子是一个隐藏单元 j，按编号排列：越亮，激活值 a[1]_j 越大。橙色边框：对所解释的得分贡献最大的单元。打叉的格子已关闭（a[1]_j = 0）。键盘：方向键移动，空格键关闭或打开。</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>z[2], the scores:</source>
        <translation>z[2]，各类得分：</translation>
    </message>
    <message>
        <source>Explain the score of %1</source>
        <translation>解释 %1 的得分</translation>
    </message>
    <message>
        <source>explain the answer</source>
        <translation>解释网络的答案</translation>
    </message>
    <message>
        <source>Explain whatever the net answers; click a score to explain another</source>
        <translation>始终解释网络给出的答案；单击某个得分可解释其他类别</translation>
    </message>
    <message>
        <source>k′: the class to compare with (the runner-up: the next best score)</source>
        <translation>k′：用来对比的类别（次高者：得分第二高的类别）</translation>
    </message>
    <message>
        <source>pull on each k:</source>
        <translation>对各类 k 的拉动：</translation>
    </message>
    <message>
        <source>a[1]: %1 hidden units, h = %2</source>
        <translation>a[1]：%1 个隐藏单元，h = %2</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>Why %1: the hidden units that add most to z[2]_%1</source>
        <translation>为什么是 %1：对 z[2]_%1 贡献最大的隐藏单元</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <source>Hidden unit %1, a[1] = %2: its weight picture, column %1 of W1 (red pixels raise z[1]_%1, blue ones lower it). It adds a[1]_%1·W2[%1, %3] = %4 to the score of %3.</source>
        <translation>隐藏单元 %1，a[1] = %2：它的权重图，即 W1 的第 %1 列（红色像素使 z[1]_%1 增大，蓝色像素使其减小）。它为 %3 的得分贡献 a[1]_%1·W2[%1, %3] = %4。</translation>
    </message>
    <message>
        <source>Σ of the %1 units shown</source>
        <translation>所示 %1 个单元之和 Σ</translation>
    </message>
    <message>
        <source>+ the other %1 units</source>
        <translation>+ 其余 %1 个单元</translation>
    </message>
    <message>
        <source>+ the bias b2_%1</source>
        <translation>+ 偏置 b2_%1</translation>
    </message>
    <message>
        <source>= the score z[2]_%1</source>
        <translation>= 得分 z[2]_%1</translation>
    </message>
    <message>
        <source>Which pixels: evidence for %1 (red for, blue against)</source>
        <translation>哪些像素：支持 %1 的证据（红色支持，蓝色反对）</translation>
    </message>
    <message>
        <source>for</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>支持 %1</translation>
    </message>
    <message>
        <source>%1 − %2: why not %2</source>
        <translation>%1 − %2：为什么不是 %2</translation>
    </message>
    <message>
        <source>%1 (runner-up)</source>
        <translation>%1（次高者）</translation>
    </message>
    <message>
        <source>runner-up</source>
        <translation>次高者</translation>
    </message>
    <message>
        <source>Exact: pixels %1 + bias part %2 = z[2]_%3 = %4</source>
        <translation>精确：像素 %1 + 偏置部分 %2 = z[2]_%3 = %4</translation>
    </message>
    <message>
        <source>Gradient × input, an approximation (sigmoid): pixels %1 + rest %2 = z[2]_%3 = %4</source>
        <translation>梯度 × 输入，近似值（sigmoid）：像素 %1 + 其余 %2 = z[2]_%3 = %4</translation>
    </message>
    <message>
        <source>Hidden unit</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Draw a digit, then hover a unit</source>
        <translation>先写一个数字，再把鼠标悬停在某个单元上</translation>
    </message>
    <message>
        <source>Hidden unit %1</source>
        <translation>隐藏单元 %1</translation>
    </message>
    <message>
        <source>its weight picture (column %1 of W1)</source>
        <translation>它的权重图（W1 的第 %1 列）</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>The unit's pull a[1]_j·W2[j, k] on the score of each class k</source>
        <translation>该单元对每一类 k 得分的拉动 a[1]_j·W2[j, k]</translation>
    </message>
</context>
<context>
    <name>IterationPage</name>
    <message>
        <source>Chapter 4's net</source>
        <translation>第 4 章的网络</translation>
    </message>
    <message>
        <source>The book's settings with the sigmoid net of chapter 4: 50 hidden neurons, η = 0.1, batch 100, 10,000 iterations, std 0.01</source>
        <translation>书中的设置，配第 4 章的 sigmoid 网络：50 个隐藏神经元，η = 0.1，批大小 100，10,000 次迭代，标准差 0.01</translation>
    </message>
    <message>
        <source>Under each image: its true digit → the net's answer, and its loss −log y&lt;sub&gt;t&lt;/sub&gt;. Wrong answers are framed.</source>
        <translation>每张图像下方：正确数字 → 网络的回答，以及它的损失 −log y&lt;sub&gt;t&lt;/sub&gt;。答错的加了边框。</translation>
    </message>
    <message>
        <source>Loss: the mini-batch against all training images</source>
        <translation>损失：小批量与全部训练图像的对比</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>loss L (cross-entropy)</source>
        <translation>损失 L（交叉熵误差）</translation>
    </message>
    <message>
        <source>mini-batch (before)</source>
        <translation>小批量（更新前）</translation>
    </message>
    <message>
        <source>same batch (after)</source>
        <translation>同一批（更新后）</translation>
    </message>
    <message>
        <source>all images</source>
        <translation>全部图像</translation>
    </message>
    <message>
        <source>∂L/∂W1: one 28×28 picture per hidden neuron</source>
        <translation>∂L/∂W1：每个隐藏神经元一张 28×28 的图</translation>
    </message>
    <message>
        <source>Light: ∂L/∂w &gt; 0, the update lowers that weight; dark: &lt; 0, it raises it; grey: 0 (pixels that are blank in every image of the batch). Each picture is scaled on its own.</source>
        <translation>亮：∂L/∂w &gt; 0，更新会减小该权重；暗：&lt; 0，更新会增大它；灰：0（在这个批次的所有图像中都空白的像素）。每张图单独缩放。</translation>
    </message>
    <message>
        <source>∂L/∂W1 of one hidden neuron's 784 weights, laid out as the image</source>
        <translation>一个隐藏神经元 784 个权重的 ∂L/∂W1，按图像排列</translation>
    </message>
    <message>
        <source>∂L/∂W2: hidden neuron × digit</source>
        <translation>∂L/∂W2：隐藏神经元 × 数字</translation>
    </message>
    <message>
        <source>digit k</source>
        <translation>数字 k</translation>
    </message>
    <message>
        <source>hidden neuron j</source>
        <translation>隐藏神经元 j</translation>
    </message>
    <message>
        <source>Red: ∂L/∂w &gt; 0, the update lowers the weight from neuron j to digit k; blue: &lt; 0, it raises it</source>
        <translation>红：∂L/∂w &gt; 0，更新会减小从神经元 j 到数字 k 的权重；蓝：&lt; 0，更新会增大它</translation>
    </message>
    <message>
        <source>&lt;h3&gt;One iteration, taken apart&lt;/h3&gt;&lt;p&gt;The book's train_neuralnet.py does this 10,000 times:&lt;/p&gt;&lt;p&gt;1. draw a mini-batch: 100 training images at random&lt;br&gt;2. forward: y = softmax(h(x·W1 + b1)·W2 + b2); each image's loss −log y&lt;sub&gt;t&lt;/sub&gt;, their mean L&lt;br&gt;3. backward: ∂L/∂W for W1, b1, W2, b2 (backpropagation)&lt;br&gt;4. update: W ← W − η·∂L/∂W&lt;/p&gt;&lt;p&gt;After the step the same mini-batch has a lower loss. The loss on all 60,000 images usually falls too, but less: a mini-batch is a sample, which is why the mini-batch loss zig-zags while its mean falls.&lt;/p&gt;&lt;p&gt;It is the Descent tab's x ← x − η∇f(x), now with 39,760 weights instead of 2 coordinates.&lt;/p&gt;&lt;p&gt;Start (Space) trains on from the stepped iteration: the same mini-batches and weights a run from scratch with this seed would have.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;拆开看一次迭代&lt;/h3&gt;&lt;p&gt;书中的 train_neuralnet.py 把下面这几步重复 10,000 次：&lt;/p&gt;&lt;p&gt;1. 取一个小批量：随机抽 100 张训练图像&lt;br&gt;2. 前向：y = softmax(h(x·W1 + b1)·W2 + b2)；每张图像的损失 −log y&lt;sub&gt;t&lt;/sub&gt;，取平均得 L&lt;br&gt;3. 反向：用反向传播求 W1、b1、W2、b2 的梯度 ∂L/∂W&lt;br&gt;4. 更新：W ← W − η·∂L/∂W&lt;/p&gt;&lt;p&gt;更新之后，同一个小批量的损失变小了。全部 60,000 张图像上的损失通常也会下降，但降得少：小批量只是一个样本，所以小批量的损失上下波动，而它的平均值在下降。&lt;/p&gt;&lt;p&gt;这就是梯度下降标签页里的 x ← x − η∇f(x)，只是 2 个坐标换成了 39,760 个权重。&lt;/p&gt;&lt;p&gt;开始（空格）会从单步走到的迭代接着训练：小批量和权重与用这个种子从头开始的训练完全相同。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The step failed: %1</source>
        <translation>这一步失败了：%1</translation>
    </message>
    <message>
        <source>Get MNIST first: the iterations draw their mini-batches from its training images.</source>
        <translation>请先获取 MNIST：每次迭代都从它的训练图像中抽取小批量。</translation>
    </message>
    <message>
        <source>Stepping uses backpropagation: choose it as the gradient on the left.</source>
        <translation>单步迭代使用反向传播：请在左侧把梯度方法选为反向传播。</translation>
    </message>
    <message>
        <source>Sorting the training images for the whole-set loss (once), then the first iteration…</source>
        <translation>正在为整个训练集的损失整理训练图像（只需一次），然后进行第一次迭代…</translation>
    </message>
    <message>
        <source>Taking the next iteration…</source>
        <translation>正在进行下一次迭代…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step&lt;/b&gt; (or → on this page) takes the first iteration of a new run with the settings on the left and shows it whole. &lt;b&gt;Start&lt;/b&gt; (Space) then trains on from there.</source>
        <translation>&lt;b&gt;单步迭代&lt;/b&gt;（或在本页按 →）用左侧的设置开始一次新的训练，走第一次迭代并完整展示。之后按&lt;b&gt;开始&lt;/b&gt;（空格）从那里接着训练。</translation>
    </message>
    <message>
        <source>Iteration %1 was the last one stepped; the live run went on from it.</source>
        <translation>第 %1 次迭代是最后单步走的一次；实时训练从它接着进行。</translation>
    </message>
    <message>
        <source>The settings have changed: the next step starts a new run at iteration 1.</source>
        <translation>设置已改变：下一步将从第 1 次迭代开始一次新的训练。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Iteration %1&lt;/b&gt; of %2 (seed %3, η = %4, batch %5, %6). &lt;b&gt;→&lt;/b&gt; or Step: the next iteration · &lt;b&gt;Start&lt;/b&gt; (Space): train on from here.</source>
        <translation>&lt;b&gt;第 %1 次迭代&lt;/b&gt;，共 %2 次（随机种子 %3，η = %4，批大小 %5，%6）。&lt;b&gt;→&lt;/b&gt; 或单步迭代：下一次迭代 · &lt;b&gt;开始&lt;/b&gt;（空格）：从这里接着训练。</translation>
    </message>
    <message>
        <source>before the update</source>
        <translation>更新前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>更新后</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>L of this mini-batch (%1 images)</source>
        <translation>这个小批量的 L（%1 张图像）</translation>
    </message>
    <message>
        <source>L of all training images (%1)</source>
        <translation>全部训练图像的 L（%1 张）</translation>
    </message>
    <message>
        <source>‖update‖ = η‖∂L/∂W‖</source>
        <translation>‖更新量‖ = η‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>largest |Δw|</source>
        <translation>最大 |Δw|</translation>
    </message>
    <message>
        <source>The mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>The mini-batch: %1 training images drawn at random, %2 answered wrong</source>
        <translation>小批量：随机抽取的 %1 张训练图像，答错 %2 张</translation>
    </message>
    <message>
        <source>(the first %1 shown)</source>
        <translation>（显示前 %1 张）</translation>
    </message>
    <message>
        <source>Training image %1: a %2; the net says %3 (y = %4 for %2); its loss −log y = %5</source>
        <translation>训练图像 %1：是 %2；网络回答 %3（%2 的 y = %4）；它的损失 −log y = %5</translation>
    </message>
</context>
<context>
    <name>JInputs</name>
    <message>
        <source>Inputs of J = 3(a + bc)</source>
        <translation>J = 3(a + bc) 的输入</translation>
    </message>
    <message>
        <source>a=5, b=3, c=2</source>
        <translation>a=5, b=3, c=2</translation>
    </message>
    <message>
        <source>a=7, b=4, c=2</source>
        <translation>a=7, b=4, c=2</translation>
    </message>
    <message>
        <source>The lessons' first example: J = 33</source>
        <translation>课程的第一个例子：J = 33</translation>
    </message>
    <message>
        <source>The lessons' second example: J = 45</source>
        <translation>课程的第二个例子：J = 45</translation>
    </message>
</context>
<context>
    <name>LandscapePage</name>
    <message>
        <source>&lt;p&gt;The loss over a plane through the net's final weights θ: L(θ + α·d1 + β·d2). The net has %1 weights, so this is only a &lt;b&gt;2-D slice of a %1-dimensional surface&lt;/b&gt; — the plane chosen so the path SGD took shows.&lt;/p&gt;</source>
        <translation>&lt;p&gt;经过网络最终权重 θ 的一个平面上的损失函数：L(θ + α·d1 + β·d2)。这个网络有 %1 个权重，所以这只是&lt;b&gt;一个 %1 维曲面的二维切片&lt;/b&gt;——平面的选法让 SGD 走过的路径显现出来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Extent ×</source>
        <translation>范围 ×</translation>
    </message>
    <message>
        <source>the path's 2 principal components</source>
        <translation>路径的 2 个主成分</translation>
    </message>
    <message>
        <source>2 random directions (filter-normalised)</source>
        <translation>2 个随机方向（滤波器归一化）</translation>
    </message>
    <message>
        <source>Principal components: the plane the path moves in most (Li et al. 2018). Random: Gaussian directions scaled to each unit's weights (their filter normalisation)</source>
        <translation>主成分：路径移动最多的平面（Li 等，2018）。随机：按每个单元的权重缩放的高斯方向（他们的滤波器归一化）</translation>
    </message>
    <message>
        <source>test set (10,000)</source>
        <translation>测试集（10,000 张）</translation>
    </message>
    <message>
        <source>first 1,000 test images</source>
        <translation>前 1,000 张测试图像</translation>
    </message>
    <message>
        <source>first 10,000 training images</source>
        <translation>前 10,000 张训练图像</translation>
    </message>
    <message>
        <source>training set (60,000)</source>
        <translation>训练集（60,000 张）</translation>
    </message>
    <message>
        <source>The images the loss is measured on (more images: slower)</source>
        <translation>在哪些图像上计算损失函数（图像越多越慢）</translation>
    </message>
    <message>
        <source>Grid points per side of the surface</source>
        <translation>曲面每边的网格点数</translation>
    </message>
    <message>
        <source>Principal components: the plane reaches this many times the path's farthest point. Random: α and β run from −extent to +extent (1 = each unit's own weight norm)</source>
        <translation>主成分：平面延伸到路径最远点的这么多倍。随机：α 和 β 从 −范围 到 +范围（1 = 每个单元自身的权重范数）</translation>
    </message>
    <message>
        <source>Also draw the previous run (e.g. another learning rate) on this plane</source>
        <translation>在这个平面上同时画出上一次运行（例如另一个学习率）</translation>
    </message>
    <message>
        <source>Its weights are projected on the same plane (least squares): train again with another η, then compute</source>
        <translation>它的权重投影到同一平面上（最小二乘）：用另一个 η 再训练一次，然后计算</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Compute the surface through the latest weights of the run</source>
        <translation>计算经过本次运行最新权重的曲面</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing the surface (the rows done stay)</source>
        <translation>停止计算曲面（已算好的行保留）</translation>
    </message>
    <message>
        <source>%v / %m rows</source>
        <translation>%v / %m 行</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The loss landscape&lt;/h3&gt;&lt;p&gt;The Descent tab shows gradient descent on f(x0, x1). Here the variables are the net's 39,760 weights θ and f is the loss L(θ).&lt;/p&gt;&lt;p&gt;A plane through the final weights: θ + α·d1 + β·d2. The first layer is linear in the weights, x·(W1 + αD1 + βD2) = x·W1 + α·x·D1 + β·x·D2, so three products serve the whole grid.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Principal components&lt;/b&gt; of the path's weights θ&lt;sub&gt;i&lt;/sub&gt; − θ&lt;sub&gt;final&lt;/sub&gt;: the plane the path moves in most; the share of variance says how much of the path the picture holds. &lt;b&gt;Random&lt;/b&gt; directions, scaled to each unit's weights: a typical slice, in which the path hardly moves.&lt;/p&gt;&lt;p&gt;Circle: the start; star: the end (α = β = 0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;损失函数的地形&lt;/h3&gt;&lt;p&gt;“梯度下降”页展示的是 f(x0, x1) 上的梯度下降。这里的变量是网络的 39,760 个权重 θ，f 是损失函数 L(θ)。&lt;/p&gt;&lt;p&gt;经过最终权重的一个平面：θ + α·d1 + β·d2。第一层对权重是线性的，x·(W1 + αD1 + βD2) = x·W1 + α·x·D1 + β·x·D2，所以三次矩阵乘积就够整个网格用。&lt;/p&gt;&lt;p&gt;路径权重 θ&lt;sub&gt;i&lt;/sub&gt; − θ&lt;sub&gt;final&lt;/sub&gt; 的&lt;b&gt;主成分&lt;/b&gt;：路径移动最多的平面；方差占比说明图中包含了路径的多少。&lt;b&gt;随机&lt;/b&gt;方向，按每个单元的权重缩放：一个典型的切片，路径在其中几乎不动。&lt;/p&gt;&lt;p&gt;圆圈：起点；星形：终点（α = β = 0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The two directions explain %1 % + %2 % = %3 % of the path's variance: the picture holds that much of how the weights moved; the rest is in the other dimensions.</source>
        <translation>这两个方向解释了路径方差的 %1 % + %2 % = %3 %：图中包含了权重移动的这么多；其余的在其他维度里。</translation>
    </message>
    <message>
        <source>The random plane holds %1 % of the path's squared length: a typical slice, in which the path hardly moves (so it is drawn as its shadow on the plane).</source>
        <translation>随机平面只包含路径平方长度的 %1 %：一个典型的切片，路径在其中几乎不动（所以画出的是它在平面上的投影）。</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 rows.</source>
        <translation>已取消：算完 %2 行中的 %1 行。</translation>
    </message>
    <message>
        <source>Computing: %1 of %2 rows…</source>
        <translation>正在计算：%2 行中的第 %1 行…</translation>
    </message>
    <message>
        <source>Loss from %1 to %2 over the plane; at the end of the path %3.</source>
        <translation>平面上的损失函数从 %1 到 %2；路径终点处为 %3。</translation>
    </message>
    <message>
        <source>this run (η = %1)</source>
        <translation>本次运行（η = %1）</translation>
    </message>
    <message>
        <source>previous run (η = %1)</source>
        <translation>上一次运行（η = %1）</translation>
    </message>
    <message>
        <source>Load MNIST and train the net first.</source>
        <translation>请先载入 MNIST 并训练网络。</translation>
    </message>
    <message>
        <source>Train the net first: the landscape needs the weights of at least 3 evaluations (every epoch), which the run keeps as its path.</source>
        <translation>请先训练网络：地形图至少需要 3 次评估（每个 epoch 一次）时的权重，运行会把它们保存为路径。</translation>
    </message>
    <message>
        <source>Click Compute: the surface is drawn row by row as it arrives.</source>
        <translation>点击“计算”：曲面一行一行算出，边算边画。</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>α (along direction 1)</source>
        <translation>α（沿方向 1）</translation>
    </message>
    <message>
        <source>β (along direction 2)</source>
        <translation>β（沿方向 2）</translation>
    </message>
    <message>
        <source>Loss L(θ + α·d1 + β·d2)</source>
        <translation>损失函数 L(θ + α·d1 + β·d2)</translation>
    </message>
    <message>
        <source>The loss over a plane of weight space through the final weights θ (α = β = 0); drag to pan, wheel to zoom</source>
        <translation>权重空间中经过最终权重 θ（α = β = 0）的平面上的损失函数；拖动平移，滚轮缩放</translation>
    </message>
    <message>
        <source>Colour bands: the loss at the band edges</source>
        <translation>颜色带：色带边界处的损失函数值</translation>
    </message>
    <message>
        <source>Colour bar: the loss</source>
        <translation>颜色条：损失函数值</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>The loss along the path (on the same images)</source>
        <translation>沿路径的损失函数（在相同的图像上）</translation>
    </message>
</context>
<context>
    <name>LearningPage</name>
    <message>
        <source>This experiment needs MNIST</source>
        <translation>这个实验需要 MNIST</translation>
    </message>
    <message>
        <source>&lt;p&gt;MNIST is the book's data set: 60,000 training and 10,000 test images of handwritten digits, 28×28 pixels each (about 11 MB).&lt;/p&gt;&lt;p&gt;Click &lt;i&gt;Get MNIST…&lt;/i&gt; to download it or to import a copy you already have (the four IDX files, the book's mnist.pkl or Keras's mnist.npz).&lt;/p&gt;</source>
        <translation>&lt;p&gt;MNIST 是书中使用的数据集：60,000 张训练图像和 10,000 张测试图像，都是手写数字，每张 28×28 像素（约 11 MB）。&lt;/p&gt;&lt;p&gt;点击 &lt;i&gt;获取 MNIST…&lt;/i&gt; 下载它，或导入你已有的副本（四个 IDX 文件、书中的 mnist.pkl 或 Keras 的 mnist.npz）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Get MNIST…</source>
        <translation>获取 MNIST…</translation>
    </message>
    <message>
        <source>Download MNIST or import a copy you already have</source>
        <translation>下载 MNIST，或导入已有的副本</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>loss L (cross-entropy)</source>
        <translation>损失 L（交叉熵误差）</translation>
    </message>
    <message>
        <source>Mini-batch loss</source>
        <translation>小批量的损失</translation>
    </message>
    <message>
        <source>each mini-batch</source>
        <translation>每个小批量</translation>
    </message>
    <message>
        <source>mean of the last 100</source>
        <translation>最近 100 次的平均</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mini-batch learning&lt;/h3&gt;&lt;p&gt;The book's train_neuralnet.py:&lt;/p&gt;&lt;p&gt;repeat:&lt;br&gt;&amp;nbsp;1. draw a mini-batch of 100 training images&lt;br&gt;&amp;nbsp;2. gradient ∂L/∂W of its loss&lt;br&gt;&amp;nbsp;3. W ← W − η·∂L/∂W&lt;br&gt;&amp;nbsp;4. once per epoch: accuracy on all the training and test data&lt;/p&gt;&lt;p&gt;&lt;b&gt;Loss&lt;/b&gt; (cross-entropy error of the batch):&lt;br&gt;L = −(1/N) Σ&lt;sub&gt;n&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;nk&lt;/sub&gt; log y&lt;sub&gt;nk&lt;/sub&gt;&lt;/p&gt;&lt;p&gt;Each batch is different, so the loss zig-zags; its mean falls.&lt;/p&gt;&lt;p&gt;One &lt;b&gt;epoch&lt;/b&gt; = 60,000 / 100 = 600 iterations. Train and test accuracy stay together: no overfitting.&lt;/p&gt;&lt;p&gt;Sigmoid (chapter 4) ends near 0.946 test accuracy, ReLU (chapter 5) near 0.970.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;小批量学习&lt;/h3&gt;&lt;p&gt;书中的 train_neuralnet.py：&lt;/p&gt;&lt;p&gt;重复：&lt;br&gt;&amp;nbsp;1. 从训练数据中随机选出 100 张作为小批量&lt;br&gt;&amp;nbsp;2. 求其损失的梯度 ∂L/∂W&lt;br&gt;&amp;nbsp;3. W ← W − η·∂L/∂W&lt;br&gt;&amp;nbsp;4. 每个 epoch 一次：在全部训练数据和测试数据上计算识别精度&lt;/p&gt;&lt;p&gt;&lt;b&gt;损失&lt;/b&gt;（小批量的交叉熵误差）：&lt;br&gt;L = −(1/N) Σ&lt;sub&gt;n&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;nk&lt;/sub&gt; log y&lt;sub&gt;nk&lt;/sub&gt;&lt;/p&gt;&lt;p&gt;每个小批量都不同，所以损失上下抖动；但它的平均值在下降。&lt;/p&gt;&lt;p&gt;一个 &lt;b&gt;epoch&lt;/b&gt; = 60,000 / 100 = 600 次迭代。训练数据和测试数据的识别精度一直很接近：没有发生过拟合。&lt;/p&gt;&lt;p&gt;Sigmoid（第 4 章）最终测试识别精度约 0.946，ReLU（第 5 章）约 0.970。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>epoch (= %1 iterations)</source>
        <translation>epoch（= %1 次迭代）</translation>
    </message>
    <message>
        <source>accuracy (0–1)</source>
        <translation>识别精度（0–1）</translation>
    </message>
    <message>
        <source>Accuracy on the full sets, once per epoch</source>
        <translation>全部数据上的识别精度，每个 epoch 一次</translation>
    </message>
    <message>
        <source>train (%1 images)</source>
        <translation>训练数据（%1 张）</translation>
    </message>
    <message>
        <source>validation (%1 images)</source>
        <translation>验证（%1 张图像）</translation>
    </message>
    <message>
        <source>test (%1 images)</source>
        <translation>测试数据（%1 张）</translation>
    </message>
    <message>
        <source>the book's test accuracy (%1)</source>
        <translation>书中的测试识别精度（%1）</translation>
    </message>
    <message>
        <source>Where the book's run (10,000 iterations) ends for this activation</source>
        <translation>书中的训练（10,000 次迭代）使用这个激活函数时最终达到的位置</translation>
    </message>
    <message>
        <source>Accuracy once per epoch</source>
        <translation>识别精度，每个 epoch 一次</translation>
    </message>
    <message>
        <source>Accuracy every %1 iterations (%2 epochs)</source>
        <translation>识别精度，每 %1 次迭代（%2 个 epoch）一次</translation>
    </message>
    <message>
        <source>Train error %1 %, validation error %2 % (gap %3 points).</source>
        <translation>训练误差 %1 %，验证误差 %2 %（差距 %3 个百分点）。</translation>
    </message>
    <message>
        <source>Train error %1 %, test error %2 % (gap %3 points).</source>
        <translation>训练误差 %1 %，测试误差 %2 %（差距 %3 个百分点）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;High variance (overfitting)&lt;/b&gt;: the net fits its training images far better than new ones. The lessons' remedies: more training data, L2 regularisation (raise λ), a smaller net.</source>
        <translation>&lt;b&gt;高方差（过拟合）&lt;/b&gt;：网络对训练图像的拟合远好于新图像。课程给出的办法：更多训练数据、L2 正则化（增大 λ）、更小的网络。</translation>
    </message>
    <message>
        <source>&lt;b&gt;High bias (underfitting)&lt;/b&gt;: even the training images are often wrong. The lessons' remedies: a bigger net (more hidden units, a non-linear activation), train longer, a better learning rate.</source>
        <translation>&lt;b&gt;高偏差（欠拟合）&lt;/b&gt;：连训练图像都常常认错。课程给出的办法：更大的网络（更多隐藏单元、非线性激活函数）、训练更久、更合适的学习率。</translation>
    </message>
    <message>
        <source>&lt;b&gt;High bias and high variance&lt;/b&gt;: the training error is high and the gap is wide. First fix the bias (a bigger net, train longer), then the variance (more data, λ).</source>
        <translation>&lt;b&gt;高偏差且高方差&lt;/b&gt;：训练误差高，差距也大。先解决偏差（更大的网络、训练更久），再解决方差（更多数据、λ）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Low bias, low variance&lt;/b&gt;: the training error is low and the gap narrow — neither remedy is needed.</source>
        <translation>&lt;b&gt;低偏差、低方差&lt;/b&gt;：训练误差低，差距也小——两种办法都不需要。</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>This check could not run: %1</source>
        <translation>无法运行此检查：%1</translation>
    </message>
    <message>
        <source>Type a number, e.g. -0.5 or 2.30.</source>
        <translation>请输入一个数，例如 -0.5 或 2.30。</translation>
    </message>
    <message>
        <source>Right: %1.</source>
        <translation>正确：%1。</translation>
    </message>
    <message>
        <source>Not yet: %1 is off by more than %2.</source>
        <translation>还不对：%1 的偏差超过 %2。</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>重置进度</translation>
    </message>
    <message>
        <source>Forget which steps are done and the answers you typed?</source>
        <translation>清除已完成的步骤和你输入的答案吗？</translation>
    </message>
    <message>
        <source>Lessons: contents</source>
        <translation>课程：目录</translation>
    </message>
    <message>
        <source>The step's text</source>
        <translation>这一步的内容</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Set the app to what this step talks about</source>
        <translation>把应用切换到这一步所讲的内容</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← 上一步</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <source>Reset progress…</source>
        <translation>重置进度…</translation>
    </message>
    <message>
        <source>Lesson files that could not be read (skipped): %1</source>
        <translation>无法读取（已跳过）的课程文件：%1</translation>
    </message>
    <message>
        <source>%1 of %2 steps done</source>
        <translation>已完成 %1 / %2 步</translation>
    </message>
    <message>
        <source>No lessons</source>
        <translation>没有课程</translation>
    </message>
    <message>
        <source>%1 %2 · step %3 of %4</source>
        <translation>%1 %2 · 第 %3 / %4 步</translation>
    </message>
</context>
<context>
    <name>LogisticInputs</name>
    <message>
        <source>Inputs of the logistic regression</source>
        <translation>逻辑回归的输入</translation>
    </message>
    <message>
        <source>The label y: 1 (a cat) or 0 (not a cat)</source>
        <translation>标签 y：1（是猫）或 0（不是猫）</translation>
    </message>
    <message>
        <source>Worked example</source>
        <translation>课程示例</translation>
    </message>
    <message>
        <source>x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1: z = 0, a = 0.5, L = 0.6931…</source>
        <translation>x = (1, 2)，w = (0.5, −0.3)，b = 0.1，y = 1：z = 0，a = 0.5，L = 0.6931…</translation>
    </message>
</context>
<context>
    <name>LossControls</name>
    <message>
        <source>Network output</source>
        <translation>神经网络的输出</translation>
    </message>
    <message>
        <source>Edit probabilities y</source>
        <translation>编辑概率 y</translation>
    </message>
    <message>
        <source>Edit scores a (y = softmax(a))</source>
        <translation>编辑得分 a（y = softmax(a)）</translation>
    </message>
    <message>
        <source>Drag a bar: the other outputs rescale so that y still sums to 1</source>
        <translation>拖动柱子：其他输出按比例缩放，使 y 的总和仍为 1</translation>
    </message>
    <message>
        <source>Drag a score: softmax turns the scores into probabilities</source>
        <translation>拖动得分：softmax 把得分变成概率</translation>
    </message>
    <message>
        <source>Correct class t (click)</source>
        <translation>正确解标签 t（点击选择）</translation>
    </message>
    <message>
        <source>Make %1 the correct answer (one-hot t)</source>
        <translation>把 %1 设为正确解（one-hot 表示的 t）</translation>
    </message>
    <message>
        <source>The book's examples</source>
        <translation>书中的例子</translation>
    </message>
    <message>
        <source>Example 1: “2” most likely</source>
        <translation>例 1：“2”的概率最高</translation>
    </message>
    <message>
        <source>Example 2: “7” most likely</source>
        <translation>例 2：“7”的概率最高</translation>
    </message>
    <message>
        <source>Uniform: every class 0.1</source>
        <translation>均匀分布：每一类都是 0.1</translation>
    </message>
    <message>
        <source>y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], t = 2</source>
        <translation>y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]，t = 2</translation>
    </message>
    <message>
        <source>y = [0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0], t = 2</source>
        <translation>y = [0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0]，t = 2</translation>
    </message>
    <message>
        <source>A net that has learned nothing: y_k = 0.1 for every k</source>
        <translation>什么都还没学到的网络：对每个 k 都有 y_k = 0.1</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Cross-entropy error</source>
        <translation>交叉熵误差</translation>
    </message>
</context>
<context>
    <name>LossCurves</name>
    <message>
        <source>probability of the correct class, y_t</source>
        <translation>正确解类别的概率 y_t</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss against the correct class's probability</source>
        <translation>损失随正确解类别概率的变化</translation>
    </message>
    <message>
        <source>cross-entropy −log(y_t + 1e-7)</source>
        <translation>交叉熵误差 −log(y_t + 1e-7)</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
</context>
<context>
    <name>LossesTab</name>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Softmax overflow</source>
        <translation>softmax 溢出</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loss functions&lt;/h3&gt;&lt;p&gt;A loss function measures how &lt;i&gt;bad&lt;/i&gt; the network's output y is against the supervision t (one-hot: 1 for the correct class, 0 elsewhere). Learning means making it small.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mean squared error&lt;/b&gt;&lt;br&gt;E = ½ Σ&lt;sub&gt;k&lt;/sub&gt; (y&lt;sub&gt;k&lt;/sub&gt; − t&lt;sub&gt;k&lt;/sub&gt;)²&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cross-entropy error&lt;/b&gt;&lt;br&gt;E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log(y&lt;sub&gt;k&lt;/sub&gt; + 10&lt;sup&gt;−7&lt;/sup&gt;)&lt;br&gt;Only the correct class counts: E = −log y&lt;sub&gt;t&lt;/sub&gt;. The tiny 10&lt;sup&gt;−7&lt;/sup&gt; keeps log 0 from becoming −∞.&lt;/p&gt;&lt;p&gt;The book's examples, with t = “2”: when the net says “2” with 0.6 the losses are 0.0975 and 0.5108; when it says “7” with 0.6 they grow to 0.5975 and 2.3026.&lt;/p&gt;&lt;p&gt;The lower plot shows why cross-entropy suits classification: as the correct class's probability falls toward 0, −log y&lt;sub&gt;t&lt;/sub&gt; grows without limit, so a confident wrong answer is punished hard, while the squared error stays below 1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why not use accuracy?&lt;/b&gt; Accuracy changes only when an answer flips, so its derivative is 0 almost everywhere and gives no direction. The loss changes smoothly with every weight.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;损失函数&lt;/h3&gt;&lt;p&gt;损失函数表示神经网络的输出 y 与监督数据 t（one-hot 表示：正确解为 1，其余为 0）在多大程度上不一致，即性能的“恶劣程度”。学习就是让它变小。&lt;/p&gt;&lt;p&gt;&lt;b&gt;均方误差&lt;/b&gt;&lt;br&gt;E = ½ Σ&lt;sub&gt;k&lt;/sub&gt; (y&lt;sub&gt;k&lt;/sub&gt; − t&lt;sub&gt;k&lt;/sub&gt;)²&lt;/p&gt;&lt;p&gt;&lt;b&gt;交叉熵误差&lt;/b&gt;&lt;br&gt;E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log(y&lt;sub&gt;k&lt;/sub&gt; + 10&lt;sup&gt;−7&lt;/sup&gt;)&lt;br&gt;只有正确解标签对应的项不为 0：E = −log y&lt;sub&gt;t&lt;/sub&gt;。加上微小的 10&lt;sup&gt;−7&lt;/sup&gt; 是为了防止 log 0 变成负无穷大。&lt;/p&gt;&lt;p&gt;书中的例子（t = “2”）：网络以 0.6 的概率认为是“2”时，两个损失分别为 0.0975 和 0.5108；以 0.6 的概率认为是“7”时，增大到 0.5975 和 2.3026。&lt;/p&gt;&lt;p&gt;下方的图说明了交叉熵误差为何适合分类：正确解的概率越接近 0，−log y&lt;sub&gt;t&lt;/sub&gt; 就无限增大，自信却错误的回答会受到严厉的惩罚；而均方误差始终小于 1。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么不用识别精度作为指标？&lt;/b&gt;识别精度只有在某个回答翻转时才会改变，它的导数在几乎所有地方都是 0，无法指示参数更新的方向。而损失函数会随每个权重连续地变化。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gradient Lab</source>
        <translation>梯度实验室</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;MNIST data…</source>
        <translation>MNIST 数据(&amp;M)…</translation>
    </message>
    <message>
        <source>Where MNIST lives: download it, import a copy or use one found on this computer</source>
        <translation>MNIST 的位置：下载、导入副本，或使用在本机找到的副本</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Show or hide the lessons: a guided path through chapter 4</source>
        <translation>显示或隐藏课程：第 4 章的引导式学习路线</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>The folder of the log file, where unexpected errors are written</source>
        <translation>日志文件所在的文件夹，意外错误会写在那里</translation>
    </message>
    <message>
        <source>&amp;About Gradient Lab</source>
        <translation>关于梯度实验室(&amp;A)</translation>
    </message>
    <message>
        <source>The translation file %1 is missing, so the interface stays in English. Reinstall Gradient Lab to get it back.</source>
        <translation>缺少翻译文件 %1，因此界面保持英文。请重新安装梯度实验室以恢复中文界面。</translation>
    </message>
    <message>
        <source>The tab of this step is not available.</source>
        <translation>这一步所用的标签页不可用。</translation>
    </message>
    <message>
        <source>Play / pause (Descent; Training: start, pause, resume)</source>
        <translation>播放 / 暂停（梯度下降；训练：开始、暂停、继续）</translation>
    </message>
    <message>
        <source>One step (Descent); next step of the pass (Derivatives: computation graph); next iteration (Training → MNIST: One iteration)</source>
        <translation>单步（梯度下降）；传播的下一步（导数：计算图）；下一次迭代（训练 → MNIST：一次迭代）</translation>
    </message>
    <message>
        <source>Previous step of the pass (Derivatives: computation graph)</source>
        <translation>传播的上一步（导数：计算图）</translation>
    </message>
    <message>
        <source>The whole backward pass (Derivatives: computation graph)</source>
        <translation>整个反向传播（导数：计算图）</translation>
    </message>
    <message>
        <source>Reset (Descent; Derivatives: computation graph)</source>
        <translation>重置（梯度下降；导数：计算图）</translation>
    </message>
    <message>
        <source>Undo the last stroke (Draw)</source>
        <translation>撤销最后一笔（手写数字）</translation>
    </message>
    <message>
        <source>Move what the mouse drags while its plot has the focus (Tab to it): the chosen bar (Losses), the point (Derivatives, Gradient field), the start (Descent); with Shift, a tenth of a step</source>
        <translation>移动鼠标可拖动的对象（其图获得焦点时，按 Tab 切换到图）：选中的柱子（损失函数）、点（导数、梯度场）、起点（梯度下降）；按住 Shift 每次移动一步的十分之一</translation>
    </message>
    <message>
        <source>Move along the hidden units; switch one off or on (Draw, when the strip has the focus)</source>
        <translation>在隐藏单元之间移动；关闭或打开一个单元（手写数字，隐藏单元条获得焦点时）</translation>
    </message>
    <message>
        <source>Show or hide the lessons</source>
        <translation>显示或隐藏课程</translation>
    </message>
    <message>
        <source>Copy the experiment as a Python script (Losses, Derivatives, Gradient field, Descent)</source>
        <translation>把实验复制为 Python 脚本（损失函数、导数、梯度场、梯度下降）</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>本列表</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gradient Lab %1&lt;/h3&gt;&lt;p&gt;Study how neural networks learn: loss functions, numerical derivatives, gradients, gradient descent and live training, with the numbers of 《深度学习入门》 chapter 4 and the neural network basics lessons.&lt;/p&gt;&lt;p&gt;Built with Python, NumPy, PySide6 and pyqtgraph. Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度实验室 %1&lt;/h3&gt;&lt;p&gt;学习神经网络如何学习：损失函数、数值微分、梯度、梯度下降法和实时训练，数字与《深度学习入门》第 4 章及神经网络基础课程完全一致。&lt;/p&gt;&lt;p&gt;使用 Python、NumPy、PySide6 和 pyqtgraph 构建。基于 MIT 许可证的自由软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <source>About Gradient Lab</source>
        <translation>关于梯度实验室</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>∇f direction</source>
        <translation>∇f 方向</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>start (%1, %2), step %3</source>
        <translation>起点 (%1, %2)，第 %3 步</translation>
    </message>
    <message>
        <source>Click to start from that point; drag to pan, wheel to zoom. With the map focused (Tab), the arrow keys move the start, Shift+arrows by a tenth</source>
        <translation>点击以从该点出发；拖动平移，滚轮缩放。图获得焦点时（按 Tab），方向键移动起点，Shift+方向键每次移动十分之一</translation>
    </message>
    <message>
        <source>x0</source>
        <translation>x0</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>Contours of f and the descent</source>
        <translation>f 的等高线与下降过程</translation>
    </message>
</context>
<context>
    <name>MnistPanel</name>
    <message>
        <source>MNIST · two-layer net</source>
        <translation>MNIST · 两层神经网络</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度确认</translation>
    </message>
    <message>
        <source>One iteration</source>
        <translation>一次迭代</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失函数地形</translation>
    </message>
    <message>
        <source>Loss and accuracy while training</source>
        <translation>训练过程中的损失和识别精度</translation>
    </message>
    <message>
        <source>The first layer's weights as 28×28 pictures</source>
        <translation>第一层的权重，显示为 28×28 的图像</translation>
    </message>
    <message>
        <source>Confusion matrix and misclassified test digits</source>
        <translation>混淆矩阵和识别错误的测试数据</translation>
    </message>
    <message>
        <source>Backprop against the numerical gradient</source>
        <translation>误差反向传播法与数值微分求出的梯度的比较</translation>
    </message>
    <message>
        <source>One SGD iteration taken apart: mini-batch, gradient, update</source>
        <translation>拆开看一次 SGD 迭代：小批量、梯度、更新</translation>
    </message>
    <message>
        <source>The loss over a plane of weight space, with the path SGD took</source>
        <translation>权重空间中一个平面上的损失函数，以及 SGD 走过的路径</translation>
    </message>
    <message>
        <source>Stop training; the net so far is evaluated</source>
        <translation>停止训练；评估目前为止的网络</translation>
    </message>
    <message>
        <source>Finished: %1 iterations in %2 s.</source>
        <translation>完成：%1 次迭代，用时 %2 秒。</translation>
    </message>
    <message>
        <source>%1 of %2 iterations done.</source>
        <translation>已完成 %1 / %2 次迭代。</translation>
    </message>
    <message>
        <source>Trained in the Training tab (test accuracy %1)</source>
        <translation>在“训练”标签页训练（测试识别精度 %1）</translation>
    </message>
    <message>
        <source>Loaded in the Training tab: %1 (test accuracy %2)</source>
        <translation>在“训练”标签页加载：%1（测试识别精度 %2）</translation>
    </message>
</context>
<context>
    <name>ModelBox</name>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Write the weights to a .npz file (NumPy's format)</source>
        <translation>把权重写入 .npz 文件（NumPy 的格式）</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>加载模型…</translation>
    </message>
    <message>
        <source>Read a model saved before; the Draw tab can use it too</source>
        <translation>读取之前保存的模型；“绘制”标签页也可以使用它</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>NumPy model (*.npz)</source>
        <translation>NumPy 模型 (*.npz)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot load %1: the file does not exist.</source>
        <translation>无法加载 %1：文件不存在。</translation>
    </message>
    <message>
        <source>Cannot load this file: %1</source>
        <translation>无法加载此文件：%1</translation>
    </message>
    <message>
        <source>%1 is a %2-%3-%4 net, not one for MNIST (784 pixels in, 10 digits out).</source>
        <translation>%1 是 %2-%3-%4 的网络，不是用于 MNIST 的网络（输入 784 个像素，输出 10 个数字）。</translation>
    </message>
    <message>
        <source>Loaded %1: a 784-%2-10 net with %3.</source>
        <translation>已加载 %1：784-%2-10 的网络，激活函数 %3。</translation>
    </message>
</context>
<context>
    <name>NetBox</name>
    <message>
        <source>Two-layer net</source>
        <translation>两层神经网络</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Neurons in the hidden layer (the book uses 50)</source>
        <translation>隐藏层的神经元个数（书中为 50）</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Sigmoid: the chapter 4 net. ReLU: the chapter 5 net (learns faster here)</source>
        <translation>Sigmoid：第 4 章的网络。ReLU：第 5 章的网络（在这里学得更快）</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Step size η in W ← W − η·∂L/∂W (the book uses 0.1)</source>
        <translation>W ← W − η·∂L/∂W 中的步长 η（书中为 0.1）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Training images drawn at random for each step (the book uses 100)</source>
        <translation>每一步随机选取的训练数据张数（书中为 100）</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Mini-batch steps (the book uses 10,000 ≈ 16.7 epochs)</source>
        <translation>小批量学习的步数（书中为 10,000 ≈ 16.7 个 epoch）</translation>
    </message>
    <message>
        <source>Weight init std</source>
        <translation>权重初始化标准差</translation>
    </message>
    <message>
        <source>Weights start as N(0, std²), biases as 0 (the book uses 0.01)</source>
        <translation>权重初始值服从 N(0, std²)，偏置为 0（书中为 0.01）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Random seed of the starting weights and the mini-batches: the same seed gives the same run</source>
        <translation>初始权重和小批量选取的随机种子：相同的种子得到相同的训练过程</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Backpropagation (chapter 5), or the numerical gradient of chapter 4: the book's slow way</source>
        <translation>误差反向传播法（第 5 章），或第 4 章的数值微分：书中的慢方法</translation>
    </message>
    <message>
        <source>sigmoid (chapter 4)</source>
        <translation>sigmoid（第 4 章）</translation>
    </message>
    <message>
        <source>ReLU (chapter 5)</source>
        <translation>ReLU（第 5 章）</translation>
    </message>
    <message>
        <source>identity (linear)</source>
        <translation>恒等函数（线性）</translation>
    </message>
    <message>
        <source>With h(a) = a the two layers collapse into one: x·W1·W2 + b1·W2 + b2 = x·W + b, a linear classifier. It ends near 0.92 test accuracy, far below ReLU's 0.97: the non-linearity is what the hidden layer is for.</source>
        <translation>用 h(a) = a 时两层合并成一层：x·W1·W2 + b1·W2 + b2 = x·W + b，一个线性分类器。测试准确率最终约为 0.92，远低于 ReLU 的 0.97：隐藏层的意义就在于非线性。</translation>
    </message>
    <message>
        <source>backpropagation</source>
        <translation>误差反向传播法</translation>
    </message>
    <message>
        <source>numerical (slow)</source>
        <translation>数值微分（慢）</translation>
    </message>
    <message>
        <source>Book's settings (chapter 4)</source>
        <translation>书中的设置（第 4 章）</translation>
    </message>
    <message>
        <source>Chapter 4's train_neuralnet.py: the sigmoid net, 50 hidden neurons, η = 0.1, batch 100, 10,000 iterations, std 0.01 — it ends near 0.946 test accuracy (choose ReLU for chapter 5's 0.970)</source>
        <translation>第 4 章的 train_neuralnet.py：sigmoid 网络，50 个隐藏神经元，η = 0.1，批大小 100，10,000 次迭代，标准差 0.01 —— 最终测试精度约 0.946（选择 ReLU 可得第 5 章的 0.970）</translation>
    </message>
    <message>
        <source>Start trains two copies of the net on the same %1 mini-batches of %2 images (at most %3 × %4): one with the numerical gradient — 2 loss evaluations per weight, %5 for this net — and one with backprop. Expected time: about %6 (%7 per numerical gradient here).</source>
        <translation>“开始”会用相同的 %1 个小批量（每个 %2 张图像，最多 %3 × %4）训练网络的两个副本：一个用数值微分 —— 每个权重计算 2 次损失，这个网络共 %5 次 —— 另一个用误差反向传播法。预计用时：约 %6（在这台计算机上每次数值微分约 %7）。</translation>
    </message>
</context>
<context>
    <name>OutputBars</name>
    <message>
        <source>class k</source>
        <translation>类别 k</translation>
    </message>
    <message>
        <source>y_k</source>
        <translation>y_k</translation>
    </message>
    <message>
        <source>Output y = softmax(a)</source>
        <translation>输出 y = softmax(a)</translation>
    </message>
    <message>
        <source>score a_k</source>
        <translation>得分 a_k</translation>
    </message>
    <message>
        <source>Scores a: drag a bar</source>
        <translation>得分 a：拖动柱子</translation>
    </message>
    <message>
        <source>probability y_k</source>
        <translation>概率 y_k</translation>
    </message>
    <message>
        <source>Output y: drag a bar up or down</source>
        <translation>输出 y：上下拖动柱子</translation>
    </message>
    <message>
        <source>bar %1: score a_%1 = %2, y_%1 = %3; correct class %4</source>
        <translation>第 %1 个柱：得分 a_%1 = %2，y_%1 = %3；正确解类别 %4</translation>
    </message>
    <message>
        <source>bar %1: y_%1 = %2; correct class %3</source>
        <translation>第 %1 个柱：y_%1 = %2；正确解类别 %3</translation>
    </message>
    <message>
        <source>Drag a bar up or down, or click the plot and use the keys: ←/→ choose a bar, ↑/↓ change it, Shift+↑/↓ by a tenth</source>
        <translation>上下拖动柱子，或点击图后用按键：←/→ 选择柱子，↑/↓ 改变它的值，Shift+↑/↓ 每次改变十分之一</translation>
    </message>
</context>
<context>
    <name>OwnPage</name>
    <message>
        <source>Open image…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>Choose a PNG or JPEG picture to classify</source>
        <translation>选择要分类的 PNG 或 JPEG 图片</translation>
    </message>
    <message>
        <source>…or drop a picture file here. It is resized to 64×64 pixels, like the training pictures, and given to the trained model.</source>
        <translation>…或者把图片文件拖放到这里。图片会像训练图片一样缩放为 64×64 像素，再交给训练好的模型。</translation>
    </message>
    <message>
        <source>your picture</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <source>what the model sees (64×64)</source>
        <translation>模型看到的图片（64×64）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your own picture&lt;/h3&gt;&lt;p&gt;The picture is squeezed to 64×64 pixels (as in the lessons), flattened to 12,288 values / 255 and put through ŷ = σ(w·x + b).&lt;/p&gt;&lt;p&gt;Expect mistakes: the model was trained on 209 small pictures and reaches 70 % on new ones.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;你自己的图片&lt;/h3&gt;&lt;p&gt;图片被压缩为 64×64 像素（与课程相同），展平为 12,288 个值并除以 255，再代入 ŷ = σ(w·x + b)。&lt;/p&gt;&lt;p&gt;出错是正常的：模型只用 209 张小图片训练过，在新图片上的准确率为 70 %。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Picture to classify</source>
        <translation>要分类的图片</translation>
    </message>
    <message>
        <source>Pictures (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>Cannot read %1 as a picture: %2</source>
        <translation>无法将 %1 读取为图片：%2</translation>
    </message>
    <message>
        <source>Drop a picture here</source>
        <translation>把图片拖放到这里</translation>
    </message>
    <message>
        <source>Train the model first (Start on the left), then the picture is classified.</source>
        <translation>请先训练模型（左侧的“开始”），然后才会对图片进行分类。</translation>
    </message>
    <message>
        <source>The model says: %1</source>
        <translation>模型预测：%1</translation>
    </message>
    <message>
        <source>%1: ŷ = P(cat) = %2 (cat when ŷ &gt; 0.5)</source>
        <translation>%1：ŷ = P(猫) = %2（ŷ &gt; 0.5 时为猫）</translation>
    </message>
</context>
<context>
    <name>PartialsPage</name>
    <message>
        <source>point (%1, %2): ∂f/∂x0 = %3, ∂f/∂x1 = %4</source>
        <translation>点 (%1, %2)：∂f/∂x0 = %3，∂f/∂x1 = %4</translation>
    </message>
    <message>
        <source>%1 = %2 fixed: slope %3</source>
        <translation>固定 %1 = %2：斜率 %3</translation>
    </message>
    <message>
        <source>f(x0, x1)</source>
        <translation>f(x0, x1)</translation>
    </message>
    <message>
        <source>f along %1</source>
        <translation>沿 %1 的 f</translation>
    </message>
    <message>
        <source>tangent</source>
        <translation>切线</translation>
    </message>
    <message>
        <source>f(x0, x1) = x0² + x1²</source>
        <translation>f(x0, x1) = x0² + x1²</translation>
    </message>
    <message>
        <source>x0</source>
        <translation>x0</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>The point's x0; you can also drag the point on the map</source>
        <translation>该点的 x0；也可以在图上拖动该点</translation>
    </message>
    <message>
        <source>The point's x1; you can also drag the point on the map</source>
        <translation>该点的 x1；也可以在图上拖动该点</translation>
    </message>
    <message>
        <source>The book's point (3, 4)</source>
        <translation>书中的点 (3, 4)</translation>
    </message>
    <message>
        <source>Back to x0 = 3, x1 = 4</source>
        <translation>回到 x0 = 3, x1 = 4</translation>
    </message>
    <message>
        <source>Partial derivatives (central difference)</source>
        <translation>偏导数（中心差分）</translation>
    </message>
    <message>
        <source>∂f/∂x0 (x1 fixed)</source>
        <translation>∂f/∂x0（x1 固定）</translation>
    </message>
    <message>
        <source>exact 2·x0</source>
        <translation>精确值 2·x0</translation>
    </message>
    <message>
        <source>∂f/∂x1 (x0 fixed)</source>
        <translation>∂f/∂x1（x0 固定）</translation>
    </message>
    <message>
        <source>exact 2·x1</source>
        <translation>精确值 2·x1</translation>
    </message>
    <message>
        <source>f(x0, x1): drag the point</source>
        <translation>f(x0, x1)：拖动该点</translation>
    </message>
    <message>
        <source>Drag me: both slices follow</source>
        <translation>拖动我：两个切面随之移动</translation>
    </message>
    <message>
        <source>Drag the point; with the map focused (Tab), the arrow keys move it by 0.1, Shift+arrows by 0.01</source>
        <translation>拖动该点；图获得焦点时（按 Tab），方向键每次移动 0.1，Shift+方向键每次移动 0.01</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Partial derivatives&lt;/h3&gt;&lt;p&gt;f(x0, x1) = x0² + x1² has two variables. A &lt;b&gt;partial derivative&lt;/b&gt; is the ordinary derivative along one of them while the other is held fixed.&lt;/p&gt;&lt;p&gt;∂f/∂x0 at (3, 4): fix x1 = 4, so f becomes a function of x0 alone, x0² + 16 (the orange slice across the map). Its slope at x0 = 3 is 6.00000000000378 by the central difference (exactly 6).&lt;/p&gt;&lt;p&gt;∂f/∂x1 at (3, 4): fix x0 = 3, f = 9 + x1² (the purple slice). Its slope at x1 = 4 is 7.999999999999119 (exactly 8).&lt;/p&gt;&lt;p&gt;Both together form the &lt;b&gt;gradient&lt;/b&gt; (∂f/∂x0, ∂f/∂x1) = (6, 8): the subject of the next tab.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;偏导数&lt;/h3&gt;&lt;p&gt;f(x0, x1) = x0² + x1² 有两个变量。&lt;b&gt;偏导数&lt;/b&gt;就是固定其中一个变量，对另一个变量求普通的导数。&lt;/p&gt;&lt;p&gt;(3, 4) 处的 ∂f/∂x0：固定 x1 = 4，f 就成了只含 x0 的函数 x0² + 16（图上橙色的切面）。用中心差分求得它在 x0 = 3 处的斜率为 6.00000000000378（精确值为 6）。&lt;/p&gt;&lt;p&gt;(3, 4) 处的 ∂f/∂x1：固定 x0 = 3，f = 9 + x1²（紫色的切面）。它在 x1 = 4 处的斜率为 7.999999999999119（精确值为 8）。&lt;/p&gt;&lt;p&gt;两者合在一起就是&lt;b&gt;梯度&lt;/b&gt; (∂f/∂x0, ∂f/∂x1) = (6, 8)：下一个选项卡的主题。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Entire Scene</source>
        <translation>整个画面</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>ViewBox</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>(x,y) per plot</source>
        <translation>每条曲线各一组 (x,y)</translation>
    </message>
    <message>
        <source>(x,y,y,y) for all plots</source>
        <translation>所有曲线共用一列 x (x,y,y,y)</translation>
    </message>
</context>
<context>
    <name>PointReadout</name>
    <message>
        <source>Gradient at a point</source>
        <translation>某一点的梯度</translation>
    </message>
    <message>
        <source>x = (x0, x1)</source>
        <translation>x = (x0, x1)</translation>
    </message>
    <message>
        <source>x0 of the point (or click the plot)</source>
        <translation>该点的 x0（或点击图）</translation>
    </message>
    <message>
        <source>x1 of the point (or click the plot)</source>
        <translation>该点的 x1（或点击图）</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>∇f numerical</source>
        <translation>∇f 数值梯度</translation>
    </message>
    <message>
        <source>∇f analytic</source>
        <translation>∇f 解析梯度</translation>
    </message>
    <message>
        <source>numerical_gradient(f, x) with h = 1e-4: central differences (f(x + h) − f(x − h)) / 2h</source>
        <translation>numerical_gradient(f, x)，h = 1e-4：中心差分 (f(x + h) − f(x − h)) / 2h</translation>
    </message>
    <message>
        <source>The gradient from the formula's derivatives</source>
        <translation>由公式的导数求出的梯度</translation>
    </message>
    <message>
        <source>Click the plot to pick a point.</source>
        <translation>点击图选择一个点。</translation>
    </message>
    <message>
        <source>f(%1, %2)</source>
        <translation>f(%1, %2)</translation>
    </message>
    <message>
        <source>none for a typed function: the numerical gradient only</source>
        <translation>输入的函数没有解析梯度：只有数值梯度</translation>
    </message>
    <message>
        <source>f overflows near this point: the gradient is not a finite number.</source>
        <translation>f 在这个点附近溢出：梯度不是有限数。</translation>
    </message>
    <message>
        <source>∇f = 0 here (|∇f| = %1 is the numerical gradient's own error): no direction is downhill — a flat spot: minimum, maximum or saddle.</source>
        <translation>这里 ∇f = 0（|∇f| = %1 只是数值梯度本身的误差）：没有下坡的方向 —— 这是一个平坦点：极小值、极大值或鞍点。</translation>
    </message>
    <message>
        <source>−∇f here points %1° away from the straight line to the minimum.</source>
        <translation>这里的 −∇f 与指向最小值的直线相差 %1°。</translation>
    </message>
</context>
<context>
    <name>RateProgress</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 / %2 weights</source>
        <translation>%1 / %2 个权重</translation>
    </message>
    <message>
        <source>%1 / %2 iterations</source>
        <translation>%1 / %2 次迭代</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 weights/s</source>
        <translation>%1 个权重/秒</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 次迭代/秒</translation>
    </message>
    <message>
        <source>%1 s/it</source>
        <translation>%1 秒/次迭代</translation>
    </message>
</context>
<context>
    <name>RatesPage</name>
    <message>
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rates to compare, separated by commas (Enter runs)</source>
        <translation>要比较的学习率，用逗号分隔（按回车运行）</translation>
    </message>
    <message>
        <source>The learning rates compared</source>
        <translation>各学习率的比较</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Iterations per learning rate (the lessons' plot uses 1,500)</source>
        <translation>每个学习率的迭代次数（课程中的图取 1,500）</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Train one model per learning rate, from w = 0, and draw their costs together</source>
        <translation>每个学习率各训练一个模型（从 w = 0 开始），并把它们的代价画在一起</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the comparison</source>
        <translation>停止比较</translation>
    </message>
    <message>
        <source>Iterations done over all learning rates</source>
        <translation>所有学习率合计已完成的迭代次数</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>cost J</source>
        <translation>代价 J</translation>
    </message>
    <message>
        <source>Cost for different learning rates</source>
        <translation>不同学习率下的代价</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>last cost</source>
        <translation>最终代价</translation>
    </message>
    <message>
        <source>train accuracy %</source>
        <translation>训练准确率 %</translation>
    </message>
    <message>
        <source>test accuracy %</source>
        <translation>测试准确率 %</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The learning rate&lt;/h3&gt;&lt;p&gt;η is a hyperparameter: chosen by hand, not learned.&lt;/p&gt;&lt;p&gt;Too large and the cost jumps about (or even grows); too small and it falls so slowly that 1,500 iterations are not enough.&lt;/p&gt;&lt;p&gt;The lessons compare η = 0.01, 0.001 and 0.0001. The fastest fall in the training cost does not promise the best test accuracy.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;学习率&lt;/h3&gt;&lt;p&gt;η 是超参数：需要人工设定，而不是通过学习得到。&lt;/p&gt;&lt;p&gt;太大时代价会来回跳动（甚至增大）；太小时代价下降得太慢，1,500 次迭代都不够。&lt;/p&gt;&lt;p&gt;课程比较了 η = 0.01、0.001 和 0.0001。训练代价下降得最快，并不能保证测试准确率最高。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>diverged at iteration %1</source>
        <translation>在第 %1 次迭代时发散</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>比较失败：%1</translation>
    </message>
    <message>
        <source>“%1” is not a number: enter learning rates like 0.01, 0.001, 0.0001</source>
        <translation>“%1”不是数：请按 0.01, 0.001, 0.0001 的格式输入学习率</translation>
    </message>
    <message>
        <source>“%1” is not a positive learning rate</source>
        <translation>“%1”不是正的学习率</translation>
    </message>
    <message>
        <source>At most %1 learning rates at once</source>
        <translation>一次最多 %1 个学习率</translation>
    </message>
    <message>
        <source>Enter learning rates separated by commas, e.g. 0.01, 0.001, 0.0001</source>
        <translation>请输入用逗号分隔的学习率，例如 0.01, 0.001, 0.0001</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Confusion matrix (test set)</source>
        <translation>混淆矩阵（测试数据）</translation>
    </message>
    <message>
        <source>Rows: the true digit · columns: the net's answer</source>
        <translation>行：真实数字 · 列：网络的回答</translation>
    </message>
    <message>
        <source>Misclassified test digits, most confident first</source>
        <translation>识别错误的测试数据，最有把握的错误排在前面</translation>
    </message>
    <message>
        <source>Caption: true digit → the net's answer, and how sure it was</source>
        <translation>说明：真实数字 → 网络的回答，以及它有多确定</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Where the net goes wrong&lt;/h3&gt;&lt;p&gt;C[i, j] counts the test images of digit i that the net calls j. The diagonal holds the right answers; large numbers off it show which digits look alike to the net (4 and 9, 3 and 5, 7 and 2).&lt;/p&gt;&lt;p&gt;Accuracy = trace(C) / 10,000.&lt;/p&gt;&lt;p&gt;Many misclassified digits are hard for people too.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;网络在哪里出错&lt;/h3&gt;&lt;p&gt;C[i, j] 是数字 i 的测试图像被网络判断为 j 的张数。对角线上是正确的回答；对角线外的大数字说明哪些数字在网络看来很像（4 和 9、3 和 5、7 和 2）。&lt;/p&gt;&lt;p&gt;识别精度 = trace(C) / 10,000。&lt;/p&gt;&lt;p&gt;很多识别错误的数字连人也很难认。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train the net (Start) or load a model to see where it goes wrong.</source>
        <translation>训练网络（开始）或加载模型，查看它在哪里出错。</translation>
    </message>
    <message>
        <source>%1 of %2 test images right (accuracy %3), %4 wrong; the %5 the net was surest about are shown.</source>
        <translation>%1 / %2 张测试图像正确（识别精度 %3），%4 张错误；下面显示网络最有把握的 %5 张。</translation>
    </message>
    <message>
        <source>%1 test images of a %2 classified as %3</source>
        <translation>%1 张数字 %2 的测试图像被判断为 %3</translation>
    </message>
    <message>
        <source>Test image %1: a %2; the net says %3 (%4 sure)</source>
        <translation>测试图像 %1：是 %2；网络认为是 %3（确信度 %4）</translation>
    </message>
    <message>
        <source>The learned weights w</source>
        <translation>学到的权重 w</translation>
    </message>
    <message>
        <source>The 12,288 weights reshaped to 64×64×3 and stretched from the smallest (dark) to the largest (bright). Bright pixels push the answer toward “cat”.</source>
        <translation>把 12,288 个权重变形为 64×64×3，并从最小值（暗）到最大值（亮）拉伸显示。亮的像素会把答案推向“猫”。</translation>
    </message>
    <message>
        <source>w as a picture (shown 3× larger)</source>
        <translation>以图片显示的 w（放大 3 倍）</translation>
    </message>
    <message>
        <source>Test pictures with the prediction and ŷ = P(cat); wrong ones are framed</source>
        <translation>测试图片及其预测结果和 ŷ = P(猫)；预测错误的图片带边框</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Overfitting&lt;/h3&gt;&lt;p&gt;With the lessons' settings the model gets 99 % of the training pictures right but only 70 % of the test pictures.&lt;/p&gt;&lt;p&gt;It has 12,289 parameters and only 209 examples: it learns the training pictures almost by heart instead of what makes a cat. More data, regularisation or stopping earlier help; a single neuron is also simply a weak model for pictures.&lt;/p&gt;&lt;p&gt;A prediction is “cat” when ŷ &gt; 0.5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;过拟合&lt;/h3&gt;&lt;p&gt;使用课程中的设置，模型在训练图片上的准确率为 99 %，在测试图片上却只有 70 %。&lt;/p&gt;&lt;p&gt;模型有 12,289 个参数，而样本只有 209 个：它几乎是把训练图片死记硬背了下来，而没有学到猫的本质特征。增加数据、正则化或提前停止训练都有帮助；此外，单个神经元对于图片来说本身就是一个很弱的模型。&lt;/p&gt;&lt;p&gt;当 ŷ &gt; 0.5 时，预测为“猫”。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train the model (Start) to see its answers on the test pictures.</source>
        <translation>请先训练模型（开始），才能看到它对测试图片的回答。</translation>
    </message>
    <message>
        <source>Test picture %1: it is a %2; the model says %3 (ŷ = P(cat) = %4)</source>
        <translation>测试图片 %1：实际是%2；模型预测为%3（ŷ = P(猫) = %4）</translation>
    </message>
    <message>
        <source>Test pictures: %1 of %2 right, %3 wrong (framed, ✗).</source>
        <translation>测试图片：%2 张中 %1 张正确，%3 张错误（带边框，✗）。</translation>
    </message>
</context>
<context>
    <name>RunBox</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Iterations done, speed and time left</source>
        <translation>已完成的迭代次数、速度和剩余时间</translation>
    </message>
    <message>
        <source>The time one gradient took each way (numerical: the mean; backprop: the median) and how far the two gradients were apart</source>
        <translation>两种方法每次求梯度的时间（数值微分取平均值，误差反向传播法取中位数），以及两个梯度相差多少</translation>
    </message>
    <message>
        <source>Accuracy on the full training set (60,000 images) and test set (10,000 images)</source>
        <translation>在全部训练数据（60,000 张）和测试数据（10,000 张）上的识别精度</translation>
    </message>
    <message>
        <source>Numerical gradient of iteration %1 of %2…</source>
        <translation>正在计算第 %1 / %2 次迭代的数值微分…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>Paused at iteration %1.</source>
        <translation>已在第 %1 次迭代时暂停。</translation>
    </message>
    <message>
        <source>Stepped %1 of %2 iterations: Start (Space) trains on from here.</source>
        <translation>已单步走了 %1 次迭代（共 %2 次）：按开始（空格）从这里接着训练。</translation>
    </message>
    <message>
        <source>The net learned nothing: test accuracy %1, where guessing gives 0.10. The learning rate %2 is probably too large (with ReLU, large steps can switch every hidden neuron off for good). Try %3; the book uses 0.1.</source>
        <translation>网络什么也没学到：测试识别精度 %1，而随机猜测也有 0.10。学习率 %2 可能太大了（使用 ReLU 时，过大的步长可能让所有隐藏层神经元永远不再激活）。试试 %3；书中用 0.1。</translation>
    </message>
    <message>
        <source>Stopped at iteration %1.</source>
        <translation>已停止在第 %1 次迭代。</translation>
    </message>
    <message>
        <source>Stopped at iteration %1: the data set changed.</source>
        <translation>已停止在第 %1 次迭代：数据集已更换。</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Get MNIST first.</source>
        <translation>请先获取 MNIST。</translation>
    </message>
    <message>
        <source>Reading MNIST…</source>
        <translation>正在读取 MNIST…</translation>
    </message>
    <message>
        <source>Ready: press Start (Space).</source>
        <translation>就绪：按“开始”（空格键）。</translation>
    </message>
    <message>
        <source>the loss became %1</source>
        <translation>损失变成了 %1</translation>
    </message>
    <message>
        <source>the mean loss rose to %1 (a net that guesses at random has 2.30)</source>
        <translation>平均损失升到了 %1（随机猜测的网络为 2.30）</translation>
    </message>
    <message>
        <source>Stopped at iteration %1: %2. The learning rate %3 is too large: each step overshoots, the weights grow out of range and the net ends up sure of wrong answers. Try %4 (ten times smaller); the book uses 0.1.</source>
        <translation>已停止在第 %1 次迭代：%2。学习率 %3 太大了：每一步都走过头，权重变得过大，网络对错误的答案非常确定。试试 %4（小十倍）；书中用 0.1。</translation>
    </message>
    <message>
        <source>The two ways gave the same gradient and the same learning, but the numerical one was %1× slower: that is why chapter 5's backpropagation is used.</source>
        <translation>两种方法得到相同的梯度、相同的学习过程，但数值微分慢 %1 倍：这就是要使用第 5 章的误差反向传播法的原因。</translation>
    </message>
    <message>
        <source>Numerical %1 per gradient · backprop %2 · relative difference %3</source>
        <translation>数值微分每次 %1 · 误差反向传播法 %2 · 相对差 %3</translation>
    </message>
    <message>
        <source>Train accuracy %1 · test accuracy %2</source>
        <translation>训练识别精度 %1 · 测试识别精度 %2</translation>
    </message>
    <message>
        <source>after %1 iterations (%2 epochs) in %3 s</source>
        <translation>（%1 次迭代，%2 个 epoch，用时 %3 秒）</translation>
    </message>
    <message>
        <source>(stopped at iteration %1)</source>
        <translation>（停止在第 %1 次迭代）</translation>
    </message>
    <message>
        <source>(loaded model)</source>
        <translation>（加载的模型）</translation>
    </message>
    <message>
        <source>Epoch %1: train %2 · test %3</source>
        <translation>Epoch %1：训练 %2 · 测试 %3</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Continue training (Space)</source>
        <translation>继续训练（空格键）</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>暂停训练（空格键）</translation>
    </message>
</context>
<context>
    <name>ScriptActions</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy as Python</source>
        <translation>复制为 Python 脚本(&amp;C)</translation>
    </message>
    <message>
        <source>Copy a short NumPy script that reproduces this tab's experiment and prints the same numbers</source>
        <translation>复制一个简短的 NumPy 脚本：它重现本页的实验，并打印同样的数字</translation>
    </message>
    <message>
        <source>&amp;Save as Python…</source>
        <translation>另存为 Python 脚本(&amp;S)…</translation>
    </message>
    <message>
        <source>Save a short NumPy script that reproduces this tab's experiment as a .py file</source>
        <translation>把重现本页实验的简短 NumPy 脚本保存为 .py 文件</translation>
    </message>
    <message>
        <source>Could not write a script for this tab: %1</source>
        <translation>无法为本页生成脚本：%1</translation>
    </message>
    <message>
        <source>This tab has no Python script yet.</source>
        <translation>本页还没有 Python 脚本。</translation>
    </message>
    <message>
        <source>Copied a Python script of this experiment (%1 lines) — paste it into a file and run it with python</source>
        <translation>已复制本实验的 Python 脚本（%1 行）——粘贴到文件中，用 python 运行</translation>
    </message>
    <message>
        <source>Save as Python</source>
        <translation>另存为 Python 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Choose another folder, or check that you may write there.</source>
        <translation>无法保存 %1：%2。请选择其他文件夹，或检查你是否有权在那里写入。</translation>
    </message>
    <message>
        <source>Saved the Python script to %1 — run it with python</source>
        <translation>已将 Python 脚本保存到 %1——用 python 运行它</translation>
    </message>
</context>
<context>
    <name>SettingsBox</name>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降法</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Record cost every</source>
        <translation>代价记录间隔</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Regularisation λ</source>
        <translation>正则化 λ</translation>
    </message>
    <message>
        <source>L2 regularisation: cost + λ/2m·‖w‖², dw + λw/m (0 = none, as in the lessons' first run); a larger λ keeps w small and narrows the gap — try 50</source>
        <translation>L2 正则化：代价 + λ/2m·‖w‖²，dw + λw/m（0 = 不用，与课程第一次运行相同）；λ 越大 w 越小，差距越窄——试试 50</translation>
    </message>
    <message>
        <source>zeros (lessons)</source>
        <translation>全零（同课程）</translation>
    </message>
    <message>
        <source>small random w</source>
        <translation>较小的随机 w</translation>
    </message>
    <message>
        <source>Step size η in w ← w − η·dw (the lessons use 0.005)</source>
        <translation>w ← w − η·dw 中的步长 η（课程中取 0.005）</translation>
    </message>
    <message>
        <source>How many full-batch gradient-descent steps (the lessons use 2,000)</source>
        <translation>用全部训练数据做梯度下降的步数（课程中取 2,000）</translation>
    </message>
    <message>
        <source>Keep and print the cost every N iterations (the lessons use 100)</source>
        <translation>每 N 次迭代记录并打印一次代价（课程中取 100）</translation>
    </message>
    <message>
        <source>Start from zeros as the lessons do, or from small random weights N(0, 0.01²)</source>
        <translation>像课程一样从全零开始，或者从较小的随机权重 N(0, 0.01²) 开始</translation>
    </message>
    <message>
        <source>Seed of the random starting weights (only for random start)</source>
        <translation>随机初始权重的种子（仅用于随机初始化）</translation>
    </message>
    <message>
        <source>Lessons' settings</source>
        <translation>课程中的设置</translation>
    </message>
    <message>
        <source>η = 0.005, 2,000 iterations, cost every 100, w = 0, λ = 0</source>
        <translation>η = 0.005，2,000 次迭代，每 100 次记录代价，w = 0，λ = 0</translation>
    </message>
</context>
<context>
    <name>SimpleNetControls</name>
    <message>
        <source>Nudge %1 by h</source>
        <translation>把 %1 微调 h</translation>
    </message>
    <message>
        <source>Drag %1</source>
        <translation>拖动 %1</translation>
    </message>
    <message>
        <source>Choose a weight (a cell of W or of ∂L/∂W), then nudge it: L changes by about ∂L/∂w · h.</source>
        <translation>选择一个权重（W 或 ∂L/∂W 的一个格子），然后微调它：L 约变化 ∂L/∂w · h。</translation>
    </message>
    <message>
        <source>ΔL/%2 is ∂L/∂%1 up to an error of order %2: the straight line ∂L/∂%1 · %2 predicts ΔL well only for a small step.</source>
        <translation>ΔL/%2 等于 ∂L/∂%1，误差在 %2 的量级：直线 ∂L/∂%1 · %2 只在步长很小时才能准确预测 ΔL。</translation>
    </message>
    <message>
        <source>simpleNet (the book's §4.4.2)</source>
        <translation>simpleNet（书中 4.4.2 节）</translation>
    </message>
    <message>
        <source>Weights W (2×3; at the shown step)</source>
        <translation>权重 W（2×3；当前显示的步）</translation>
    </message>
    <message>
        <source>%1: type a weight and the net starts again from these weights (step 0)</source>
        <translation>%1：输入一个权重，网络从这些权重重新开始（第 0 步）</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Correct class t</source>
        <translation>正确类别 t</translation>
    </message>
    <message>
        <source>t = %1: the one-hot label with a 1 at class %1</source>
        <translation>t = %1：类别 %1 处为 1 的 one-hot 标签</translation>
    </message>
    <message>
        <source>The input x = (x1, x2); the book's is (0.6, 0.9)</source>
        <translation>输入 x = (x1, x2)；书中为 (0.6, 0.9)</translation>
    </message>
    <message>
        <source>The book's values</source>
        <translation>书中的数值</translation>
    </message>
    <message>
        <source>W, x = (0.6, 0.9) and t = 2 as printed in the book, h = 1e-4, η = 0.1, step 0</source>
        <translation>书中印出的 W、x = (0.6, 0.9) 和 t = 2，h = 1e-4，η = 0.1，第 0 步</translation>
    </message>
    <message>
        <source>Gradient and step</source>
        <translation>梯度与更新</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>How far each step W ← W − η∂L/∂W goes</source>
        <translation>每一步 W ← W − η∂L/∂W 走多远</translation>
    </message>
    <message>
        <source>h (numerical)</source>
        <translation>h（数值微分）</translation>
    </message>
    <message>
        <source>The h of the numerical gradient (L(w + h) − L(w − h)) / 2h and of the nudge</source>
        <translation>数值梯度 (L(w + h) − L(w − h)) / 2h 与微调所用的 h</translation>
    </message>
    <message>
        <source>Nudge one weight</source>
        <translation>微调一个权重</translation>
    </message>
    <message>
        <source>Add h to the chosen weight alone and see how much L changes</source>
        <translation>只给选中的权重加上 h，看 L 变化多少</translation>
    </message>
    <message>
        <source>Drag the chosen weight alone by Δw between −1 and 1 (W itself stays): the farther, the more ΔL/Δw departs from ∂L/∂w</source>
        <translation>只把选中的权重拖动 Δw（−1 到 1 之间，W 本身不变）：拖得越远，ΔL/Δw 偏离 ∂L/∂w 越多</translation>
    </message>
</context>
<context>
    <name>SimpleNetPage</name>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>no guard</source>
        <translation>无保护项</translation>
    </message>
    <message>
        <source>∂L/∂%1 = %2 is negative: raising %1 by h lowers L by about %3·h — &lt;b&gt;raise %1 to lower L&lt;/b&gt;.</source>
        <translation>∂L/∂%1 = %2 为负：把 %1 增大 h，L 约减小 %3·h —— &lt;b&gt;增大 %1 可以减小 L&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>∂L/∂%1 = %2 is positive: raising %1 by h raises L by about %3·h — &lt;b&gt;lower %1 to lower L&lt;/b&gt;.</source>
        <translation>∂L/∂%1 = %2 为正：把 %1 增大 h，L 约增大 %3·h —— &lt;b&gt;减小 %1 可以减小 L&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>∂L/∂%1 = 0: a small change of %1 leaves L as it is.</source>
        <translation>∂L/∂%1 = 0：%1 的微小变化不会改变 L。</translation>
    </message>
    <message>
        <source>Step %1: L = %2, answer %3</source>
        <translation>第 %1 步：L = %2，答案 %3</translation>
    </message>
    <message>
        <source>The answer became %1 at step %2.</source>
        <translation>答案在第 %2 步变为 %1。</translation>
    </message>
    <message>
        <source>The last step (%1) is reached.</source>
        <translation>已到最后一步（%1）。</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Stop stepping here (key Space)</source>
        <translation>在这里停止（按键 空格）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Take step after step, about 8 a second (key Space)</source>
        <translation>一步接一步地更新，每秒约 8 步（按键 空格）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The same update rule as the f(x0, x1) page:&lt;/b&gt; there x ← x − η∇f(x) moves 2 coordinates; here &lt;b&gt;W ← W − η ∂L/∂W&lt;/b&gt; moves the 6 weights of a net, and the function going downhill is its loss L.</source>
        <translation>&lt;b&gt;与 f(x0, x1) 页相同的更新规则：&lt;/b&gt;那里 x ← x − η∇f(x) 移动 2 个坐标；这里 &lt;b&gt;W ← W − η ∂L/∂W&lt;/b&gt; 移动神经网络的 6 个权重，往下走的函数是它的损失函数 L。</translation>
    </message>
    <message>
        <source>Forward: x → p → y → L</source>
        <translation>前向：x → p → y → L</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>y = softmax(p): green is the correct class t, the outlined bar the answer</source>
        <translation>y = softmax(p)：绿色是正确类别 t，带边框的柱是网络的答案</translation>
    </message>
    <message>
        <source>The gradient ∂L/∂W (↑ the step raises the weight, ↓ lowers it)</source>
        <translation>梯度 ∂L/∂W（↑ 这一步增大该权重，↓ 减小它）</translation>
    </message>
    <message>
        <source>Analytic: x ⊗ (y − t)</source>
        <translation>解析梯度：x ⊗ (y − t)</translation>
    </message>
    <message>
        <source>Numerical: central difference with h</source>
        <translation>数值梯度：步长 h 的中心差分</translation>
    </message>
    <message>
        <source>Numerical − analytic (the 1e-7 guard in the loss shows here)</source>
        <translation>数值 − 解析（损失函数中 1e-7 的保护项体现在这里）</translation>
    </message>
    <message>
        <source>∂L/∂%1; click to choose %1</source>
        <translation>∂L/∂%1；点击选择 %1</translation>
    </message>
    <message>
        <source>Step →</source>
        <translation>单步 →</translation>
    </message>
    <message>
        <source>One update W ← W − η∂L/∂W (key →)</source>
        <translation>更新一次 W ← W − η∂L/∂W（按键 →）</translation>
    </message>
    <message>
        <source>Reset (R)</source>
        <translation>重置 (R)</translation>
    </message>
    <message>
        <source>Back to the start weights, step 0 (key R)</source>
        <translation>回到起始权重，第 0 步（按键 R）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>L after each step</source>
        <translation>每一步之后的 L</translation>
    </message>
    <message>
        <source>The loss after each step; red dots: steps where the answer is wrong</source>
        <translation>每一步之后的损失；红点：答案错误的步</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The gradient of a network&lt;/h3&gt;&lt;p&gt;The book's simpleNet has one weight matrix W (2×3), no bias: &lt;b&gt;p = x·W&lt;/b&gt;, &lt;b&gt;y = softmax(p)&lt;/b&gt;, and the loss is the cross-entropy error &lt;b&gt;L = −log(y&lt;sub&gt;t&lt;/sub&gt; + 1e-7)&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;L is a function of the 6 weights, so it has a gradient: &lt;b&gt;∂L/∂W = x ⊗ (y − t)&lt;/b&gt;, one number per weight, of the same shape as W. The numerical gradient gets the same numbers from L alone; they differ by about 1e-7 because of the 1e-7 guard inside the log, not by rounding.&lt;/p&gt;&lt;p&gt;Reading it: ∂L/∂w23 ≈ −0.544 means raising w23 by h lowers L by about 0.544·h, so w23 should go up.&lt;/p&gt;&lt;p&gt;Learning is gradient descent on L: &lt;b&gt;W ← W − η ∂L/∂W&lt;/b&gt;. From the book's W one step with η = 0.1 lowers L from 0.928 to 0.864. The real network of the Training tab does the same with 39,760 weights.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys&lt;/b&gt; (on this page): → one step, Space play / pause, R reset.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;神经网络的梯度&lt;/h3&gt;&lt;p&gt;书中的 simpleNet 只有一个权重矩阵 W（2×3），没有偏置：&lt;b&gt;p = x·W&lt;/b&gt;，&lt;b&gt;y = softmax(p)&lt;/b&gt;，损失函数是交叉熵误差 &lt;b&gt;L = −log(y&lt;sub&gt;t&lt;/sub&gt; + 1e-7)&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;L 是这 6 个权重的函数，所以它有梯度：&lt;b&gt;∂L/∂W = x ⊗ (y − t)&lt;/b&gt;，每个权重一个数，形状与 W 相同。数值梯度只用 L 就能算出同样的数；两者相差约 1e-7，原因是 log 里 1e-7 的保护项，而不是舍入误差。&lt;/p&gt;&lt;p&gt;怎么读：∂L/∂w23 ≈ −0.544 表示把 w23 增大 h，L 约减小 0.544·h，所以 w23 应该增大。&lt;/p&gt;&lt;p&gt;学习就是对 L 做梯度下降：&lt;b&gt;W ← W − η ∂L/∂W&lt;/b&gt;。从书中的 W 出发，η = 0.1 走一步，L 从 0.928 降到 0.864。训练页中真正的神经网络用 39,760 个权重做同样的事。&lt;/p&gt;&lt;p&gt;&lt;b&gt;按键&lt;/b&gt;（本页）：→ 单步，空格 播放 / 暂停，R 重置。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SlopePage</name>
    <message>
        <source>Nothing to draw:</source>
        <translation>没有可画的内容：</translation>
    </message>
    <message>
        <source>The previous function stays.</source>
        <translation>仍显示之前的函数。</translation>
    </message>
    <message>
        <source>Cannot read this function:</source>
        <translation>无法读取这个函数：</translation>
    </message>
    <message>
        <source>unknown (typed function)</source>
        <translation>未知（自己输入的函数）</translation>
    </message>
    <message>
        <source>x0 = %1, f(x0) = %2, slope %3</source>
        <translation>x0 = %1，f(x0) = %2，斜率 %3</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y = f(x)</source>
        <translation>y = f(x)</translation>
    </message>
    <message>
        <source>Drag the red point along the curve</source>
        <translation>沿曲线拖动红点</translation>
    </message>
    <message>
        <source>Drag me: the tangent follows</source>
        <translation>拖动我：切线随之移动</translation>
    </message>
    <message>
        <source>Drag the red point or click the curve; with the plot focused (Tab), ←/→ move the point, Shift+←/→ by a tenth</source>
        <translation>拖动红点或点击曲线；图获得焦点时（按 Tab），←/→ 移动该点，Shift+←/→ 每次移动十分之一</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>tangent from the central difference</source>
        <translation>由中心差分得到的切线</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Numerical differentiation&lt;/h3&gt;&lt;p&gt;The derivative is the slope of f at a point: how much f changes for a tiny change of x.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Forward difference&lt;/b&gt;&lt;br&gt;(f(x + h) − f(x)) / h&lt;/p&gt;&lt;p&gt;&lt;b&gt;Central difference&lt;/b&gt;&lt;br&gt;(f(x + h) − f(x − h)) / 2h&lt;/p&gt;&lt;p&gt;The book uses the central difference with h = 10&lt;sup&gt;−4&lt;/sup&gt;: it looks on both sides of x, so its error falls like h² instead of h.&lt;/p&gt;&lt;p&gt;For the book's y = 0.01x² + 0.1x the central difference gives 0.1999999999990898 at x = 5 and 0.2999999999986347 at x = 10; the true derivatives are 0.2 and 0.3. The small difference is the error of the numerical method.&lt;/p&gt;&lt;p&gt;The dashed line is the tangent y = f(x0) + d·(x − x0), with d the numerical derivative. Drag the point or click the curve to move x0.&lt;/p&gt;&lt;p&gt;For the sigmoid s = 1/(1 + e&lt;sup&gt;−x&lt;/sup&gt;) the exact derivative is s(1 − s): largest, 0.25, at x = 0 and nearly 0 far from it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;数值微分&lt;/h3&gt;&lt;p&gt;导数是 f 在某一点的斜率：x 发生微小变化时，f 变化多少。&lt;/p&gt;&lt;p&gt;&lt;b&gt;前向差分&lt;/b&gt;&lt;br&gt;(f(x + h) − f(x)) / h&lt;/p&gt;&lt;p&gt;&lt;b&gt;中心差分&lt;/b&gt;&lt;br&gt;(f(x + h) − f(x − h)) / 2h&lt;/p&gt;&lt;p&gt;书中使用 h = 10&lt;sup&gt;−4&lt;/sup&gt; 的中心差分：它同时看 x 的两侧，所以误差按 h² 而不是 h 减小。&lt;/p&gt;&lt;p&gt;对书中的 y = 0.01x² + 0.1x，中心差分在 x = 5 处得到 0.1999999999990898，在 x = 10 处得到 0.2999999999986347；真正的导数是 0.2 和 0.3。这点微小的差别就是数值方法的误差。&lt;/p&gt;&lt;p&gt;虚线是切线 y = f(x0) + d·(x − x0)，d 是数值微分求得的导数。拖动那个点或单击曲线可以移动 x0。&lt;/p&gt;&lt;p&gt;sigmoid 函数 s = 1/(1 + e&lt;sup&gt;−x&lt;/sup&gt;) 的精确导数是 s(1 − s)：在 x = 0 处最大，为 0.25，远离 0 时几乎为 0。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Pick a function; its exact derivative is known, so the errors of the numerical derivatives can be shown</source>
        <translation>选择一个函数；它的精确导数已知，因此可以显示数值微分的误差</translation>
    </message>
    <message>
        <source>(the book's)</source>
        <translation>（书中的）</translation>
    </message>
    <message>
        <source>Your own (type it below)</source>
        <translation>自己输入（在下方输入）</translation>
    </message>
    <message>
        <source>f(x) =</source>
        <translation>f(x) =</translation>
    </message>
    <message>
        <source>Type a function of x and press Enter, e.g. 0.5*x**3 - 2*x. Allowed: numbers, x, + - * / ** (or ^), parentheses, pi, e and sin, cos, tan, exp, log, sqrt, tanh, abs, sigmoid, relu …</source>
        <translation>输入 x 的函数并按回车，例如 0.5*x**3 - 2*x。可以使用：数字、x、+ - * / **（或 ^）、括号、pi、e 以及 sin、cos、tan、exp、log、sqrt、tanh、abs、sigmoid、relu …</translation>
    </message>
    <message>
        <source>e.g. 0.5*x**3 - 2*x</source>
        <translation>例如 0.5*x**3 - 2*x</translation>
    </message>
    <message>
        <source>Draw this function</source>
        <translation>绘制这个函数</translation>
    </message>
    <message>
        <source>Read the text above and draw it (same as pressing Enter)</source>
        <translation>读取上面的文字并绘制（与按回车相同）</translation>
    </message>
    <message>
        <source>Point x0</source>
        <translation>点 x0</translation>
    </message>
    <message>
        <source>Where to take the slope; you can also drag the red point on the curve</source>
        <translation>在哪一点求斜率；也可以拖动曲线上的红点</translation>
    </message>
    <message>
        <source>Step h</source>
        <translation>微小变化 h</translation>
    </message>
    <message>
        <source>The small step of the numerical derivative; the book uses 1e-4. Try 1e-50: x0 + h == x0 and the slope becomes 0</source>
        <translation>数值微分的微小变化量；书中使用 1e-4。试试 1e-50：x0 + h == x0，斜率变成 0</translation>
    </message>
    <message>
        <source>Book: x = 5</source>
        <translation>书中：x = 5</translation>
    </message>
    <message>
        <source>Book: x = 10</source>
        <translation>书中：x = 10</translation>
    </message>
    <message>
        <source>The book's example: 0.01x² + 0.1x at x = 5, h = 1e-4</source>
        <translation>书中的例子：0.01x² + 0.1x 在 x = 5 处，h = 1e-4</translation>
    </message>
    <message>
        <source>The book's example: 0.01x² + 0.1x at x = 10, h = 1e-4</source>
        <translation>书中的例子：0.01x² + 0.1x 在 x = 10 处，h = 1e-4</translation>
    </message>
    <message>
        <source>Slope at x0</source>
        <translation>x0 处的斜率</translation>
    </message>
    <message>
        <source>f(x0)</source>
        <translation>f(x0)</translation>
    </message>
    <message>
        <source>Forward difference</source>
        <translation>前向差分</translation>
    </message>
    <message>
        <source>Central difference</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>Exact f′(x0)</source>
        <translation>精确值 f′(x0)</translation>
    </message>
    <message>
        <source>Forward error</source>
        <translation>前向差分误差</translation>
    </message>
    <message>
        <source>Central error</source>
        <translation>中心差分误差</translation>
    </message>
    <message>
        <source>(f(x0 + h) − f(x0)) / h</source>
        <translation>(f(x0 + h) − f(x0)) / h</translation>
    </message>
    <message>
        <source>(f(x0 + h) − f(x0 − h)) / 2h</source>
        <translation>(f(x0 + h) − f(x0 − h)) / 2h</translation>
    </message>
    <message>
        <source>From the formula of f′; unknown for a typed function</source>
        <translation>由 f′ 的公式算出；自己输入的函数没有这个值</translation>
    </message>
    <message>
        <source>|forward difference − exact|</source>
        <translation>|前向差分 − 精确值|</translation>
    </message>
    <message>
        <source>|central difference − exact|</source>
        <translation>|中心差分 − 精确值|</translation>
    </message>
</context>
<context>
    <name>SoftmaxPage</name>
    <message>
        <source>Softmax turns scores a into probabilities: y_k = exp(a_k) / Σ exp(a_i). With large scores exp overflows. Subtracting C = max(a) first gives the same y and never overflows.</source>
        <translation>softmax 把得分 a 变成概率：y_k = exp(a_k) / Σ exp(a_i)。得分很大时 exp 会溢出。先减去 C = max(a)，结果 y 不变，而且不会溢出。</translation>
    </message>
    <message>
        <source>Scores a (comma-separated):</source>
        <translation>得分 a（用逗号分隔）：</translation>
    </message>
    <message>
        <source>Type scores and press Enter, e.g. 1010, 1000, 990</source>
        <translation>输入得分后按回车，例如 1010, 1000, 990</translation>
    </message>
    <message>
        <source>Example: the book's scores; exp(1010) overflows to inf</source>
        <translation>例子：书中的得分；exp(1010) 溢出为 inf</translation>
    </message>
    <message>
        <source>Example: the book's softmax example, y = 0.018, 0.245, 0.737</source>
        <translation>例子：书中 softmax 的例子，y = 0.018, 0.245, 0.737</translation>
    </message>
    <message>
        <source>Example: scores a million apart; the shifted formula still gives 1 and 0</source>
        <translation>例子：得分相差一百万；减去 C 后的公式仍然给出 1 和 0</translation>
    </message>
    <message>
        <source>y_k</source>
        <translation>y_k</translation>
    </message>
    <message>
        <source>Stable y = softmax(a − C)</source>
        <translation>防溢出的 y = softmax(a − C)</translation>
    </message>
    <message>
        <source>class k</source>
        <translation>类别 k</translation>
    </message>
    <message>
        <source>Softmax of the scores, naive and stable</source>
        <translation>得分的 softmax：直接计算与稳定计算</translation>
    </message>
    <message>
        <source>At most %1 characters (up to %2 scores): the rest was left out.</source>
        <translation>最多 %1 个字符（至多 %2 个得分）：多出的部分已被舍去。</translation>
    </message>
    <message>
        <source>The text is too long: %1 characters, at most %2. Type at most %3 scores.</source>
        <translation>文本太长：%1 个字符，最多 %2 个。请最多输入 %3 个得分。</translation>
    </message>
    <message>
        <source>Too many scores: %1, at most %2. Remove some and press Enter.</source>
        <translation>得分太多：%1 个，最多 %2 个。请删去一些后按回车。</translation>
    </message>
    <message>
        <source>Enter numbers separated by commas, e.g. 1010, 1000, 990</source>
        <translation>请输入用逗号分隔的数，例如 1010, 1000, 990</translation>
    </message>
    <message>
        <source>Cannot read the scores: “%1” is not a number</source>
        <translation>无法读取得分：“%1”不是数</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>exp(a)</source>
        <translation>exp(a)</translation>
    </message>
    <message>
        <source>naive y</source>
        <translation>直接计算的 y</translation>
    </message>
    <message>
        <source>a − C</source>
        <translation>a − C</translation>
    </message>
    <message>
        <source>exp(a − C)</source>
        <translation>exp(a − C)</translation>
    </message>
    <message>
        <source>stable y</source>
        <translation>防溢出的 y</translation>
    </message>
    <message>
        <source>C = max(a) = %1.</source>
        <translation>C = max(a) = %1。</translation>
    </message>
    <message>
        <source>A score that is nan or infinite makes every output nan, shifted or not: softmax needs finite scores.</source>
        <translation>只要有一个得分是 nan 或无穷大，无论是否平移，所有输出都会变成 nan：softmax 需要有限的得分。</translation>
    </message>
    <message>
        <source>The naive formula overflowed (inf / nan); the shifted one is fine.</source>
        <translation>直接按公式计算发生了溢出（inf / nan）；减去 C 后的计算没有问题。</translation>
    </message>
    <message>
        <source>No overflow here: both formulas give the same y.</source>
        <translation>这里没有溢出：两种算法得到相同的 y。</translation>
    </message>
    <message>
        <source>naive: %1</source>
        <translation>直接计算：%1</translation>
    </message>
</context>
<context>
    <name>Stepping</name>
    <message>
        <source>Step one iteration</source>
        <translation>单步迭代</translation>
    </message>
    <message>
        <source>Take the next iteration of this run and show it whole: the mini-batch, the gradient, the update (→ on the One iteration page)</source>
        <translation>走这次训练的下一次迭代并完整展示：小批量、梯度、更新（在“一次迭代”页按 →）</translation>
    </message>
    <message>
        <source>Train on from iteration %1 as a live run (Space)</source>
        <translation>从第 %1 次迭代起接着实时训练（空格）</translation>
    </message>
    <message>
        <source>Train a new net from the start with these settings (Space)</source>
        <translation>用这些设置从头训练一个新网络（空格键）</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Steps of</source>
        <translation>显示步骤：</translation>
    </message>
    <message>
        <source>Whose steps the table lists</source>
        <translation>表格列出哪种方法的步骤</translation>
    </message>
    <message>
        <source>Steps of the run</source>
        <translation>这次运行的各步</translation>
    </message>
    <message>
        <source>Row k: the point x_k, the gradient there, the step taken from it (x_k − x_(k+1), which is η∇f for SGD) and f(x_k)</source>
        <translation>第 k 行：点 x_k、该点的梯度、从该点走出的一步（x_k − x_(k+1)，对 SGD 即 η∇f）以及 f(x_k)</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Stop the animation here (key Space)</source>
        <translation>在此处停止动画（空格键）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Animate the descent step by step (key Space)</source>
        <translation>逐步播放下降过程（空格键）</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>the gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>%1: from step %2, x is so large (about %3) that x + h == x for h = 1e-4: the numerical gradient comes out (0, 0) and x stops, although f = %4. That is the rounding error of &lt;a href=&quot;%5&quot;&gt;Derivatives → Error against h&lt;/a&gt; (h = 1e-50), reached from the other side.</source>
        <translation>%1：从第 %2 步起，x 大到（约 %3）使 x + h == x（h = 1e-4）：数值梯度算出来是 (0, 0)，x 停住不动，尽管 f = %4。这正是&lt;a href=&quot;%5&quot;&gt;导数 → 误差与 h&lt;/a&gt;（h = 1e-50）里的舍入误差，只是从另一边遇到了它。</translation>
    </message>
    <message>
        <source>%1: step %2 would overflow (%3 becomes inf or nan), so the run stops here. The learning rate is far too large.</source>
        <translation>%1：第 %2 步会溢出（%3 变成 inf 或 nan），因此运行在此停止。学习率太大了。</translation>
    </message>
    <message>
        <source>%1 diverges: f grew from %2 to %3 and the path has left the view. The learning rate is too large: each step overshoots the minimum.</source>
        <translation>%1 发散：f 从 %2 增大到 %3，路径已经离开视图。学习率过大：每一步都越过了极小值。</translation>
    </message>
    <message>
        <source>%1 left the view going downhill (f fell from %2 to %3): this function has no minimum in that direction.</source>
        <translation>%1 沿下坡离开了视图（f 从 %2 降到 %3）：这个函数在该方向上没有极小值。</translation>
    </message>
    <message>
        <source>%1 barely moves: in %2 steps x moved only %3. The learning rate η = %4 is too small.</source>
        <translation>%1 几乎不动：%2 步内 x 只移动了 %3。学习率 η = %4 太小了。</translation>
    </message>
    <message>
        <source>%1 reached a point where ∇f ≈ 0 (|∇f| = %2) at step %3.</source>
        <translation>%1 在第 %3 步到达了 ∇f ≈ 0 的点（|∇f| = %2）。</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <source>Step →</source>
        <translation>单步 →</translation>
    </message>
    <message>
        <source>One update: the gradient and the step are drawn, then the point moves (key →)</source>
        <translation>更新一次：先画出梯度和这一步，然后点再移动（→ 键）</translation>
    </message>
    <message>
        <source>Reset (R)</source>
        <translation>重置 (R)</translation>
    </message>
    <message>
        <source>Back to the start point, step 0 (key R)</source>
        <translation>回到起点，第 0 步（R 键）</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>运行到最后</translation>
    </message>
    <message>
        <source>Take all the remaining steps at once</source>
        <translation>一次走完剩下的所有步</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Playback speed in steps per second</source>
        <translation>播放速度（每秒步数）</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>When paused, draw ∇f's direction (dashed) and the next step (solid) at each point</source>
        <translation>暂停时，在每个点画出 ∇f 的方向（虚线）和下一步（实线）</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Write the run, frame by frame, as an animated GIF or PNG files</source>
        <translation>把运行过程逐帧导出为 GIF 动画或 PNG 图片</translation>
    </message>
    <message>
        <source>Animated GIF…</source>
        <translation>GIF 动画…</translation>
    </message>
    <message>
        <source>PNG sequence in a folder…</source>
        <translation>文件夹中的 PNG 序列…</translation>
    </message>
</context>
<context>
    <name>UnavailableTab</name>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Derivatives</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Gradient field</source>
        <translation>梯度场</translation>
    </message>
    <message>
        <source>Descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>This tab could not open: %1

The other tabs work. The details are in the log file %2 (Help → Open log folder).</source>
        <translation>这个标签页无法打开：%1

其他标签页可以正常使用。详细信息在日志文件 %2 中（帮助 → 打开日志文件夹）。</translation>
    </message>
</context>
<context>
    <name>VectorPage</name>
    <message>
        <source>The same dot product c = Σ a_i·b_i of two random vectors, once with a Python for-loop and once with NumPy's np.dot, which runs the loop in compiled code. Each is timed 3 times; the fastest run counts.</source>
        <translation>对两个随机向量计算同一个点积 c = Σ a_i·b_i：一次用 Python 的 for 循环，一次用 NumPy 的 np.dot（在编译好的代码中执行循环）。各计时 3 次，取最快的一次。</translation>
    </message>
    <message>
        <source>Elements n</source>
        <translation>元素个数 n</translation>
    </message>
    <message>
        <source>Length of the two vectors (the lessons use 100,000)</source>
        <translation>两个向量的长度（课程中取 100,000）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Time the for-loop and np.dot</source>
        <translation>测量 for 循环和 np.dot 的用时</translation>
    </message>
    <message>
        <source>c = 0
for i in range(n):
    c += a[i] * b[i]</source>
        <translation>c = 0
for i in range(n):
    c += a[i] * b[i]</translation>
    </message>
    <message>
        <source>c = np.dot(a, b)</source>
        <translation>c = np.dot(a, b)</translation>
    </message>
    <message>
        <source>Python for-loop</source>
        <translation>Python for 循环</translation>
    </message>
    <message>
        <source>Vectorised: np.dot</source>
        <translation>向量化：np.dot</translation>
    </message>
    <message>
        <source>elements n</source>
        <translation>元素个数 n</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>用时（毫秒）</translation>
    </message>
    <message>
        <source>Time against n (both axes logarithmic)</source>
        <translation>用时随 n 的变化（两个坐标轴都是对数刻度）</translation>
    </message>
    <message>
        <source>np.dot</source>
        <translation>np.dot</translation>
    </message>
    <message>
        <source>Each point: the fastest of 3 runs for that n</source>
        <translation>每个点：该 n 下 3 次运行中最快的一次</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vectorisation&lt;/h3&gt;&lt;p&gt;Training computes Xᵀ(ŷ − y) over 209 × 12,288 numbers at every step. Written as Python for-loops this would take seconds per step; as one NumPy call (np.dot, @) it takes about a millisecond.&lt;/p&gt;&lt;p&gt;Rule of thumb: avoid explicit for-loops over data; use whole-array operations such as np.dot, np.exp, np.log, np.sum.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;向量化&lt;/h3&gt;&lt;p&gt;训练的每一步都要对 209 × 12,288 个数计算 Xᵀ(ŷ − y)。如果用 Python 的 for 循环来写，每一步需要数秒；用一次 NumPy 调用（np.dot、@）只需约 1 毫秒。&lt;/p&gt;&lt;p&gt;经验法则：避免对数据使用显式的 for 循环，改用 np.dot、np.exp、np.log、np.sum 等整个数组的运算。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The demo failed: %1</source>
        <translation>演示失败：%1</translation>
    </message>
    <message>
        <source>np.dot is %1 times faster</source>
        <translation>np.dot 快 %1 倍</translation>
    </message>
    <message>
        <source>The same c (n = %1): loop %2, np.dot %3. The last digits may differ: the two add the products in a different order, and floating-point rounding depends on it.</source>
        <translation>同一个 c（n = %1）：循环得到 %2，np.dot 得到 %3。最后几位可能不同：两者累加乘积的顺序不同，而浮点数的舍入误差取决于这个顺序。</translation>
    </message>
    <message>
        <source>Run times the chosen n, then 1,000, 10,000, … below it: the plot shows how each time grows with n.</source>
        <translation>“运行”先测所选的 n，再测比它小的 1,000、10,000……：图中显示两种写法的用时如何随 n 增长。</translation>
    </message>
    <message>
        <source>The loop's time grows in step with n: ten times the elements, ten times as long — Python's cost for every element, %1 ns each at n = %3. np.dot needs %2 ns per element there; at small n its time is mostly the fixed cost of one call, so its line starts flatter.</source>
        <translation>循环的用时与 n 同步增长：元素多 10 倍，用时也长 10 倍——每个元素都要付出 Python 的开销，n = %3 时每个元素 %1 纳秒。np.dot 在这里每个元素只需 %2 纳秒；n 较小时它的用时主要是一次调用的固定开销，所以它的线起初比较平。</translation>
    </message>
</context>
<context>
    <name>VectorisedExplanation</name>
    <message>
        <source>sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vectorised: m samples at once&lt;/h3&gt;&lt;p&gt;Put the samples side by side as the columns of X (n&lt;sub&gt;x&lt;/sub&gt; × m) and their labels in Y (1 × m); one pass serves them all:&lt;br&gt;Z = wᵀX + b, A = σ(Z), J = ΣL/m&lt;br&gt;dZ = A − Y, dw = X·dZᵀ/m, db = ΣdZ/m&lt;/p&gt;&lt;p&gt;With m = 3, the graph's sample first, w = %1, b = %2 (4 decimals):&lt;/p&gt;</source>
        <translation>&lt;h3&gt;向量化：一次处理 m 个样本&lt;/h3&gt;&lt;p&gt;把样本并排作为 X 的列（n&lt;sub&gt;x&lt;/sub&gt; × m），标签放在 Y 中（1 × m）；一次传播就处理全部样本：&lt;br&gt;Z = wᵀX + b，A = σ(Z)，J = ΣL/m&lt;br&gt;dZ = A − Y，dw = X·dZᵀ/m，db = ΣdZ/m&lt;/p&gt;&lt;p&gt;m = 3，第一个样本就是计算图中的样本，w = %1，b = %2（保留 4 位小数）：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;dw = (%1, %2), db = %3, J = %4: the means of the samples' x1·dz, x2·dz, dz and L.&lt;/p&gt;&lt;p&gt;This is the cat classifier's propagate() (Training → Cat / non-cat): there X is 12,288 × 209, one column per picture, and each iteration of gradient descent is one such pass.&lt;/p&gt;</source>
        <translation>&lt;p&gt;dw = (%1, %2)，db = %3，J = %4：即各样本 x1·dz、x2·dz、dz 和 L 的平均值。&lt;/p&gt;&lt;p&gt;这就是猫分类器的 propagate()（训练 → 猫 / 非猫）：那里 X 是 12,288 × 209，每张图片一列，梯度下降的每次迭代就是一次这样的传播。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WeightsPage</name>
    <message>
        <source>Each picture: one hidden neuron's 784 weights as 28×28 pixels</source>
        <translation>每张图像：一个隐藏层神经元的 784 个权重，排成 28×28 像素</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What the first layer learns&lt;/h3&gt;&lt;p&gt;Hidden neuron j computes a&lt;sub&gt;j&lt;/sub&gt; = Σ&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt; W1&lt;sub&gt;ij&lt;/sub&gt; + b1&lt;sub&gt;j&lt;/sub&gt;: a weighted sum of the 784 pixels. Its weights, laid out as 28×28, show which pixels push it up (light) or down (dark); grey is 0.&lt;/p&gt;&lt;p&gt;They start as noise (std 0.01) and turn into blurry strokes and blobs during training.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;第一层学到了什么&lt;/h3&gt;&lt;p&gt;隐藏层神经元 j 计算 a&lt;sub&gt;j&lt;/sub&gt; = Σ&lt;sub&gt;i&lt;/sub&gt; x&lt;sub&gt;i&lt;/sub&gt; W1&lt;sub&gt;ij&lt;/sub&gt; + b1&lt;sub&gt;j&lt;/sub&gt;：784 个像素的加权和。把它的权重排成 28×28，可以看出哪些像素使它增大（亮）或减小（暗）；灰色为 0。&lt;/p&gt;&lt;p&gt;它们一开始是噪声（标准差 0.01），在训练中变成模糊的笔画和斑块。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The first layer's weights W1 of each hidden neuron as a 28×28 picture (light: positive, dark: negative, grey: 0; each picture scaled on its own). %1 neurons.</source>
        <translation>每个隐藏层神经元的第一层权重 W1，显示为 28×28 的图像（亮：正，暗：负，灰：0；每张图像单独缩放）。共 %1 个神经元。</translation>
    </message>
    <message>
        <source>Start training: the first layer's weights appear here after every epoch, one 28×28 picture per hidden neuron.</source>
        <translation>开始训练：每个 epoch 之后，第一层的权重会显示在这里，每个隐藏层神经元一张 28×28 的图像。</translation>
    </message>
    <message>
        <source>Framed: the %1 neurons that respond most to the digit in the Draw tab (largest a[1], under each picture) and the one the mouse last pointed at there.</source>
        <translation>加框的是：对“手写数字”页中数字反应最强的 %1 个神经元（a[1] 最大，数值写在每张图下方），以及鼠标在那里最后指向的那个。</translation>
    </message>
    <message>
        <source>(The Draw tab explains another model: choose the one trained here to see which of these respond to your drawing.)</source>
        <translation>（“手写数字”页正在解释另一个模型：在那里选择这里训练的模型，就能看到其中哪些对你的手写数字有反应。）</translation>
    </message>
    <message>
        <source>Neuron %1: a[1] = %2 for the digit in the Draw tab</source>
        <translation>神经元 %1：对“手写数字”页中的数字 a[1] = %2</translation>
    </message>
</context>
<context>
    <name>WhereBox</name>
    <message>
        <source>Where MNIST lives</source>
        <translation>MNIST 的位置</translation>
    </message>
    <message>
        <source>MNIST folder:</source>
        <translation>MNIST 文件夹：</translation>
    </message>
    <message>
        <source>Downloads and imports go to this folder, inside the app's data folder (select the text to copy it)</source>
        <translation>下载和导入的文件都放在这个文件夹里（位于本应用的数据文件夹中；可选中文字复制路径）</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Show this folder in the file manager</source>
        <translation>在文件管理器中显示这个文件夹</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Read every file of the MNIST in use and count the images and labels (takes about a second)</source>
        <translation>读取正在使用的 MNIST 的每个文件，统计图像和标签的数量（约需一秒）</translation>
    </message>
    <message>
        <source>Which MNIST the Training tab uses</source>
        <translation>“训练”标签页使用的是哪一份 MNIST</translation>
    </message>
    <message>
        <source>Checking %1 …</source>
        <translation>正在检查 %1 …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Missing:&lt;/b&gt; MNIST is not on this computer yet, or not where the app looks. Download it, import a copy, or use a copy found below.</source>
        <translation>&lt;b&gt;缺少：&lt;/b&gt;本机还没有 MNIST，或者不在本应用查找的位置。请下载、导入一个副本，或使用下面找到的副本。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Found&lt;/b&gt; at %1 (not checked yet: Check reads it all).</source>
        <translation>&lt;b&gt;已找到&lt;/b&gt;，位于 %1（尚未检查：点击“检查”会读取全部数据）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Found&lt;/b&gt; at %1 — checked: %2 training and %3 test images, every label 0–9.</source>
        <translation>&lt;b&gt;已找到&lt;/b&gt;，位于 %1 — 已检查：%2 张训练图像和 %3 张测试图像，所有标签都在 0–9 之间。</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>%1 against %2</source>
        <translation>%1 随 %2 的变化</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>First choose the correct class t = %1 (it is %2 now).</source>
        <translation>请先选择正确类别 t = %1（现在是 %2）。</translation>
    </message>
    <message>
        <source>Cross-entropy %1 &lt; %2: the net gives the correct class y_%3 = %4.</source>
        <translation>交叉熵 %1 &lt; %2：神经网络给正确类别的输出 y_%3 = %4。</translation>
    </message>
    <message>
        <source>Cross-entropy is %1. It is −log y_t: only the bar of the correct class counts — raise y_%2 (now %3) until −log y_%2 &lt; %4.</source>
        <translation>交叉熵为 %1。它等于 −log y_t：只有正确类别的柱子起作用 —— 提高 y_%2（现在为 %3），直到 −log y_%2 &lt; %4。</translation>
    </message>
    <message>
        <source>Cross-entropy %1 while the squared error is only %2: a confident wrong answer costs cross-entropy without limit.</source>
        <translation>交叉熵为 %1，而均方误差只有 %2：自信的错误回答会让交叉熵无限增大。</translation>
    </message>
    <message>
        <source>Cross-entropy is %1: push y_%2 towards 0 (drag its bar down, or another bar up).</source>
        <translation>交叉熵为 %1：把 y_%2 推向 0（把它的柱子往下拖，或把另一个柱子往上拖）。</translation>
    </message>
    <message>
        <source>With h = %1 the numerical derivative is 0.0: x0 + h rounds back to x0 = %2, so f(x0 + h) − f(x0) is 0 — a rounding error, not the slope.</source>
        <translation>h = %1 时数值导数为 0.0：x0 + h 舍入后又回到 x0 = %2，所以 f(x0 + h) − f(x0) 等于 0 —— 这是舍入误差，不是斜率。</translation>
    </message>
    <message>
        <source>With h = %1 the central difference is still %2. Make h far smaller (try powers of ten below 1e-16 on the Error against h page).</source>
        <translation>h = %1 时中心差分仍为 %2。把 h 调得小得多（在“误差与 h”页面试试小于 1e-16 的 10 的幂）。</translation>
    </message>
    <message>
        <source>At (%1, %2): ∂f/∂x0 = %3 and ∂f/∂x1 = %4 — each is 2 × its own coordinate.</source>
        <translation>在 (%1, %2) 处：∂f/∂x0 = %3，∂f/∂x1 = %4 —— 各自都是对应坐标的 2 倍。</translation>
    </message>
    <message>
        <source>Here ∂f/∂x0 = %1 and ∂f/∂x1 = %2. Each slice's slope is 2 × its coordinate: move the point so that x0 = %3 and x1 = %4.</source>
        <translation>这里 ∂f/∂x0 = %1，∂f/∂x1 = %2。每条截线的斜率是对应坐标的 2 倍：把点移到 x0 = %3、x1 = %4。</translation>
    </message>
    <message>
        <source>This exercise is on another function: press Show me to bring it back.</source>
        <translation>这个练习用的是另一个函数：点击“演示”切换回来。</translation>
    </message>
    <message>
        <source>Click a point on the map first.</source>
        <translation>请先在地图上点击一个点。</translation>
    </message>
    <message>
        <source>∇f = (%1, %2) at (%3, %4): on x0² + x1² the gradient is (2x0, 2x1), pointing away from the minimum.</source>
        <translation>在 (%3, %4) 处 ∇f = (%1, %2)：在 x0² + x1² 上梯度是 (2x0, 2x1)，背离最小值。</translation>
    </message>
    <message>
        <source>∇f = (%1, %2) at the point you picked. On x0² + x1² it is (2x0, 2x1): where is 2x0 = %3 and 2x1 = %4?</source>
        <translation>你选的点处 ∇f = (%1, %2)。在 x0² + x1² 上它等于 (2x0, 2x1)：哪里 2x0 = %3 且 2x1 = %4？</translation>
    </message>
    <message>
        <source>Here −∇f points %1° away from the minimum: the steepest way down is not the way to the lowest point.</source>
        <translation>这里 −∇f 偏离指向最小值的方向 %1°：最陡的下坡方向并不通向最低点。</translation>
    </message>
    <message>
        <source>Here the angle is %1°. The bowl is long and narrow: try points far out along x0 with a small x1.</source>
        <translation>这里的角度是 %1°。这个碗又长又窄：试试沿 x0 方向远处、x1 较小的点。</translation>
    </message>
    <message>
        <source>Start from (%1, %2) on x0² + x1²: press Show me, then change only the learning rate.</source>
        <translation>请在 x0² + x1² 上从 (%1, %2) 出发：点击“演示”，然后只改变学习率。</translation>
    </message>
    <message>
        <source>Switch plain gradient descent on.</source>
        <translation>请打开普通梯度下降（SGD）。</translation>
    </message>
    <message>
        <source>η = %1 diverges: f goes from %2 to %3. Each step overshoots the minimum by more than it was away.</source>
        <translation>η = %1 发散了：f 从 %2 变成 %3。每一步越过最小值的距离都比原来离它的距离还远。</translation>
    </message>
    <message>
        <source>η = %1 still goes downhill (f ends at %2). On x0² + x1² a step multiplies x by (1 − 2η): what η makes that factor larger than 1 in size?</source>
        <translation>η = %1 仍然在下坡（f 最后为 %2）。在 x0² + x1² 上每一步把 x 乘以 (1 − 2η)：η 为多少时这个因子的绝对值大于 1？</translation>
    </message>
    <message>
        <source>η = %1: f = %2 after %3 steps.</source>
        <translation>η = %1：%3 步后 f = %2。</translation>
    </message>
    <message>
        <source>Set the number of steps to at least %1.</source>
        <translation>请把步数设为至少 %1。</translation>
    </message>
    <message>
        <source>With η = %1, f is %2 after %3 steps. Too small creeps, too large overshoots: look at the f(x) plot while you change η.</source>
        <translation>η = %1 时，%3 步后 f 为 %2。太小走得慢，太大会冲过头：改变 η 时观察 f(x) 图。</translation>
    </message>
    <message>
        <source>First click the correct class t = %1 (it is %2 now).</source>
        <translation>请先点击正确类别 t = %1（现在是 %2）。</translation>
    </message>
    <message>
        <source>After %1 steps the net answers %2; L fell from %3 to %4.</source>
        <translation>%1 步后网络回答 %2；L 从 %3 降到 %4。</translation>
    </message>
    <message>
        <source>After %1 steps it still answers %2 (L = %3). Step on with → or press Space: each step moves the 6 weights against ∂L/∂W.</source>
        <translation>%1 步后它仍回答 %2（L = %3）。按 → 或空格键继续：每一步都沿 ∂L/∂W 的反方向移动 6 个权重。</translation>
    </message>
    <message>
        <source>Draw a digit first (with the mouse, a pen or a finger).</source>
        <translation>请先写一个数字（用鼠标、手写笔或手指）。</translation>
    </message>
    <message>
        <source>The net reads your drawing as %1 (%2).</source>
        <translation>网络把你写的读成 %1（%2）。</translation>
    </message>
    <message>
        <source>The net reads it as %1 (%2). Look at What the net sees: the drawing is boxed, scaled and centred first — change the shape, not the place.</source>
        <translation>网络把它读成 %1（%2）。看看“神经网络看到的”：手写内容会先被框出、缩放并居中 —— 要改变的是形状，而不是位置。</translation>
    </message>
    <message>
        <source>With %1 hidden units off the net answers %2 instead of %3: those units carried the evidence.</source>
        <translation>关闭 %1 个隐藏单元后，网络回答 %2 而不是 %3：这些单元承载了证据。</translation>
    </message>
    <message>
        <source>The answer is still %1 with %2 units off. Switch off the units at the top of Why %1: they add most to its score.</source>
        <translation>关闭 %2 个单元后回答仍是 %1。关闭“为什么是 %1”中排在最前面的单元：它们对得分的贡献最大。</translation>
    </message>
    <message>
        <source>Start a run (Space) and let it finish; the check reads its last measurement.</source>
        <translation>开始训练（空格键）并等它结束；检查读取的是它最后一次的测量结果。</translation>
    </message>
    <message>
        <source>The last run did not finish (stopped, diverged or failed): start it again and let it end.</source>
        <translation>上一次训练没有完成（被停止、发散或出错）：重新开始并让它跑完。</translation>
    </message>
    <message>
        <source>This run used %1: choose %2 under Activation and start again.</source>
        <translation>这次训练用的是 %1：在“激活函数”中选择 %2 后重新开始。</translation>
    </message>
    <message>
        <source>It took %1 iterations; the exercise allows %2.</source>
        <translation>它用了 %1 次迭代；练习最多允许 %2 次。</translation>
    </message>
    <message>
        <source>Test accuracy %1 after %2 iterations with η = %3.</source>
        <translation>η = %3，%2 次迭代后测试精度为 %1。</translation>
    </message>
    <message>
        <source>Test accuracy %1 after %2 iterations with η = %3: in fewer iterations each step has to go further — raise the learning rate (the sigmoid net takes a large one).</source>
        <translation>η = %3，%2 次迭代后测试精度为 %1：迭代次数少，每一步就得走得更远 —— 提高学习率（sigmoid 网络能承受较大的学习率）。</translation>
    </message>
    <message>
        <source>Hold out a validation set (Overfitting → Validation) and train again.</source>
        <translation>留出一个验证集（过拟合 → 验证集）后重新训练。</translation>
    </message>
    <message>
        <source>Train accuracy %1, validation %2: a gap of %3 points — high variance.</source>
        <translation>训练精度 %1，验证精度 %2：相差 %3 个百分点 —— 高方差。</translation>
    </message>
    <message>
        <source>Train %1, validation %2 (gap %3 points). Fewer training images and more iterations let the net learn its training set by heart.</source>
        <translation>训练 %1，验证 %2（相差 %3 个百分点）。更少的训练图像和更多的迭代会让网络把训练集背下来。</translation>
    </message>
    <message>
        <source>It ran %1 iterations; the exercise allows %2.</source>
        <translation>它跑了 %1 次迭代；练习最多允许 %2 次。</translation>
    </message>
    <message>
        <source>Cost %1 after %2 iterations with η = %3.</source>
        <translation>η = %3，%2 次迭代后代价为 %1。</translation>
    </message>
    <message>
        <source>Cost %1 after %2 iterations with η = %3: larger steps get there sooner — look at the Learning rates page for how the curves compare.</source>
        <translation>η = %3，%2 次迭代后代价为 %1：步子越大到得越快 —— 看看“学习率”页面上几条曲线的对比。</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>The data folder %1 could not be created or written (%2). This session keeps its data in %3, which the system may empty: make the folder writable (or move the file in its way), then restart Gradient Lab.</source>
        <translation>无法创建或写入数据文件夹 %1（%2）。本次运行的数据保存在 %3，系统可能会清空它：请让该文件夹可写（或移走挡在那里的文件），然后重新启动梯度实验室。</translation>
    </message>
</context>
</TS>
