"""Fuzz the xml reader with atheris: see fuzz_readers.py (``python benchmarks/fuzz_xml.py -max_total_time=600``)."""
import runpy
import sys
from pathlib import Path

sys.argv[1:1] = ["--reader", "xml"]  # run_path sets argv[0] to fuzz_readers.py
runpy.run_path(str(Path(__file__).with_name("fuzz_readers.py")), run_name="__main__")
