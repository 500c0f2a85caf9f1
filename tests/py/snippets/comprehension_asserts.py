assert [i * j for i in range(3) for j in range(2)] == [0, 0, 0, 1, 0, 2]
assert {k: k * 2 for k in "ab"} == {"a": "aa", "b": "bb"}
assert [x for x in range(10) if x % 2 if x % 3] == [1, 5, 7]
assert [[y for y in range(x)] for x in range(3)] == [[], [0], [0, 1]]
assert list((yield_ := 3) for _ in range(1)) == [3]
print("comprehension ok")
