b"bytes" rb"raw\bytes" Rb'x' BR"y"
