"""The explorer's benchmark (`make bench`): start-up against floors, the answer space, scaling.

Not part of the test suite: it measures, it does not pass or fail. The parent process only spawns
and times; everything that imports the explorer runs in a child, so no figure is warmed by another.
"""
