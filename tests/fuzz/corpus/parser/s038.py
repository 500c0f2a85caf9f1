try:
    pass
except* ValueError:
    pass
except* (A, B) as eg:
    pass
