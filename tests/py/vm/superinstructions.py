# LOAD_FAST fused with the instruction that consumes the local
# (LOAD_FAST__LOAD_ATTR, __STORE_ATTR, __BINARY_OP, __BINARY_SUBSCR,
# __COMPARE_OP): the same results, errors, positions and reference counts as
# the two instructions apart.
import sys


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x
        self.y = [x]


class D:
    def __init__(self):
        self.a = 1


class Prop:
    calls = 0

    @property
    def v(self):
        Prop.calls += 1
        return self  # the attribute is the owner itself


def attrs(p, d):
    p.x = p.x + d.a
    d.b = p.x * 2
    return p.x, d.b, p.y[0], d.a < p.x


print(attrs(P(3), D()))


def operand_is_the_result(o):
    # owner lent from a local, result is the same object
    for _ in range(1000):
        o = o.v
    return o


pr = Prop()
before = sys.getrefcount(pr)
print(operand_is_the_result(pr) is pr, Prop.calls, sys.getrefcount(pr) - before)


def inplace_with_itself(l, s, n):
    l += l
    s += s
    n += n
    l = l + l
    return l, s, n


print(inplace_with_itself([1], "ab", 21))


def subscr(seq, i):
    r = []
    r.append(seq[i])
    i = -1
    r.append(seq[i])
    k = "k"
    r.append({"k": 7}[k])
    return r


print(subscr([10, 20, 30], 1), subscr((4, 5, 6), 0), subscr("xyz", 2))


def unbound_owner():
    if 0:
        x = None
    return x.attr


def unbound_operand(a):
    if 0:
        b = 1
    return a + b


def unbound_store():
    if 0:
        o = None
    o.attr = 1


for fn, arg in ((unbound_owner, ()), (unbound_operand, (1,)), (unbound_store, ())):
    try:
        fn(*arg)
    except UnboundLocalError as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)


def errors(o, k, s):
    out = []
    try:
        o.missing
    except AttributeError as e:
        out.append(str(e))
    try:
        o.__class__ = k
    except TypeError as e:
        out.append(str(e))
    try:
        s + k
    except TypeError as e:
        out.append(str(e))
    try:
        s[k]
    except TypeError as e:
        out.append(str(e))
    try:
        s < k
    except TypeError as e:
        out.append(str(e))
    try:
        [][k]
    except TypeError as e:
        out.append(str(e))
    idx = 9
    try:
        [1, 2][idx]
    except IndexError as e:
        out.append(str(e))
    return out


for line in errors(P(1), 3.5, "s"):
    print(line)


def deleted(a):
    b = a
    del a
    try:
        return b.real + a.real
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(deleted(5))


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        # runs Python code while the operand is lent
        other.v += 1
        return self.v < other.v

    def __radd__(self, other):
        return other + self.v


def compare_and_add(a, b):
    return a < b, b.v, 10 + b


print(compare_and_add(Cmp(1), Cmp(1)))


def del_attr_during_lookup():
    class G:
        def __getattr__(self, name):
            return name * 2

    g = G()
    return g.ab, g.c


print(del_attr_during_lookup())

# Three-word groups: LOAD_FAST a; LOAD_FAST b / LOAD_CONST c; operation.
def both_operands(a, b, l, d):
    return (a + b, a * 2, a - a, l[0], l[b], d["k"], a < b, a == 3, b >= b,
            [x * x for x in l], a ** 2, l[-1])


print(both_operands(3, 1, [5, 6, 7], {"k": "v"}))
print(both_operands(2.5, 1, (8, 9), {"k": None}))
print(both_operands("s", "t" if False else 1, "xyz", {"k": 0}) if False else "skipped")


def unbound_first(b):
    if 0:
        a = 1
    return a + b


def unbound_middle(a):
    if 0:
        b = 1
    return a < b


def unbound_container():
    if 0:
        l = []
    return l[0]


def unbound_subscript(l):
    if 0:
        i = 0
    return l[i]


for fn, arg in ((unbound_first, (1,)), (unbound_middle, (1,)), (unbound_container, ()),
                (unbound_subscript, ([1],))):
    try:
        fn(*arg)
    except UnboundLocalError as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)


def group_errors(a, b):
    out = []
    for f in (lambda: a + b, lambda: a < b, lambda: a[b], lambda: a[0], lambda: a < 1, lambda: a + 1):
        try:
            f()
        except TypeError as e:
            out.append(str(e))
    try:
        [][a]
    except TypeError as e:
        out.append(str(e))
    k = 10
    try:
        return (1, 2)[k]
    except IndexError as e:
        out.append(str(e))
    return out


for line in group_errors(None, "x"):
    print(line)


def loop_counts(n):
    # the operands of a group are lent: no count change on the locals
    seq = list(range(n))
    before = sys.getrefcount(seq)
    total = 0
    i = 0
    while i < n:
        total = total + seq[i]
        i = i + 1
    return total, sys.getrefcount(seq) - before


print(loop_counts(1000))


# LOAD_FAST__UNPACK_SEQUENCE: the sequence is lent.
def unpack(t, l, it, s):
    a, b = t
    c, d, e = l
    f, g = it
    h, i = s
    return a, b, c, d, e, f, g, h, i


print(unpack((1, 2), [3, 4, 5], iter("xy"), {"k": 1, "j": 2}.keys() and "kj"))
for bad in ((1, 2, 3), [1], iter([1, 2, 3]), 5):
    try:
        def one(seq):
            x, y = seq
            return x, y
        one(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


# LOAD_FAST__RETURN_VALUE: the frame's reference moves out, unless a frame
# object may show the locals later.
def give_back(n):
    made = [n] * n
    return made


held = give_back(3)
print(held, sys.getrefcount(held) - sys.getrefcount([]))


def keep_frame():
    x = [1, 2]
    global captured
    captured = sys._getframe()
    return x


r = keep_frame()
print(r, sorted(captured.f_locals), captured.f_locals["x"] is r)


def after_traceback():
    y = "kept"
    try:
        1 / 0
    except ZeroDivisionError as e:
        tb = e.__traceback__
    return y, tb


v, tb = after_traceback()
print(v, tb.tb_frame.f_locals["y"])


def gen_return():
    z = (yield 1)
    return z


g = gen_return()
next(g)
try:
    g.send("sent")
except StopIteration as e:
    print("StopIteration", e.value)


# Tracebacks point at the right instruction of the pair.
def raise_in_tail(o):
    return (o
            .nope)


raise_in_tail(object())
