def check(xs):
    assert all(x > 0 for x in xs), f"bad values: {[x for x in xs if x <= 0]}"
    return "ok"
print(check([1, 2]))
try:
    check([1, -2, 0])
except AssertionError as e:
    print(e)
try:
    assert (1, 2) == (1, 3), ("tuple", "message")
except AssertionError as e:
    print(e.args)
