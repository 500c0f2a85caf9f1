f(a, b, )
