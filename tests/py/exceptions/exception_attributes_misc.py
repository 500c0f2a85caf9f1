e = ValueError("msg")
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
try:
    raise e
except ValueError as x:
    print(x.__traceback__ is not None, x.__traceback__.tb_lineno)
e2 = e.with_traceback(None)
print(e2 is e, e.__traceback__)
