class A:
    def __lt__(self, o):
        print("A.lt"); return NotImplemented
    def __gt__(self, o):
        print("A.gt"); return True
class B:
    def __gt__(self, o):
        print("B.gt"); return "B>A"
    def __lt__(self, o):
        print("B.lt"); return NotImplemented
print(A() < B())
print(B() < A())
class E:
    pass
try:
    E() < E()
except TypeError as e:
    print(e)
print(E() == E(), E() != E())
