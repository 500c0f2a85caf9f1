x = r'\n\x'
