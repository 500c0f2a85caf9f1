import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), string.ascii_uppercase)
print(string.capwords("hello   big world"))
