try:
    raise ValueError("original")
finally:
    print("cleanup runs", flush=True)
