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
# # Province DTI report · Báo cáo DTI cấp tỉnh
#
# Set the parameters in the next cell and run all cells. Each section below is one call into
# `dti_helpers.report`; the text a reader sees (in Vietnamese or English) comes from
# `dti_helpers/core/labels/`. `python -m dti_helpers.render` (one report) or `run_reports.py`
# (the batch) render HTML and PDF.
#
# **What is exported:** what this notebook shows, in order. Every markdown cell here is an
# analyst's note tagged `remove-cell` (cell tags), so the exported report looks as it always did;
# a markdown cell without that tag, a DataFrame, a matplotlib figure or a `report.…` part you add
# is exported as shown. Tag a cell `remove-cell` (or `remove-output`) to keep it out.

# %% tags=["parameters"]
province: str = "Quảng Ninh"  # province: name, slug or GSO code, e.g. "Bắc Giang", "bac-giang" or "24"
year: "Optional[int]" = None  # assessment year, e.g. 2020; None: the latest year with published data
lang: str = "vi"  # report language: "vi" (Vietnamese) or "en" (English)
peers: "Union[str, list]" = "region"  # "region" (same region), "rank" (within 5 DTI ranks), "profile", or provinces: ["Bắc Ninh", "Thái Nguyên"]
data_path: "Optional[list]" = None  # your data files/folders (official tables, tidy CSV), most trusted first; None: none
embedded: bool = True  # False: use the data_path files alone, without the embedded data
units: "Optional[str]" = None  # unit set: "63" (provinces until 2025) or "34" (after the merger); None: by year and name
targets: "Optional[list]" = None  # your DTI targets: dicts with the columns of data/targets.csv, or a file; None: the shipped ones
layout: str = "auto"  # "auto": a 1-2 page brief when the year's only published figure is the DTI rank; "full" or "brief"
resolved: "Optional[dict]" = None  # set by run_reports.py / render: the request already checked (leave None)

# %%
# Heavy imports once, at the top: a warm kernel reuses them for the next report.
from dti_helpers import report

rep = report.setup(province, year, lang, peers, data_path, resolved, units, embedded, targets, layout)
report.cover(rep)

# %% [markdown] tags=["remove-cell"]
# ## 1. Headline
# DTI score and rank "x/63" (a report of the 34 units: "x/34"), rank change against the previous year
# with data (a score change only between years of the same method, and never in the cards), national
# mean; a former province's successor after the July 2025 merger with its 34-unit figures, or a new
# unit's former provinces.

# %%
report.headline(rep)

# %% [markdown] tags=["remove-cell"]
# ## 2. Pillar scorecard
# Pillars and, from 2021, the eight main indices: score, rank, change, national mean, region median, leader.

# %%
report.scorecard(rep)

# %% [markdown] tags=["remove-cell"]
# ## 3. Peers
# Chosen by the `peers` parameter; the rule is stated in the report.

# %%
report.peers(rep)

# %% [markdown] tags=["remove-cell"]
# ## 4. Position in the country
# Every province's DTI rank and a tile-grid map, with this province outlined.

# %%
report.country(rep)

# %% [markdown] tags=["remove-cell"]
# ## 5. Trend
# Ranks per year (rank 1 on top); unpublished years stay gaps.

# %%
report.trend(rep)

# %% [markdown] tags=["remove-cell"]
# ## Former provinces (reports of the 34 units only)
# Each former province's published figures, ranks of the 63, side by side; shows nothing in a
# report of the 63.

# %%
report.former_provinces(rep)

# %% [markdown] tags=["remove-cell"]
# ## Strengths and weaknesses
# A pillar or index in the top (bottom) tenth of the units, or 10 places better (worse) than the DTI rank.

# %%
report.strengths(rep)

# %% [markdown] tags=["remove-cell"]
# ## Targets (when the province has one)
# Each DTI target of the province's plans (`data/targets.csv`, `--targets FILE` or the `targets` parameter)
# with its status from published figures: met, not met or not yet assessed, what it rests on and what it
# takes; shows nothing for a province without a target.

# %%
report.targets(rep)

# %% [markdown] tags=["remove-cell"]
# ## Sources (a brief only)
# A brief (`rep.is_brief`: the year's only published figure is the DTI rank, or `layout="brief"`) is
# short: the cells above show their brief forms (rank, rank history, map, successor, targets) or nothing,
# this one a short source list, and the data notes below follow as an appendix. Shows nothing in a full report.

# %%
report.sources(rep)

# %% [markdown] tags=["remove-cell"]
# ## Adding your own section: the section kit
# The built-in sections are made of the same parts you can use (all in `report`, words escaped,
# numbers in the report's format): `report.text(s)` a paragraph; `report.table(df_or_rows, ...)`
# a table (scores with 4 decimals, ranks "x/63", a missing figure reads "not published", a row
# whose `doubtful` is true gets † marks and its note); `report.chart(fig_or_ax, alt=...)` a
# matplotlib chart as SVG; `report.note(s)` a commentary box for the leadership briefing;
# `report.section(title, *parts)` a section with its entry in the table of contents.
# A plain DataFrame or matplotlib figure shown by a cell is exported as a kit table or chart too.
#
# Worked example, a comparison with two chosen provinces without pandas (paste it in a new cell
# before "Data notes"):
#
# ```python
# rows = report.figures(rep, ["Bắc Ninh", "Thái Nguyên"])  # published figures as plain rows
# report.section(
#     "So sánh với Bắc Ninh và Thái Nguyên",
#     report.text("Điểm và thứ hạng DTI cùng ba trụ cột của hai tỉnh được chọn."),
#     report.table(rows, columns=report.figure_columns(rep), sources="sources"),
#     report.note("Gợi ý cho lãnh đạo: ..."),
# )
# ```
#
# Or the whole comparison in one call, a table and a rank chart in the report's style:
# `report.compare(rep, ["Bắc Ninh", "Thái Nguyên"])`. The `peers` parameter takes the same list
# for section 3.

# %% [markdown] tags=["remove-cell"]
# ## Data notes
# Sources of every figure, what is missing, the method, data version and parameters.

# %%
report.data_notes(rep)
