class ValidationError(Exception):
    def __str__(self):
        return f"field {self.args[0]!r} is invalid"
def validate(field):
    raise ValidationError(field)
validate("email")
