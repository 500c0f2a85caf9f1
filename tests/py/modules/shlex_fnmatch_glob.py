import shlex, fnmatch
print(shlex.split('a "b c" d\\ e'), shlex.quote("it's"), shlex.join(["a b", "c"]))
print(fnmatch.fnmatch("file.py", "*.py"), fnmatch.filter(["a.c", "b.h", "c.c"], "*.c"))
