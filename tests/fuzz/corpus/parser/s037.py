try:
    pass
except ValueError as e:
    raise
except (TypeError, KeyError):
    raise X from e
except:
    pass
else:
    pass
finally:
    pass
