class Counter:
    n = 0
    def inc(self):
        self.n += 1
c1, c2 = Counter(), Counter()
c1.inc(); c1.inc(); c2.inc()
print(c1.n, c2.n, Counter.n)
Counter.n = 10
print(Counter().n, c1.n)
