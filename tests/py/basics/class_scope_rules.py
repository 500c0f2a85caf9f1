x = "global"
class C:
    x = "class"
    def m(self):
        return x
    y = x + "!"
print(C().m(), C.y)
def f():
    x = "local"
    class D:
        print(x)
        x = "D"
        print(x)
    return D.x
print(f())
