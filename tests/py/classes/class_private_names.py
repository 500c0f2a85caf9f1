class A:
    def __init__(self):
        self.__secret = 1
        self._prot = 2
    def get(self): return self.__secret
a = A()
print(a.get(), a._A__secret, sorted(vars(a)))
try:
    a.__secret
except AttributeError as e:
    print(e)
class B(A):
    def peek(self):
        return self.__secret
try:
    B().peek()
except AttributeError as e:
    print(e)
