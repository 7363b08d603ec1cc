"""Load the shipped (provisional) BIP instrument definition as the first instrument version."""

from typing import Any

from django.db import migrations


def load(apps: Any, schema_editor: Any) -> None:
    from effekt.bip.instrument import default_document

    document = default_document()
    apps.get_model("progression", "InstrumentVersion").objects.get_or_create(
        version=document["version"],
        defaults={"definition": document, "provisional": bool(document.get("provisional"))},
    )


def unload(apps: Any, schema_editor: Any) -> None:
    from effekt.bip.instrument import DEFAULT_VERSION

    apps.get_model("progression", "InstrumentVersion").objects.filter(
        version=DEFAULT_VERSION, configurations__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("progression", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
