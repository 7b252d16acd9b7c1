"""What people could not find: searches with few hits, counted per day without personal data,
for advisors to grow the catalogue and the synonym file from."""
