x = a if b else c if d else e if f else g if h else i
