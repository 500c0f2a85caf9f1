data = [
    1,
    2,
    int("three"),
]
