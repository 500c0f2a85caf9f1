from functools import partial
def power(base, exp):
    return base ** exp
sq = partial(power, exp=2)
two = partial(power, 2)
print(sq(5), two(10), sq.func is power, sq.args, sq.keywords, two.args)
p = partial(print, sep="|")
p(1, 2, 3)
