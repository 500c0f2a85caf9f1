import atexit
def bye(name):
    print("atexit", name)
atexit.register(bye, "first")
atexit.register(bye, "second")
@atexit.register
def last():
    print("registered with decorator")
print("main done")
