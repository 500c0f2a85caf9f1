print([1, 2] == (1, 2), (1, 2) == [1, 2], {1: 2} == [(1, 2)], {1} == {1: None}.keys(), range(3) == [0, 1, 2], b"ab" == bytearray(b"ab"), "ab" == b"ab")
print([1, 2] != (1, 2), list((1, 2)) == [1, 2], tuple([1]) == (1,), set([1]) == frozenset([1]))
