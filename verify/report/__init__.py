"""Report formats: one module per format, all over the same findings and quantities."""
