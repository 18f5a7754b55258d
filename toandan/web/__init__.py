"""The top floor: project wiring (URLs, admin site, context processors, demo and initial data, test
helpers) and staff pages that draw on several apps. Nothing imports it."""
