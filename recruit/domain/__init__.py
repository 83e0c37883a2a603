"""The functional core: rules with no Flask, no SQLAlchemy and no I/O beyond reading data files.

Plain values in, plain values out, so each rule is tested in milliseconds.
"""
