raise E("x") from None
