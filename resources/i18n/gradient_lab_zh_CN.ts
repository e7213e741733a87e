<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LossesTab</name>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
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
        <source>The book&apos;s examples</source>
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
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Cross-entropy error</source>
        <translation>交叉熵误差</translation>
    </message>
    <message>
        <source>probability of the correct class, y_t</source>
        <translation>正确解类别的概率 y_t</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss against the correct class&apos;s probability</source>
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
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Softmax overflow</source>
        <translation>softmax 溢出</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>mini-batch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loss functions&lt;/h3&gt;&lt;p&gt;A loss function measures how &lt;i&gt;bad&lt;/i&gt; the network&apos;s output y is against the supervision t (one-hot: 1 for the correct class, 0 elsewhere). Learning means making it small.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mean squared error&lt;/b&gt;&lt;br&gt;E = ½ Σ&lt;sub&gt;k&lt;/sub&gt; (y&lt;sub&gt;k&lt;/sub&gt; − t&lt;sub&gt;k&lt;/sub&gt;)²&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cross-entropy error&lt;/b&gt;&lt;br&gt;E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log(y&lt;sub&gt;k&lt;/sub&gt; + 10&lt;sup&gt;−7&lt;/sup&gt;)&lt;br&gt;Only the correct class counts: E = −log y&lt;sub&gt;t&lt;/sub&gt;. The tiny 10&lt;sup&gt;−7&lt;/sup&gt; keeps log 0 from becoming −∞.&lt;/p&gt;&lt;p&gt;The book&apos;s examples, with t = “2”: when the net says “2” with 0.6 the losses are 0.0975 and 0.5108; when it says “7” with 0.6 they grow to 0.5975 and 2.3026.&lt;/p&gt;&lt;p&gt;The lower plot shows why cross-entropy suits classification: as the correct class&apos;s probability falls toward 0, −log y&lt;sub&gt;t&lt;/sub&gt; grows without limit, so a confident wrong answer is punished hard, while the squared error stays below 1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why not use accuracy?&lt;/b&gt; Accuracy changes only when an answer flips, so its derivative is 0 almost everywhere and gives no direction. The loss changes smoothly with every weight.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;损失函数&lt;/h3&gt;&lt;p&gt;损失函数表示神经网络的输出 y 与监督数据 t（one-hot 表示：正确解为 1，其余为 0）在多大程度上不一致，即性能的“恶劣程度”。学习就是让它变小。&lt;/p&gt;&lt;p&gt;&lt;b&gt;均方误差&lt;/b&gt;&lt;br&gt;E = ½ Σ&lt;sub&gt;k&lt;/sub&gt; (y&lt;sub&gt;k&lt;/sub&gt; − t&lt;sub&gt;k&lt;/sub&gt;)²&lt;/p&gt;&lt;p&gt;&lt;b&gt;交叉熵误差&lt;/b&gt;&lt;br&gt;E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log(y&lt;sub&gt;k&lt;/sub&gt; + 10&lt;sup&gt;−7&lt;/sup&gt;)&lt;br&gt;只有正确解标签对应的项不为 0：E = −log y&lt;sub&gt;t&lt;/sub&gt;。加上微小的 10&lt;sup&gt;−7&lt;/sup&gt; 是为了防止 log 0 变成负无穷大。&lt;/p&gt;&lt;p&gt;书中的例子（t = “2”）：网络以 0.6 的概率认为是“2”时，两个损失分别为 0.0975 和 0.5108；以 0.6 的概率认为是“7”时，增大到 0.5975 和 2.3026。&lt;/p&gt;&lt;p&gt;下方的图说明了交叉熵误差为何适合分类：正确解的概率越接近 0，−log y&lt;sub&gt;t&lt;/sub&gt; 就无限增大，自信却错误的回答会受到严厉的惩罚；而均方误差始终小于 1。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么不用识别精度作为指标？&lt;/b&gt;识别精度只有在某个回答翻转时才会改变，它的导数在几乎所有地方都是 0，无法指示参数更新的方向。而损失函数会随每个权重连续地变化。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Softmax turns scores a into probabilities: y_k = exp(a_k) / Σ exp(a_i). With large scores exp overflows. Subtracting C = max(a) first gives the same y and never overflows.</source>
        <translation>softmax 把得分 a 变成概率：y_k = exp(a_k) / Σ exp(a_i)。得分很大时 exp 会溢出。先减去 C = max(a)，结果 y 不变，而且不会溢出。</translation>
    </message>
    <message>
        <source>Scores a (comma-separated):</source>
        <translation>得分 a（用逗号分隔）：</translation>
    </message>
    <message>
        <source>Mini-batch cross-entropy is the average over N samples: E = −1/N Σ_n Σ_k t_nk log y_nk. With label t it is −1/N Σ_n log y[n, t_n]: the same number.</source>
        <translation>mini-batch 的交叉熵误差是 N 个数据的平均：E = −1/N Σ_n Σ_k t_nk log y_nk。用标签形式的 t 计算是 −1/N Σ_n log y[n, t_n]：结果完全相同。</translation>
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
        <translation>mini-batch 中的数据个数</translation>
    </message>
    <message>
        <source>Type scores and press Enter, e.g. 1010, 1000, 990</source>
        <translation>输入得分后按回车，例如 1010, 1000, 990</translation>
    </message>
    <message>
        <source>score a_k</source>
        <translation>得分 a_k</translation>
    </message>
    <message>
        <source>Scores a: drag a bar up or down</source>
        <translation>得分 a：上下拖动柱子</translation>
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
        <source>The naive formula overflowed (inf / nan); the shifted one is fine.</source>
        <translation>直接按公式计算发生了溢出（inf / nan）；减去 C 后的计算没有问题。</translation>
    </message>
    <message>
        <source>No overflow here: both formulas give the same y.</source>
        <translation>这里没有溢出：两种算法得到相同的 y。</translation>
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
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
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
        <source>&amp;About Gradient Lab</source>
        <translation>关于梯度实验室(&amp;A)</translation>
    </message>
    <message>
        <source>Play / pause (Descent, Training)</source>
        <translation>播放 / 暂停（梯度下降、训练）</translation>
    </message>
    <message>
        <source>One step (Descent)</source>
        <translation>前进一步（梯度下降）</translation>
    </message>
    <message>
        <source>Reset (Descent)</source>
        <translation>重置（梯度下降）</translation>
    </message>
    <message>
        <source>Undo the last stroke (Draw)</source>
        <translation>撤销最后一笔（手写数字）</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
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
        <source>About Gradient Lab</source>
        <translation>关于梯度实验室</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gradient Lab&lt;/h3&gt;&lt;p&gt;Study how neural networks learn: loss functions, numerical derivatives, gradients, gradient descent and live training, with the numbers of 《深度学习入门》 chapter 4 and the neural network basics lessons.&lt;/p&gt;&lt;p&gt;Built with Python, NumPy, PySide6 and pyqtgraph.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度实验室&lt;/h3&gt;&lt;p&gt;学习神经网络如何学习：损失函数、数值微分、梯度、梯度下降法和实时训练，数字与《深度学习入门》第 4 章及神经网络基础课程完全一致。&lt;/p&gt;&lt;p&gt;使用 Python、NumPy、PySide6 和 pyqtgraph 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
</TS>
