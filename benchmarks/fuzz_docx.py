"""Fuzz the docx reader with atheris: see fuzz_readers.py (``python benchmarks/fuzz_docx.py -max_total_time=600``)."""
import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).with_name("fuzz_readers.py")), run_name="__main__")
