"""Treatment Options Explorer: an offline, educational, rule-based explorer of treatment options
for heroin and other opioid addiction. Not medical advice, not a diagnosis."""


def __getattr__(name: str) -> str:
    # __version__ comes from the package's metadata, read only when asked (--help stays light).
    if name == "__version__":
        from explorer.content.resources import version

        return version()
    raise AttributeError(f"module 'explorer' has no attribute {name!r}")
