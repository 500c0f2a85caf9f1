# operator.concat / iconcat follow PySequence_Concat: the first operand's
# concatenation, else + when both are sequences, else "can't be concatenated".
import operator
class Sq:
    def __getitem__(self, i): return i
    def __add__(self, o): return "added"
for a, b in (([1], [2]), ((1,), (2,)), ("a", "b"), (Sq(), 1), (Sq(), Sq()), ({}, {}), (1, 2), ([1], (2,)), (Sq(), [1]), ([1], Sq())):
    try:
        print(repr(operator.concat(a, b)))
    except TypeError as e:
        print("TypeError", e)
l = [1]
print(operator.iconcat(l, [2]), l)
try:
    operator.iconcat(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    operator.iconcat(Sq(), 2)
except TypeError as e:
    print("TypeError", e)
