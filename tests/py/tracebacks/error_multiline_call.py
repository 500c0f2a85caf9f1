def configure(host, port, timeout):
    return host + port
configure(
    "localhost",
    8080,
    timeout=30,
)
