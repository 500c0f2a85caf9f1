class K:
    def m(self, a, *, b): pass
    @classmethod
    def c(cls, x): pass
    @staticmethod
    def s(y): pass
for call in (lambda: K().m(), lambda: K().m(1), lambda: K().m(1, 2), lambda: K.c(), lambda: K.s(), lambda: K().s(1, 2), lambda: K().m(1, b=2, c=3)):
    try:
        call()
    except TypeError as e:
        print(e)
f = lambda x, /, y=1, *, z: 0
for call in (lambda: f(), lambda: f(1), lambda: f(x=1, z=1), lambda: f(1, 2, 3, z=1)):
    try:
        call()
    except TypeError as e:
        print(e)
