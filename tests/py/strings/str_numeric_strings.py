print("12".isdigit(), "1.5".isdigit(), "-1".isdigit(), "١".isdecimal(), "Ⅻ".isnumeric(), "Ⅻ".isdigit())
print(int("٣"), float("１.５"), "³".isdigit(), "³".isdecimal())
