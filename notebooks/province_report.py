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

# %% [markdown]
# # Province DTI report · Báo cáo DTI cấp tỉnh
#
# Set the parameters in the next cell and run all cells. Each section below is one call into
# `dti_helpers.report`; the text a reader sees (in Vietnamese or English) comes from
# `dti_helpers/labels.py`. These markdown notes are for the analyst and are not exported:
# `python -m dti_helpers.render` (one report) or `run_reports.py` (the batch) render HTML and PDF.

# %% tags=["parameters"]
province: str = "Quảng Ninh"  # province: name, slug or GSO code, e.g. "Bắc Giang", "bac-giang" or "24"
year: "Optional[int]" = None  # assessment year, e.g. 2020; None: the latest year with published data
lang: str = "vi"  # report language: "vi" (Vietnamese) or "en" (English)
peers: str = "region"  # peer strategy: "region" (same region), "rank" (within 5 DTI ranks) or "profile"
data_path: "Optional[str]" = None  # DTI data file (tidy CSV or official table); None: the embedded data

# %%
# Heavy imports once, at the top: a warm kernel reuses them for the next report.
from dti_helpers import report

rep = report.setup(province, year, lang, peers, data_path)
report.cover(rep)

# %% [markdown]
# ## 1. Headline
# DTI score and rank "x/63", change against the previous year with data, national mean, and the
# province's successor after the July 2025 merger with its 34-unit figures.

# %%
report.headline(rep)

# %% [markdown]
# ## 2. Pillar scorecard
# Pillars and, from 2021, the eight main indices: score, rank, change, national mean, region median, leader.

# %%
report.scorecard(rep)

# %% [markdown]
# ## 3. Peers
# Chosen by the `peers` parameter; the rule is stated in the report.

# %%
report.peers(rep)

# %% [markdown]
# ## 4. Position in the country
# Every province's DTI rank and a tile-grid map, with this province outlined.

# %%
report.country(rep)

# %% [markdown]
# ## 5. Trend
# Ranks per year (rank 1 on top); unpublished years stay gaps.

# %%
report.trend(rep)

# %% [markdown]
# ## 6. Strengths and weaknesses

# %%
report.strengths(rep)

# %% [markdown]
# ## 7. Data notes
# Sources of every figure, what is missing, the method, data version and parameters.

# %%
report.data_notes(rep)
