def gen(name, n):
    for i in range(n):
        print("gen", name, i)
        yield i
z = zip(gen("a", 3), gen("b", 1))
print(list(z))
m = map(lambda x: x * 10, gen("m", 2))
print("map created")
print(list(m))
