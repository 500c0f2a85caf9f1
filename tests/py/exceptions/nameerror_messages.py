try:
    undefined_var
except NameError as e:
    print(e, e.name if hasattr(e, "name") else "")
def f():
    return local_missing
try:
    f()
except NameError as e:
    print(e)
class C:
    def m(self):
        return attr_here
try:
    C().m()
except NameError as e:
    print(e)
