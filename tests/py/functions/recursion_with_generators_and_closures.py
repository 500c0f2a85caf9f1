def hanoi(n, src="A", dst="C", via="B"):
    if n:
        yield from hanoi(n - 1, src, via, dst)
        yield (src, dst)
        yield from hanoi(n - 1, via, dst, src)
moves = list(hanoi(5))
print(len(moves), moves[:4])
def memo(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return w
@memo
def partitions(n, k=None):
    return 1
@memo
def catalan(n):
    return 1 if n < 2 else sum(catalan(i) * catalan(n - 1 - i) for i in range(n))
print([catalan(i) for i in range(12)])
