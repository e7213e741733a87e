"""Gradient Lab's mathematics: pure NumPy, readable beside 《深度学习入门》 chapter 4. Never imports Qt."""
