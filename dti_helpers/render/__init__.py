"""Rendering: execute (papermill; engine = warm kernels), html (nbconvert export; outputs and markdown are its
preprocessors), pdf (fonts, WeasyPrint), formats (the output-format registry), report (one province end to end)."""
