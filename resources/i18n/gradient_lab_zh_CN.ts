<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Choose the folder that holds train_catvnoncat.h5 and test_catvnoncat.h5 (remembered for next time)</source>
        <translation>选择存放 train_catvnoncat.h5 和 test_catvnoncat.h5 的文件夹（下次会自动记住）</translation>
    </message>
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
        <source>Lessons&apos; settings</source>
        <translation>课程中的设置</translation>
    </message>
    <message>
        <source>η = 0.005, 2,000 iterations, cost every 100, w = 0</source>
        <translation>η = 0.005，迭代 2,000 次，每 100 次记录代价，w = 0</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
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
        <source>This experiment needs the cat / non-cat data set</source>
        <translation>本实验需要猫 / 非猫数据集</translation>
    </message>
    <message>
        <source>&lt;p&gt;Open the folder that holds the lessons&apos; two files:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;train_catvnoncat.h5&lt;/b&gt; — 209 training pictures (72 cats)&lt;/li&gt;&lt;li&gt;&lt;b&gt;test_catvnoncat.h5&lt;/b&gt; — 50 test pictures (33 cats)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Learners usually have them in the &lt;b&gt;datasets/&lt;/b&gt; folder beside the lessons&apos; notebooks (the folder that &lt;code&gt;load_dataset()&lt;/code&gt; reads: datasets/train_catvnoncat.h5). Click &lt;i&gt;Open folder…&lt;/i&gt; and choose that folder; the app remembers it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;请打开存放课程中这两个文件的文件夹：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;train_catvnoncat.h5&lt;/b&gt; — 209 张训练图片（其中 72 张是猫）&lt;/li&gt;&lt;li&gt;&lt;b&gt;test_catvnoncat.h5&lt;/b&gt; — 50 张测试图片（其中 33 张是猫）&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;它们通常位于课程笔记本旁边的 &lt;b&gt;datasets/&lt;/b&gt; 文件夹中（即 &lt;code&gt;load_dataset()&lt;/code&gt; 读取的文件夹：datasets/train_catvnoncat.h5）。点击&lt;i&gt;打开文件夹…&lt;/i&gt;并选择该文件夹，程序会记住它。&lt;/p&gt;</translation>
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
        <source>The recorded costs, in the lessons&apos; format</source>
        <translation>记录下的代价，格式与课程相同</translation>
    </message>
    <message>
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rates to compare, separated by commas (Enter runs)</source>
        <translation>要比较的学习率，用逗号分隔（按回车运行）</translation>
    </message>
    <message>
        <source>Iterations per learning rate (the lessons&apos; plot uses 1,500)</source>
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
        <source>Stop the comparison</source>
        <translation>停止比较</translation>
    </message>
    <message>
        <source>Iterations done over all learning rates</source>
        <translation>所有学习率合计已完成的迭代次数</translation>
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
        <translation>测试图片及其预测结果和 ŷ = P(cat)；预测错误的图片带边框</translation>
    </message>
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
        <source>The same dot product c = Σ a_i·b_i of two random vectors, once with a Python for-loop and once with NumPy&apos;s np.dot, which runs the loop in compiled code. Each is timed 3 times; the fastest run counts.</source>
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
        <source>Python for-loop</source>
        <translation>Python for 循环</translation>
    </message>
    <message>
        <source>Vectorised: np.dot</source>
        <translation>向量化：np.dot</translation>
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
        <source>&lt;h3&gt;The data&lt;/h3&gt;&lt;p&gt;Each picture is 64×64 pixels with 3 colour values: 12,288 numbers. Logistic regression sees them as one long vector x, flattened and divided by 255:&lt;/p&gt;&lt;p&gt;&lt;code&gt;X = images.reshape(m, −1) / 255&lt;/code&gt;&lt;/p&gt;&lt;p&gt;The label y is 1 for a cat and 0 for anything else.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;数据&lt;/h3&gt;&lt;p&gt;每张图片有 64×64 个像素，每个像素有 3 个颜色值，共 12,288 个数。逻辑回归把它们展平并除以 255，看作一个长向量 x：&lt;/p&gt;&lt;p&gt;&lt;code&gt;X = images.reshape(m, −1) / 255&lt;/code&gt;&lt;/p&gt;&lt;p&gt;标签 y 为 1 表示猫，为 0 表示其他任何东西。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;One neuron&lt;/h3&gt;&lt;p&gt;z = w·x + b&lt;br&gt;ŷ = σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)&lt;/p&gt;&lt;p&gt;&lt;b&gt;Loss&lt;/b&gt; of one picture:&lt;br&gt;L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cost&lt;/b&gt;: the mean over all m pictures&lt;br&gt;J(w, b) = (1/m) Σ L&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gradients&lt;/b&gt; (backward):&lt;br&gt;dz = ŷ − y&lt;br&gt;dw = (1/m) Xᵀ dz&lt;br&gt;db = (1/m) Σ dz&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gradient descent&lt;/b&gt;, all 209 pictures at every step:&lt;br&gt;w ← w − η·dw&lt;br&gt;b ← b − η·db&lt;/p&gt;&lt;p&gt;Starting from w = 0, ŷ = 0.5 for every picture and J = log 2 = 0.693147.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;一个神经元&lt;/h3&gt;&lt;p&gt;z = w·x + b&lt;br&gt;ŷ = σ(z) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;)&lt;/p&gt;&lt;p&gt;一张图片的&lt;b&gt;损失&lt;/b&gt;：&lt;br&gt;L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ))&lt;/p&gt;&lt;p&gt;&lt;b&gt;代价&lt;/b&gt;：全部 m 张图片的损失的平均值&lt;br&gt;J(w, b) = (1/m) Σ L&lt;/p&gt;&lt;p&gt;&lt;b&gt;梯度&lt;/b&gt;（反向）：&lt;br&gt;dz = ŷ − y&lt;br&gt;dw = (1/m) Xᵀ dz&lt;br&gt;db = (1/m) Σ dz&lt;/p&gt;&lt;p&gt;&lt;b&gt;梯度下降法&lt;/b&gt;，每一步都使用全部 209 张图片：&lt;br&gt;w ← w − η·dw&lt;br&gt;b ← b − η·db&lt;/p&gt;&lt;p&gt;从 w = 0 开始时，每张图片的 ŷ = 0.5，J = log 2 = 0.693147。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The learning rate&lt;/h3&gt;&lt;p&gt;η is a hyperparameter: chosen by hand, not learned.&lt;/p&gt;&lt;p&gt;Too large and the cost jumps about (or even grows); too small and it falls so slowly that 1,500 iterations are not enough.&lt;/p&gt;&lt;p&gt;The lessons compare η = 0.01, 0.001 and 0.0001. The fastest fall in the training cost does not promise the best test accuracy.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;学习率&lt;/h3&gt;&lt;p&gt;η 是超参数：需要人工设定，而不是通过学习得到。&lt;/p&gt;&lt;p&gt;太大时代价会来回跳动（甚至增大）；太小时代价下降得太慢，1,500 次迭代都不够。&lt;/p&gt;&lt;p&gt;课程比较了 η = 0.01、0.001 和 0.0001。训练代价下降得最快，并不能保证测试准确率最高。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Overfitting&lt;/h3&gt;&lt;p&gt;With the lessons&apos; settings the model gets 99 % of the training pictures right but only 70 % of the test pictures.&lt;/p&gt;&lt;p&gt;It has 12,289 parameters and only 209 examples: it learns the training pictures almost by heart instead of what makes a cat. More data, regularisation or stopping earlier help; a single neuron is also simply a weak model for pictures.&lt;/p&gt;&lt;p&gt;A prediction is “cat” when ŷ &gt; 0.5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;过拟合&lt;/h3&gt;&lt;p&gt;使用课程中的设置，模型在训练图片上的准确率为 99 %，在测试图片上却只有 70 %。&lt;/p&gt;&lt;p&gt;模型有 12,289 个参数，而样本只有 209 个：它几乎是把训练图片死记硬背了下来，而没有学到猫的本质特征。增加数据、正则化或提前停止训练都有帮助；此外，单个神经元对于图片来说本身就是一个很弱的模型。&lt;/p&gt;&lt;p&gt;当 ŷ &gt; 0.5 时，预测为“猫”。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your own picture&lt;/h3&gt;&lt;p&gt;The picture is squeezed to 64×64 pixels (as in the lessons), flattened to 12,288 values / 255 and put through ŷ = σ(w·x + b).&lt;/p&gt;&lt;p&gt;Expect mistakes: the model was trained on 209 small pictures and reaches 70 % on new ones.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;你自己的图片&lt;/h3&gt;&lt;p&gt;图片被压缩为 64×64 像素（与课程相同），展平为 12,288 个值并除以 255，再代入 ŷ = σ(w·x + b)。&lt;/p&gt;&lt;p&gt;出错是正常的：模型只用 209 张小图片训练过，在新图片上的准确率为 70 %。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vectorisation&lt;/h3&gt;&lt;p&gt;Training computes Xᵀ(ŷ − y) over 209 × 12,288 numbers at every step. Written as Python for-loops this would take seconds per step; as one NumPy call (np.dot, @) it takes about a millisecond.&lt;/p&gt;&lt;p&gt;Rule of thumb: avoid explicit for-loops over data; use whole-array operations such as np.dot, np.exp, np.log, np.sum.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;向量化&lt;/h3&gt;&lt;p&gt;训练的每一步都要对 209 × 12,288 个数计算 Xᵀ(ŷ − y)。如果用 Python 的 for 循环来写，每一步需要数秒；用一次 NumPy 调用（np.dot、@）只需约 1 毫秒。&lt;/p&gt;&lt;p&gt;经验法则：避免对数据使用显式的 for 循环，改用 np.dot、np.exp、np.log、np.sum 等整个数组的运算。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Folder with train_catvnoncat.h5 and test_catvnoncat.h5</source>
        <translation>存放 train_catvnoncat.h5 和 test_catvnoncat.h5 的文件夹</translation>
    </message>
    <message>
        <source>Cost after iteration %1: %2</source>
        <translation>迭代 %1 次后的代价：%2</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
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
    <message>
        <source>diverged at iteration %1</source>
        <translation>在第 %1 次迭代时发散</translation>
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
        <source>np.dot is %1 times faster</source>
        <translation>np.dot 快 %1 倍</translation>
    </message>
    <message>
        <source>The same c (n = %1): loop %2, np.dot %3. The last digits may differ: the two add the products in a different order, and floating-point rounding depends on it.</source>
        <translation>同一个 c（n = %1）：循环得到 %2，np.dot 得到 %3。最后几位可能不同：两者累加乘积的顺序不同，而浮点数的舍入误差取决于这个顺序。</translation>
    </message>
    <message>
        <source>The demo failed: %1</source>
        <translation>演示失败：%1</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>尚未选择文件夹。</translation>
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
        <source>Test picture %1: %2</source>
        <translation>测试图片 %1：%2</translation>
    </message>
    <message>
        <source>Training picture %1: %2</source>
        <translation>训练图片 %1：%2</translation>
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
    <message>
        <source>Iteration %1 of %2</source>
        <translation>第 %1 / %2 次迭代</translation>
    </message>
    <message>
        <source>%1 it/s, %2 s left</source>
        <translation>%1 次迭代/秒，剩余 %2 秒</translation>
    </message>
    <message>
        <source>Paused at iteration %1.</source>
        <translation>已在第 %1 次迭代时暂停。</translation>
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
    <message>
        <source>The model overfits: it classifies almost every training picture right but far fewer new ones. It has learned the 209 training pictures rather than what makes a cat.</source>
        <translation>模型发生了过拟合：它几乎能正确分类每一张训练图片，但对新图片的正确率低得多。它记住的是这 209 张训练图片，而不是猫的本质特征。</translation>
    </message>
    <message>
        <source>Train and test accuracy are close: the model does about as well on new pictures.</source>
        <translation>训练准确率和测试准确率接近：模型在新图片上的表现差不多一样好。</translation>
    </message>
    <message>
        <source>Train the model (Start) to see its answers on the test pictures.</source>
        <translation>请先训练模型（开始），才能看到它对测试图片的回答。</translation>
    </message>
    <message>
        <source>Test picture %1: it is a %2; the model says %3 (ŷ = P(cat) = %4)</source>
        <translation>测试图片 %1：实际是%2；模型预测为%3（ŷ = P(cat) = %4）</translation>
    </message>
    <message>
        <source>Test pictures: %1 of %2 right, %3 wrong (framed, ✗).</source>
        <translation>测试图片：%2 张中 %1 张正确，%3 张错误（带边框，✗）。</translation>
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
        <translation>%1：ŷ = P(cat) = %2（ŷ &gt; 0.5 时为猫）</translation>
    </message>
</context>
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
    <name>RateProgress</name>
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
    <name>TrainingTab</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
</TS>
