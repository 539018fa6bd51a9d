"""JewelBench: point of sale and bench work for jewelry stores and manufacturers."""

__version__ = "0.1.0"
APP_NAME = "JewelBench"
