import sys
print("before exit", flush=True)
sys.exit("exiting with a message")
