u"unicode"
