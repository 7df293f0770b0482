"""Treatment Options Explorer: an offline, educational, rule-based explorer of treatment options
for heroin and other opioid addiction. Not medical advice, not a diagnosis."""

__version__ = "0.1.0"
