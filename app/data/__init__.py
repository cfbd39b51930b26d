"""Loading, validating and querying the curated CSVs in ``data/``."""

from .dataset import Dataset, load_dataset
from .problems import DataValidationError, Problem

__all__ = ["DataValidationError", "Dataset", "Problem", "load_dataset"]
