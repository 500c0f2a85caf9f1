x = rb'\x'
