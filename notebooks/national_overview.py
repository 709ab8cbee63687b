# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (dti-reports)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["remove-cell"]
# # National DTI overview · Tổng quan DTI cả nước
#
# Set the parameters in the next cell and run all cells. Each section below is one call into
# `dti_helpers.overview`; the text a reader sees (in Vietnamese or English) comes from
# `dti_helpers/core/labels/national.py`. These markdown notes are for the analyst: they are tagged
# `remove-cell`, so they are not exported. `run_reports.py` renders this notebook to
# `reports/html|pdf/national-overview-<year>-<lang>.*`.

# %% tags=["parameters"]
year: "Optional[int]" = None  # assessment year, e.g. 2022; None: the latest assessed year
lang: str = "vi"  # overview language: "vi" (Vietnamese) or "en" (English)
data_path: "Optional[list]" = None  # your data files/folders (official tables, tidy CSV), most trusted first; None: none
embedded: bool = True  # False: use the data_path files alone, without the embedded data
units: str = "63"  # unit set: "63" (provinces until 2025) or "34" (the units after the July 2025 merger)
data_cache: "Optional[str]" = None  # set by run_reports.py: its checked copy of data_path (leave None)
downloads: "Optional[list]" = None  # set by run_reports.py: the CSV/XLSX of the figures built with the page
build_epoch: "Optional[int]" = None  # set by run_reports.py: SOURCE_DATE_EPOCH, the build date stated (leave None)

# %%
# Heavy imports once, at the top: a warm kernel reuses them for the next report.
from dti_helpers import overview

ov = overview.setup(year, lang, data_path, data_cache, units, embedded, downloads, build_epoch)
overview.cover(ov)

# %% [markdown] tags=["remove-cell"]
# ## 1. Ranking
# Every province's DTI rank and score and its pillar ranks in the year; "not published" where missing.

# %%
overview.ranking_section(ov)

# %% [markdown] tags=["remove-cell"]
# ## 2. Pillar score distributions
# Every published pillar score of the overview's year; a median, lowest or highest only where at least
# half of the units are published (the group rule), with its count. Every chart shows the overview's year.

# %%
overview.pillars_section(ov)

# %% [markdown] tags=["remove-cell"]
# ## 3. Regions compared
# The six regions by their provinces' published DTI ranks.

# %%
overview.regions_section(ov)

# %% [markdown] tags=["remove-cell"]
# ## 4. Map
# The tile-grid map of the 63 provinces coloured by DTI rank (the province report's chart).

# %%
overview.map_section(ov)

# %% [markdown] tags=["remove-cell"]
# ## 5. Biggest movers
# Rank changes between consecutive years, only where both years' ranks are published.

# %%
overview.movers_section(ov)

# %% [markdown] tags=["remove-cell"]
# ## 6. Coverage of published data

# %%
overview.coverage_section(ov)

# %% [markdown] tags=["remove-cell"]
# ## 7. Data notes
# Method, sources, data version and parameters.

# %%
overview.notes_section(ov)
