"""Evaluation of the movement: indicators with targets, inspections, model practices, budget, dashboards."""
