import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep='-')
print(1, 2, 3, sep='', end='!\n')
print('a', 'b', sep=None, end=None)
print('x', end='')
print()
print('é', 'ü', '日本', '😀', sep='|')
print(1.5, None, True, [1, 'a'], {'k': (1,)})
print('flush', flush=True)
print('to stderr', file=sys.stderr)
print('to stdout', file=None)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('a', 1, sep=', ', end='.', file=w)
print(w.parts)
class S:
    def __str__(self): return 'S!'
print(S(), S())
try:
    print(sep=1)
except TypeError as e:
    print(e)
try:
    print(end=2)
except TypeError as e:
    print(e)
try:
    print(foo=2)
except TypeError as e:
    print(e)
try:
    print(file=1)
except AttributeError as e:
    print(e)
for i in range(3): print(i, end=' ')
print()
print(*range(20))
