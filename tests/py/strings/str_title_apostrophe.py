print("they're bill's friends".title(), "hello   world".title(), "123abc abc123".title(), "ÉCOLE école".title())
print("hello world".capitalize(), "HELLO".capitalize(), "ǆemal".capitalize())
