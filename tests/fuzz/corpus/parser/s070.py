rf"\d{x}\n"
