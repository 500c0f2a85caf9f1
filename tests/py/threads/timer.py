import threading
out = []
t = threading.Timer(0.01, out.append, args=["fired"])
t.start(); t.join()
print(out)
t2 = threading.Timer(10, out.append, args=["never"])
t2.start(); t2.cancel(); t2.join()
print(out, t2.is_alive())
