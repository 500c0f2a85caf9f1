class Proxy:
    def __mro_entries__(self, bases):
        return (dict,)
class D(Proxy()):
    pass
print(D.__bases__, D.__orig_bases__[0].__class__.__name__, D(a=1))
