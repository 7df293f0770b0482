"""The explorer's machine interface: the models that produce every JSON output, the format version
they carry, and the JSON Schemas generated from them (`treatment-explorer schema NAME`)."""
