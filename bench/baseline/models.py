from django.db import models


class BaselineRow(models.Model):
    """One row inserted by the baseline view."""

    name = models.CharField(max_length=100)
    message = models.TextField()

    class Meta:
        app_label = "baseline"

    def __str__(self) -> str:
        return self.name
