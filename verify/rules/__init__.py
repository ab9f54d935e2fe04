"""Rules: YAML rule files -> Rule, validated against the kinds they are handed; the pattern
language with its typed slots, and the formula language in formula/."""
