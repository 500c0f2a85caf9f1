class DataError(Exception):
    pass
def load(key):
    store = {}
    try:
        return store[key]
    except KeyError as exc:
        raise DataError(f"no data for {key!r}") from exc
def main():
    try:
        load("alpha")
    except DataError:
        raise RuntimeError("main failed")
main()
