# Instruction offsets as Python sees them: f_lasti / tb_lasti are byte
# offsets into co_code, co_lines() ranges cover co_code in bytes, and
# co_positions() has one entry per 2-byte code unit, so the traceback
# module's idiom co_positions()[lasti // 2] finds the instruction.
import sys


def where():
    fr = sys._getframe(1)
    return fr.f_code, fr.f_lasti, fr.f_lineno


def f(a):
    x = a + 1
    y = where()
    return x, y


def line_of(code, lasti):
    for start, end, line in code.co_lines():
        if start <= lasti < end:
            return line
    return "none"


def check(code):
    positions = list(code.co_positions())
    lines = list(code.co_lines())
    print(code.co_name, "units match:", len(positions) == len(code.co_code) // 2)
    print(code.co_name, "lines cover co_code:", lines[0][0] == 0 and lines[-1][1] == len(code.co_code))
    print(code.co_name, "lines contiguous:", all(a[1] == b[0] for a, b in zip(lines, lines[1:])))


check(f.__code__)
check(where.__code__)
x, (code, lasti, lineno) = f(1)
print("lasti even and inside co_code:", lasti % 2 == 0 and 0 <= lasti < len(code.co_code))
print("co_lines line of lasti == f_lineno:", line_of(code, lasti) == lineno, lineno)
print("position line == f_lineno:", list(code.co_positions())[lasti // 2][0] == lineno)


def g():
    return 1 / 0


try:
    g()
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    co = tb.tb_frame.f_code
    pos = list(co.co_positions())[tb.tb_lasti // 2]
    print("tb line:", tb.tb_lineno, line_of(co, tb.tb_lasti), pos[0])
    src = "    return 1 / 0"
    print("tb columns:", src[pos[2]:pos[3]])


def gen():
    yield 1
    yield 2


it = gen()
next(it)
gf = it.gi_frame
print("generator line:", line_of(gf.f_code, gf.f_lasti), gf.f_lineno)
next(it)
print("generator line:", line_of(gf.f_code, gf.f_lasti), gf.f_lineno)
