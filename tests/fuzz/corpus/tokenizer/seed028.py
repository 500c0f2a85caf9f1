x = (
  # comment
  1
)
