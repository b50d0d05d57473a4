"""Every import form offers and describes the same formats: Excel only where it is read."""

from django import forms

from kansli.core.tabular import excel
from kansli.core.tabular.upload_field import offer_formats


def _field():
    return forms.FileField(label="CSV-fil")


def test_with_openpyxl_the_field_offers_workbooks(monkeypatch):
    monkeypatch.setattr(excel, "available", lambda: True)
    field = _field()
    offer_formats(field, limits="högst 1 MB")
    assert ".xlsx" in field.widget.attrs["accept"] and ".csv" in field.widget.attrs["accept"]
    assert field.label == "CSV-fil eller Excel-arbetsbok"
    assert field.help_text == (
        "CSV (UTF-8, Windows-1252 eller UTF-16; semikolon, komma eller tabb mellan fälten) "
        "eller Excel-arbetsbok (.xlsx, det första bladet); högst 1 MB."
    )


def test_without_it_only_csv(monkeypatch):
    monkeypatch.setattr(excel, "available", lambda: False)
    field = _field()
    offer_formats(field)
    assert ".xlsx" not in field.widget.attrs["accept"] and field.label == "CSV-fil"
    assert "Excel" not in field.help_text and field.help_text.endswith("mellan fälten).")
