class N:
    def __index__(self): return 7
class T:
    def __int__(self): return 9
class TR:
    def __trunc__(self): return 11
print(int(T()), int("0"), int(-0), int("00012"), bin(N()), hex(N()), [0, 1, 2, 3, 4, 5, 6, 7][N()])
import warnings
warnings.simplefilter("ignore")
print(int(TR()))
print(int(" 0b11 ", 0), int("0_1", 0) if False else 1)
