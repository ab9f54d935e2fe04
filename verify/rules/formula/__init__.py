"""The formula language of rules: parse (whitelist, never eval), print, evaluate on intervals,
solve once with sympy, and cache what was solved."""
