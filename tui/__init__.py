"""The Textual terminal app for `writer`: a thin shell over the `writer` library."""
