import sys
print(sys.argv[0], type(sys.argv).__name__, sys.path[0].endswith("modules"), "__main__" in sys.modules, sys.modules["__main__"].__name__)
print(sys.getdefaultencoding(), sys.stdout.encoding.lower().replace("-", ""), sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), type(sys.flags).__name__)
print(sys.exc_info() == (None, None, None), sys.maxsize > 2 ** 31, isinstance(sys.builtin_module_names, tuple), "sys" in sys.builtin_module_names)
print(callable(sys.intern), sys.intern("abc") == "abc", type(sys.getsizeof(1)).__name__, sys.is_finalizing())
