import _helper
print(__name__, _helper.__name__)
if __name__ == "__main__":
    print("main block")
