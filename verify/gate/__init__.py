"""The gate: results + baseline + suppressions + severity overrides -> gated results. Pure: the
files it needs are read by verify.loaders and handed in."""
