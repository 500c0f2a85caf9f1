x = BR'\n'
