from decimal import Decimal, getcontext
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.10").quantize(Decimal("0.1")))
getcontext().prec = 5
print(Decimal(1) / Decimal(3), Decimal("2").sqrt(), Decimal("3.14159").normalize())
