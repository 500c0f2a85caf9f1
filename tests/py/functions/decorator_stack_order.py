def tag(name):
    def d(fn):
        print("applying", name)
        def w():
            return f"<{name}>{fn()}</{name}>"
        return w
    return d
@tag("b")
@tag("i")
def text():
    return "x"
print(text())
