"""Checking: rules x documents -> Match -> Finding. Masking and matching, the engine, and one
module per rule kind in kinds/."""
