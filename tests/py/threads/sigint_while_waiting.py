# Ctrl-C (SIGINT, sent here by a helper thread) raises KeyboardInterrupt
# in the main thread while it waits in join(), in Lock.acquire() and in
# queue.get(), while other threads keep running.
import os, queue, signal, threading, time

# The inherited disposition may be "ignore" (e.g. under a CI runner):
# install Python's default handler explicitly.
signal.signal(signal.SIGINT, signal.default_int_handler)

def interrupt_later():
    time.sleep(0.2)
    os.kill(os.getpid(), signal.SIGINT)

ev = threading.Event()
blocker = threading.Thread(target=ev.wait)
blocker.start()

for what in ("join", "acquire", "queue.get"):
    threading.Thread(target=interrupt_later).start()
    try:
        if what == "join":
            blocker.join()
        elif what == "acquire":
            lock = threading.Lock()
            lock.acquire()
            lock.acquire()
        else:
            queue.Queue().get()
    except KeyboardInterrupt:
        print("KeyboardInterrupt while waiting in", what)
ev.set()
blocker.join()
print("done")
