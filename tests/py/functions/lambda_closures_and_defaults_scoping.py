x = 10
f = lambda y, x=x: x + y
x = 20
g = lambda y: x + y
print(f(1), g(1))
adders = {n: (lambda v, n=n: v + n) for n in range(3)}
print({k: a(100) for k, a in adders.items()})
