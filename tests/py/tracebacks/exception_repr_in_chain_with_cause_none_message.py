try:
    raise OSError(2, "No such file or directory", "data.csv")
except OSError as e:
    raise RuntimeError("loading failed") from e
