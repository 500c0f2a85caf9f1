def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g()
next(it)
it.close()
print("closed")
it.close()
try:
    next(it)
except StopIteration:
    print("exhausted")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
