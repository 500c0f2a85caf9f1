s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, 3))
print(s.indices(6), slice(None, None, -1).indices(5))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
class G:
    def __getitem__(self, k): return k
g = G()
print(g[1:2], g[::3], g[1:2, 3], g[...], g[:, 1])
