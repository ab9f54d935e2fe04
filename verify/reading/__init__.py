"""Reading: bytes -> Document (decoded once, normalised) -> [Quantity], each an Interval of what
it can mean; numerals, the lexicon and calendar values. Knows nothing of rules."""
