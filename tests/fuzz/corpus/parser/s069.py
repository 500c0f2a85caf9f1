f"""multi
{line}
"""
