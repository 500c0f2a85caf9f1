x = 'unterminated
