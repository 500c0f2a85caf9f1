# An exception that passes through a `finally` block (on its way to an
# enclosing handler or out of the function) leaves the handled-exception
# state as it was: sys.exc_info() is empty again after the handler, and
# the next exception does not get the old one as its __context__.
import sys


def show(tag):
    print(tag, sys.exc_info()[0])


def through_finally():
    try:
        try:
            raise KeyError(1)
        finally:
            pass
    except KeyError as e:
        err = e
    show("after handler:")
    return err


e1 = through_finally()
show("outside:")
e2 = through_finally()
print("chained to the previous one:", e2.__context__ is e1, e2.__context__)


def out_of_function():
    try:
        {}[1]
    finally:
        x = 1


try:
    out_of_function()
except KeyError:
    show("in handler:")
show("after:")


def nested_finally():
    try:
        try:
            try:
                raise ValueError("v")
            finally:
                a = 1
        finally:
            b = 2
    except ValueError:
        show("nested, in handler:")
    show("nested, after:")


nested_finally()


def finally_in_handler():
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            try:
                raise KeyError("inner")
            finally:
                pass
        except KeyError as k:
            print("inner context:", repr(k.__context__))
        show("back in the outer handler:")
    show("after both:")


finally_in_handler()


def finally_returns():
    try:
        raise OSError("swallowed")
    finally:
        return "returned"


print(finally_returns())
show("after return in finally:")


def loop_with_finally():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise IndexError(i)
            finally:
                out.append(i)
        except IndexError:
            out.append("caught")
        out.append(sys.exc_info()[0])
    return out


print(loop_with_finally())


def gen():
    try:
        try:
            yield 1
            raise RuntimeError("in gen")
        finally:
            pass
    except RuntimeError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


print(list(gen()))
show("end:")
