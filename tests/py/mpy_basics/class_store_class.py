class Outer:
    class Inner:
        val = 1
    inner = Inner()
    ref = Inner
print(Outer.Inner.val, Outer.inner.val, Outer.ref is Outer.Inner, Outer().Inner.val)
Outer.Inner.val = 2
print(Outer.inner.val)
