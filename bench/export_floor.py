"""The export's floor: a process that only zips an already-produced document.xml."""

FLOOR_SCRIPT = """
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as source:
    xml = source.read("word/document.xml")
with zipfile.ZipFile(sys.argv[2], "w", compression=zipfile.ZIP_DEFLATED) as target:
    target.writestr("word/document.xml", xml)
"""
