def greet(name, greeting="hello"):
    return f"{greeting} {name}"
greet()
