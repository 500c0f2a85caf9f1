for exc in (KeyboardInterrupt, SystemExit, GeneratorExit):
    try:
        try:
            raise exc
        except Exception:
            print("wrongly caught")
    except BaseException as e:
        print("BaseException caught", type(e).__name__)
try:
    raise SystemExit("message")
except SystemExit as e:
    print(e.code, e.args)
