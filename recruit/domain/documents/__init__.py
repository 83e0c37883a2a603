"""Document builders: Word, HTML and plain-text exports built from plain values, with no I/O.

Every string on its way into a document passes through ``text_safety.clean_for_document``,
because pasted text carries characters that Word's XML cannot hold.
"""
