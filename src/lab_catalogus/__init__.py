"""LAB Catalogus: the open course catalogue for buurtsportcoaches.

The package is the catalogue core (reading, validating, beslisboom, pages,
exports) and knows nothing of MkDocs; `hooks/` adapts it to MkDocs.
"""

__version__ = "0.1.0"
