"""The Textual terminal app for `writer`: a thin shell over the `writer` library."""

from writer.tui import collector

collector.hold()  # importing the app means starting it; the app releases it once started
