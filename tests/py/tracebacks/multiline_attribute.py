# An attribute access that spans lines points at its name on the last line
# (3.11): a method call's frame line is the one holding the method name,
# and a plain attribute's error marks just the name.
class O:
    def meth(self, a, b):
        try:
            return (self
                    .missing)
        except AttributeError as e:
            print("line", e.__traceback__.tb_lineno)
        return (self.
                other)


o = O()


def t():
    return (o
            .meth(1,
                  2))


t()
