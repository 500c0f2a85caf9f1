assert all([]) and not any([])
assert list(map(lambda x: x + 1, [1])) == [2]
assert list(filter(None, [0, 1])) == [1]
assert list(zip("ab", "cd")) == [("a", "c"), ("b", "d")]
assert min([3, 1]) == 1 and max("ab") == "b"
assert sorted("cba") == ["a", "b", "c"]
assert chr(ord("a") + 1) == "b"
assert hex(255) == "0xff" and bin(3) == "0b11" and oct(8) == "0o10"
assert divmod(7, 2) == (3, 1)
assert isinstance(True, int)
assert repr("a") == "'a'"
assert ascii("é") == "'\\xe9'"
assert format(0.5, ".1%") == "50.0%"
assert len(range(0, 10, 3)) == 4
assert list(enumerate("a", 1)) == [(1, "a")]
assert round(2.675, 2) == 2.67
print("builtins ok")
