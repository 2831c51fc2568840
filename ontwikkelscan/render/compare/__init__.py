"""Two scans of one person, or before and after for a group, in every format."""
