# A 100000-term expression is too deep to compile in every mode: a
# RecursionError, never a crash (the 'eval' and 'single' modes were not
# checked before constant folding).
src = "+".join(["1"] * 100000)
for mode in ("eval", "exec", "single"):
    try:
        compile(src, "<deep>", mode)
    except RecursionError as e:
        print(mode, type(e).__name__, e)
try:
    eval(src)
except RecursionError as e:
    print("eval()", e)
print(eval("+".join(["1"] * 500)), eval("-" * 200 + "1"))
