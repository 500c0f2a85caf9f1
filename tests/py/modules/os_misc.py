import os
print(os.sep, os.linesep == "\n", os.name, type(os.getpid()).__name__, os.getcwd().endswith("modules"))
os.environ["WEFT_TEST_VAR"] = "value"
print(os.environ.get("WEFT_TEST_VAR"), os.getenv("WEFT_TEST_VAR"), os.getenv("WEFT_SURELY_UNSET_VAR", "dflt"))
print(os.path.basename(os.path.abspath("x.py")), os.fspath("p"), type(os.urandom(4)).__name__, len(os.urandom(4)))
