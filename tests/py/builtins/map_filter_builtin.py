print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 1, range(4))))
m = map(int, "123")
print(next(m), list(m), type(m).__name__, type(filter(None, [])).__name__)
try:
    map(5, [1]).__next__()
except TypeError as e:
    print(e)
