import threading, time
ev = threading.Event()
def forever():
    ev.wait()
d = threading.Thread(target=forever, daemon=True)
d.start()
print(d.daemon, d.is_alive())
t = threading.Thread(target=lambda: None)
t.daemon = True
print(t.daemon)
t.start(); t.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print("main exits while the daemon waits")
