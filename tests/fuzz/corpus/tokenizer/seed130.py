x = 0XdeadBEEF
