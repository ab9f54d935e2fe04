"""Statements: quantities -> what each states (measure, subject, time, role, scope). Empty until
the statement stage lands; it sits between reading and rules."""
