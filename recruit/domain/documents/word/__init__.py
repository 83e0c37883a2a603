"""The Word toolkit every document builder uses: the writer, rows, XML and safe text."""
