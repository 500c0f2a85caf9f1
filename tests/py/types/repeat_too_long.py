# Repeating a sequence past the largest size: str and bytes raise
# OverflowError with CPython's wording, the mutable and tuple/list ones
# MemoryError; a negative count gives an empty sequence.
for expr in ['"ab" * 2**62', 'b"ab" * 2**62', 'bytearray(b"ab") * 2**62',
             '[0, 1] * 2**62', '(0, 1) * 2**62', '"a" * 2**63', '"abc" * -3',
             'b"x" * -1', '[1] * -5']:
    try:
        r = eval(expr)
        print(expr, "->", repr(r))
    except (OverflowError, MemoryError) as e:
        print(expr, "->", type(e).__name__, e)
