# The interpreter waits for non-daemon threads before exiting.
import threading, time
def late():
    time.sleep(0.05)
    print("worker finished")
threading.Thread(target=late).start()
print("main done")
