class A:
    @classmethod
    def create(cls, *args):
        return cls.__name__, args
class B(A):
    @classmethod
    def create(cls, *args):
        return ("B wraps",) + super().create(*args)
class C(B): pass
print(A.create(1), B.create(2), C.create(3), C().create(4))
