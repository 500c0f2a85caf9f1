import io
f = io.StringIO("a\nb\n\nc\n")
print(list(iter(f.readline, "\n")))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
class G:
    def __getitem__(self, i):
        if i < 3:
            return chr(97 + i)
        raise IndexError(i)
it = iter(G())
print(next(it), list(it), list(G()))
