import threading, time
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
t.join(0.02)
print("alive after timed join:", t.is_alive())
ev.set()
t.join()
print("alive after join:", t.is_alive())
