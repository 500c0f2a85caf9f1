def p(x):
    print("eval", x)
    return x
p(1) + p(2) * p(3)
d = {p("a"): p(1), p("b"): p(2)}
l = [p(i) for i in range(2)]
p(4)[0] if False else None
f = p(print)
f(p("arg1"), p("arg2"))
