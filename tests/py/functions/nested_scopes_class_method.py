class A:
    x = 1
    def f(self):
        def g():
            return self.x + 1
        return g()
print(A().f())
def outer():
    y = 10
    class Inner:
        def get(self):
            return y
    return Inner().get()
print(outer())
