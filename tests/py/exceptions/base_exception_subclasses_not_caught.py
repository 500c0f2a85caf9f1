import sys
def f():
    try:
        sys.exit(5)
    except Exception:
        return "caught as Exception"
    except SystemExit as e:
        return f"SystemExit {e.code}"
print(f())
try:
    raise GeneratorExit
except Exception:
    print("no")
except GeneratorExit:
    print("GeneratorExit is BaseException")
