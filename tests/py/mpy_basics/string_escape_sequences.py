print("\a\b\f\n\r\t\v".encode(), len("\x00\x7f\xff\u0100\U00010000"), "\101\102\x43", "\N{LATIN SMALL LETTER E WITH ACUTE}")
print(r"\n\t" == "\\n\\t", b"\x41\102", "\
continued")
