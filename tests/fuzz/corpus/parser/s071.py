f'{"nested"}' f"{'q'}"
