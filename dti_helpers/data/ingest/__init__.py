"""data/ingest"""
