print("this line is printed first")
print("then the traceback (stdout is flushed first)")
raise RuntimeError("boom")
