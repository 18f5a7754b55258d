"""Forms whose errors screen readers can find: each invalid input points at its error list."""

from __future__ import annotations

from django import forms


class AccessibleForm(forms.Form):
    def full_clean(self) -> None:
        super().full_clean()
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"{self[name].auto_id}_help")
            if name in self.errors:
                ids.append(f"{self[name].auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
