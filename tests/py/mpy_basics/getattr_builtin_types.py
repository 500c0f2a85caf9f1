print(getattr(1, "real"), getattr("s", "upper")(), getattr([], "__len__")(), getattr(int, "__name__"))
