"""One line describing the machine the figures were measured on."""

from __future__ import annotations

import os
import platform
import sys


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load_average() -> str:
    try:
        with open("/proc/loadavg", encoding="utf-8") as load:
            return ", ".join(load.read().split()[:3])  # commas: "2.05 1.67 1.12" reads like a phone number
    except OSError:
        return "unknown"


def describe() -> str:
    python = f"Python {platform.python_version()} ({sys.implementation.name})"
    return f"{cpu_model()}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; {python}"
