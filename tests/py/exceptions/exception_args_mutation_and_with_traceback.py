e = ValueError(1, 2)
e.args = [3]
print(e.args, str(e), repr(e))
e.custom = "attr"
print(e.custom, e.__dict__)
try:
    raise e
except ValueError as caught:
    tb = caught.__traceback__
    print(caught is e, tb.tb_lineno, tb.tb_frame.f_code.co_name)
