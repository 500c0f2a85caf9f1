print(hash((1, 2)), hash((1,)), hash(()), hash((1, (2, 3))), hash((-1, 0)), hash((1.5, True)))
