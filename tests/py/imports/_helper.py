"""helper module next to the import tests"""
print("_helper imported as", __name__)
def add(a, b):
    return a + b
CONST = 42
if __name__ == "__main__":
    print("this does not print on import")
